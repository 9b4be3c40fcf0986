package dev.talentgraph.analyst;

/**
 * Why an analyst query did not run or did not finish; {@link Kind} says which answer the client
 * gets.
 */
final class CypherException extends RuntimeException {
  /** The failure kinds, with their HTTP status and GraphQL error code. */
  public enum Kind {
    /** The caller's roles do not include ANALYST or ADMIN. */
    FORBIDDEN(403, "CYPHER_FORBIDDEN"),
    /** The plan check refused the query. */
    REFUSED(403, "CYPHER_REFUSED"),
    /** Not valid Cypher, a missing parameter, a type error. */
    INVALID(400, "CYPHER_INVALID"),
    /** The transaction time limit ended the query. */
    TIME_LIMIT(400, "CYPHER_TIME_LIMIT"),
    /** Too many analyst queries are running. */
    BUSY(429, "CYPHER_BUSY"),
    /** Anything else (database unavailable). */
    FAILED(500, "CYPHER_FAILED");

    public final int status;
    public final String code;

    Kind(int status, String code) {
      this.status = status;
      this.code = code;
    }
  }

  private final Kind kind;
  private final CypherRefusal refusal;

  public CypherException(Kind kind, String message, CypherRefusal refusal, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.refusal = refusal;
  }

  public Kind kind() {
    return kind;
  }

  /** The refusal, for {@link Kind#REFUSED}; null otherwise. */
  public CypherRefusal refusal() {
    return refusal;
  }
}
