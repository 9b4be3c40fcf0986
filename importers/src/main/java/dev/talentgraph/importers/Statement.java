package dev.talentgraph.importers;

/**
 * One parameterised write, run as {@code UNWIND $rows AS row ...} over a batch of row maps. Values
 * only ever travel as parameters. Statements of a batch run in ascending {@code phase} inside one
 * transaction, so nodes (low phase) exist before the relationships (higher phase) that match them.
 *
 * @param name short name for reports and errors
 * @param phase ordering within a batch
 * @param cypher the statement; it reads its input from {@code row}
 */
public record Statement(String name, int phase, String cypher) {
  public static final int NODES = 0;
  public static final int RELATIONSHIPS = 10;
  public static final int LATE = 20;

  public Statement {
    if (!cypher.contains("$rows"))
      throw new IllegalArgumentException("statement " + name + " must UNWIND $rows");
  }

  /** A statement in the node phase; {@code body} follows {@code UNWIND $rows AS row}. */
  public static Statement nodes(String name, String body) {
    return new Statement(name, NODES, "UNWIND $rows AS row " + body);
  }

  /** A statement in the relationship phase; {@code body} follows {@code UNWIND $rows AS row}. */
  public static Statement relationships(String name, String body) {
    return new Statement(name, RELATIONSHIPS, "UNWIND $rows AS row " + body);
  }

  public static Statement of(String name, int phase, String body) {
    return new Statement(name, phase, "UNWIND $rows AS row " + body);
  }
}
