package dev.talentgraph.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parsed and validated documents by their text: clients send the same few documents over and over,
 * so parsing and validating each once saves that work on every later request. Bounded: when full it
 * is emptied (simple and enough for a working set of a few hundred documents).
 */
final class DocumentCache implements PreparsedDocumentProvider {
  private final int capacity;
  private final ConcurrentHashMap<String, PreparsedDocumentEntry> entries =
      new ConcurrentHashMap<>();

  DocumentCache(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
      ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    PreparsedDocumentEntry entry = entries.get(input.getQuery());
    if (entry == null) {
      entry = parseAndValidate.apply(input);
      if (entries.size() >= capacity) entries.clear();
      entries.put(input.getQuery(), entry);
    }
    return CompletableFuture.completedFuture(entry);
  }
}
