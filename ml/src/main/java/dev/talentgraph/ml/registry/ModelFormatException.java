package dev.talentgraph.ml.registry;

/**
 * A stored model that this build cannot read: unknown format, newer format version, or corrupt
 * bytes.
 */
public class ModelFormatException extends RuntimeException {
  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
