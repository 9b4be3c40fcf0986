package dev.talentgraph.ml.model;

/**
 * How much one input pushed one score, with the sentence a recruiter reads.
 *
 * @param feature the input (column or feature-definition) name
 * @param value the input's value for this person, as shown to a reader
 * @param contribution signed effect on the model's log-odds (classification) or on the predicted
 *     value (regression)
 * @param text the explanation in words, e.g. "Works overtime (OverTime = Yes): raises the attrition
 *     risk"
 */
public record Contribution(String feature, String value, double contribution, String text) {}
