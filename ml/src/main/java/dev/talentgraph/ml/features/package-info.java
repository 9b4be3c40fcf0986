/**
 * Declared features: what a model sees of a node (typed properties, one-hot categories, dates as
 * years, skill counts and levels, graph measures such as degree, PageRank, collaboration counts and
 * recency, courses completed and team size), how those values are read from the graph, and how they
 * are encoded for Tribuo. Feature sets are data, recorded in each model's provenance; protected
 * attributes are excluded unless explicitly allowed.
 */
package dev.talentgraph.ml.features;
