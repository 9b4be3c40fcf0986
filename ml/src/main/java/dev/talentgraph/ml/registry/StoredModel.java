package dev.talentgraph.ml.registry;

import dev.talentgraph.ml.model.EncodedModel;

/** A model loaded from the registry, ready to score. */
public record StoredModel(ModelInfo info, EncodedModel model) {}
