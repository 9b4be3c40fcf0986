package dev.talentgraph.scoring;

import java.util.Arrays;
import java.util.Optional;

/**
 * The GraphQL enum {@code ModelKind}: every model kind the registry holds, under a name GraphQL
 * allows (enum values cannot contain hyphens, so {@code collaborator-ranker} is {@code
 * COLLABORATOR_RANKER}). The one place where the API's names and the registry's names are mapped,
 * both ways.
 */
enum ModelKindName {
  ATTRITION("attrition"),
  HIGH_POTENTIAL("high-potential"),
  TRAINING_EFFECT("training-effect"),
  JOB_CHANGE("job-change"),
  HIRE("hire"),
  PERFORMANCE("performance"),
  COLLABORATOR_RANKER("collaborator-ranker"),
  COURSE_RANKER("course-ranker");

  private final String registryName;

  ModelKindName(String registryName) {
    this.registryName = registryName;
  }

  /** The kind as the model registry and the ml module name it, e.g. {@code collaborator-ranker}. */
  String registryName() {
    return registryName;
  }

  /** The API name of a registry kind; empty for a kind the API does not know. */
  static Optional<ModelKindName> ofRegistryName(String registryName) {
    return Arrays.stream(values()).filter(k -> k.registryName.equals(registryName)).findFirst();
  }

  /** The registry name of an API kind, or null for null (no kind given). */
  static String registryNameOf(ModelKindName kind) {
    return kind == null ? null : kind.registryName;
  }
}
