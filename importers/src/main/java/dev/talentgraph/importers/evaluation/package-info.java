/**
 * Measurements of the importers' skill extractor on the data sets' own text ({@code bin/talentgraph
 * eval extractor}): coverage, precision on hand judgements, cross-language agreement.
 */
package dev.talentgraph.importers.evaluation;
