package dev.talentgraph.ml.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A registered model version without its bytes: what lists and the API show. */
public record ModelInfo(
    String id,
    String kind,
    int version,
    boolean active,
    Instant trainedAt,
    String algorithm,
    long seed,
    String outcome,
    Map<String, Double> metrics,
    String format,
    int formatVersion,
    int sizeBytes,
    String dataJson,
    String featureSetJson,
    String hyperparametersJson,
    LocalDate trainedFrom,
    LocalDate trainedUntil,
    long trainingRows) {}
