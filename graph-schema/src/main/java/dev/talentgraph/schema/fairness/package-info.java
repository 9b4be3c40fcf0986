/**
 * Fair funnels: the voluntary demographics vocabulary and the one adverse-impact rule (selection
 * rates, impact ratios against the most selected group, the four-fifths flag and small-group
 * suppression) that the recruiting metrics and candidate ranking both apply.
 */
package dev.talentgraph.schema.fairness;
