package dev.talentgraph.privacy;

/** {@code type PerformanceReview}: personal data (ratings). */
public record PerformanceReview(String id, Integer year, Integer rating, String summary) {}
