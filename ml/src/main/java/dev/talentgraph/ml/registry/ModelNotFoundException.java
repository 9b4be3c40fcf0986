package dev.talentgraph.ml.registry;

/** No model of the requested kind and version (or no active version) is in the registry. */
public class ModelNotFoundException extends RuntimeException {
  public ModelNotFoundException(String message) {
    super(message);
  }
}
