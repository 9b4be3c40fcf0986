package dev.talentgraph.privacy;

/**
 * Published after an expert was erased: services holding copies of the graph in memory (the
 * collaboration index, question routers) drop them, so no answer names the person afterwards.
 */
public record ExpertErased(String expertId) {}
