package dev.talentgraph.metrics;

/**
 * A bad argument to the metrics: which one, and a code a program can branch on ({@code
 * INVALID_DATE}, {@code FROM_AFTER_TO}, {@code UNKNOWN_TEAM}, {@code UNKNOWN_REGION}, {@code
 * OUT_OF_RANGE}, {@code FORBIDDEN}). Nothing was computed.
 */
public class MetricsException extends RuntimeException {
  private final String argument;
  private final String code;

  public MetricsException(String argument, String code, String message) {
    super(message);
    this.argument = argument;
    this.code = code;
  }

  public String argument() {
    return argument;
  }

  public String code() {
    return code;
  }
}
