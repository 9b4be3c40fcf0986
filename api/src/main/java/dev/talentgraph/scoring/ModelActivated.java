package dev.talentgraph.scoring;

/**
 * The active version of a model kind changed (trained and activated, activated by hand, or
 * activated by another process on the same database). Services that keep a model in memory reload
 * on it.
 *
 * @param kind the model kind
 * @param version the version now active, or 0 when the kind has no active version any more
 */
public record ModelActivated(String kind, int version) {}
