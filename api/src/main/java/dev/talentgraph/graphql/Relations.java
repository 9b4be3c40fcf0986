package dev.talentgraph.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.Value;
import reactor.core.publisher.Mono;

/**
 * Resolves a nested list field for all the parent nodes of one nesting level: the one place every
 * nested list of the API goes through (and the place where a field rule can be applied later).
 *
 * <p>Parents that came with the list already fetched (the page statement selected it) are answered
 * from memory; the others are loaded with ONE batched statement for all of them. A request
 * therefore costs one statement for the page plus at most one per nested field deeper than the page
 * prefetches, however many rows the page has.
 */
public final class Relations {
  private Relations() {}

  /**
   * @param parents the parent nodes of this nesting level (from a {@code @BatchMapping})
   * @param prefetched the list a parent already holds, or null when it was not fetched
   * @param idOf the parent's id
   * @param load a batched load of the list for many ids (see {@link #loader})
   */
  public static <P, T> Mono<Map<P, List<T>>> resolve(
      List<P> parents,
      Function<P, List<T>> prefetched,
      Function<P, String> idOf,
      Function<List<String>, Mono<Map<String, List<T>>>> load) {
    Map<P, List<T>> result = new LinkedHashMap<>(parents.size() * 2);
    List<String> missing = null;
    for (P p : parents) {
      List<T> known = prefetched.apply(p);
      if (known != null) {
        result.put(p, known);
      } else {
        if (missing == null) missing = new ArrayList<>();
        missing.add(idOf.apply(p));
      }
    }
    if (missing == null) return Mono.just(result);
    return load.apply(missing)
        .map(
            loaded -> {
              for (P p : parents) {
                if (!result.containsKey(p))
                  result.put(p, loaded.getOrDefault(idOf.apply(p), List.of()));
              }
              return result;
            });
  }

  /** A batched load: runs {@link NodeQuery#batch} for the ids and maps each row's list. */
  public static <T> Function<List<String>, Mono<Map<String, List<T>>>> loader(
      CypherGateway cypher,
      RoundTrips roundTrips,
      String label,
      String fragment,
      Function<Value, T> item) {
    String statement = NodeQuery.batch(label, fragment);
    return ids ->
        cypher
            .read(roundTrips, statement, Map.of("ids", ids))
            .map(
                rows -> {
                  Map<String, List<T>> byId = new HashMap<>(rows.size() * 2);
                  for (var r : rows) byId.put(r.get(0).asString(), Vals.list(r.get(1), item));
                  return byId;
                });
  }
}
