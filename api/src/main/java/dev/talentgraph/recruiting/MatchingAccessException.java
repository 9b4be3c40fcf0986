package dev.talentgraph.recruiting;

/** A MANAGER asked to rank the candidates of an opening of a team they do not manage. */
class MatchingAccessException extends RuntimeException {
  MatchingAccessException(String message) {
    super(message);
  }
}
