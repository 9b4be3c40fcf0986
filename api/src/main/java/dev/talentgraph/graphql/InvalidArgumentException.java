package dev.talentgraph.graphql;

/**
 * A query argument the API cannot serve (a page past the cap, a cursor it never issued, a filter
 * without a value). It becomes a GraphQL error of type BAD_REQUEST whose {@code
 * extensions.argument} names the argument, e.g. {@code first} or {@code
 * where.hasSkill[0].minLevel}.
 */
public class InvalidArgumentException extends RuntimeException {
  private final String argument;

  public InvalidArgumentException(String argument, String message) {
    super(message);
    this.argument = argument;
  }

  public String argument() {
    return argument;
  }
}
