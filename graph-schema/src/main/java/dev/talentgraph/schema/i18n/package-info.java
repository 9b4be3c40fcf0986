/**
 * The languages of the taxonomy and where their labels live on a node: {@link
 * dev.talentgraph.schema.i18n.Languages}, the one place that names the per-language property keys
 * and the English fallback rule. Pure Java, no database access.
 */
package dev.talentgraph.schema.i18n;
