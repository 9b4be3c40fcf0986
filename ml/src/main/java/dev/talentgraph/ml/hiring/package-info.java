/**
 * Hiring: skill coverage of an opening's requirements through the taxonomy ({@link
 * dev.talentgraph.ml.hiring.SkillCoverage}), evidence strength ({@link
 * dev.talentgraph.ml.hiring.EvidenceStrength}), the application features ({@link
 * dev.talentgraph.ml.hiring.HireFeatures}) and the hire-likelihood model kind ({@link
 * dev.talentgraph.ml.hiring.HireModel}), trained, registered and scored like every other kind
 * (docs/adr/0006).
 */
package dev.talentgraph.ml.hiring;
