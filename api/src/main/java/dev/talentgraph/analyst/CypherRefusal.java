package dev.talentgraph.analyst;

/**
 * Why the guard refused a query: a short machine-readable {@code code}, the plan operator where it
 * was found and the offending name (procedure, function, label, type), and a sentence for people.
 */
record CypherRefusal(String code, String operator, String subject, String message) {
  @Override
  public String toString() {
    return message;
  }
}
