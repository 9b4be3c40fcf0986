package dev.talentgraph.graphql;

import graphql.language.Document;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values derived from a parsed document, kept for as long as the document is. Clients repeat the
 * same few documents and {@link DocumentCache} hands every request with the same text the same
 * parsed {@link Document}, so work that depends only on the document (and a key: operation,
 * variables, a field's place) is done once.
 *
 * <p>Documents are weak keys: when the document cache drops a document, its values go with it. Each
 * document keeps at most {@code perDocument} values; past that its values are dropped and derived
 * again.
 *
 * @param <K> what a value depends on besides the document
 * @param <V> the derived value (never null)
 */
public final class PerDocument<K, V> {
  private final int perDocument;
  private final Map<Document, Map<K, V>> byDocument =
      Collections.synchronizedMap(new WeakHashMap<>());

  public PerDocument(int perDocument) {
    this.perDocument = perDocument;
  }

  /** The value for this document and key, derived on first use. */
  public V get(Document document, K key, Supplier<V> derive) {
    Map<K, V> values = byDocument.computeIfAbsent(document, d -> new ConcurrentHashMap<>());
    V value = values.get(key);
    if (value == null) {
      value = derive.get();
      if (values.size() >= perDocument) values.clear();
      values.put(key, value);
    }
    return value;
  }
}
