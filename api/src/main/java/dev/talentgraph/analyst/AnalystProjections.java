package dev.talentgraph.analyst;

import dev.talentgraph.schema.GraphSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/**
 * The GDS graphs analysts project through the guarded endpoint, checked by what they hold.
 *
 * <p>The plan cannot show what {@code gds.graph.project} will load: Neo4j turns the literals of its
 * arguments into parameters before planning, and a label named in a string is not a label the
 * planner sees. So a projection is checked after it ran, before anyone can use it: the guard lets
 * it through only as a query of its own (no other procedure in it); it runs alone, while no other
 * analyst query runs; and the new graph's configuration in the GDS catalog (the source labels,
 * relationship types and property keys it loaded) and its size are checked against the same
 * protected lists as queries, deny by default for properties. A graph that breaks a rule is dropped
 * at once and the query refused. At most {@code gdsMaxGraphs} analyst graphs exist, each for at
 * most {@code gdsTtl}.
 *
 * <p>The catalog is in memory and shared by everything in the process; graphs the application
 * projects for itself (communities) are short-lived and hold public relationships only.
 */
final class AnalystProjections {
  private final Driver driver;
  private final String database;
  private final AnalystSettings settings;
  private final Clock clock;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
  private final Map<String, Instant> owned = new ConcurrentHashMap<>();

  AnalystProjections(Driver driver, String database, AnalystSettings settings, Clock clock) {
    this.driver = driver;
    this.database = database;
    this.settings = settings;
    this.clock = clock;
  }

  /** True for the procedure that builds a graph from the database by labels and types. */
  static boolean isProjection(String procedure) {
    return procedure.equalsIgnoreCase("gds.graph.project");
  }

  /** Runs an analyst query that does not project, while no projection is being checked. */
  <T> T read(Supplier<T> query) {
    lock.readLock().lock();
    try {
      return query.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Runs a projecting query alone, then checks every graph it added; a refusal drops the graph and
   * throws before any other analyst query can read it.
   */
  <T> T project(Supplier<T> query) {
    lock.writeLock().lock();
    try {
      Set<String> before = names();
      T result;
      try {
        result = query.get();
      } finally {
        Optional<CypherRefusal> refusal = checkNew(before);
        if (refusal.isPresent()) {
          throw new CypherException(
              CypherException.Kind.REFUSED, refusal.get().message(), refusal.get(), null);
        }
      }
      return result;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Drops analyst graphs older than the time to live and forgets those dropped by hand; called
   * before every analyst query.
   */
  void sweep() {
    Instant now = clock.instant();
    Set<String> present = null;
    for (var e : List.copyOf(owned.entrySet())) {
      if (Duration.between(e.getValue(), now).compareTo(settings.gdsTtl()) >= 0) {
        drop(e.getKey());
        owned.remove(e.getKey());
      } else {
        if (present == null) present = names();
        if (!present.contains(e.getKey())) owned.remove(e.getKey());
      }
    }
  }

  /** The analyst graphs alive now, by name. */
  Set<String> owned() {
    return Set.copyOf(owned.keySet());
  }

  private Optional<CypherRefusal> checkNew(Set<String> before) {
    Optional<CypherRefusal> first = Optional.empty();
    try (var s = session()) {
      var rows =
          s.run(
                  "CALL gds.graph.list() YIELD graphName, configuration, nodeCount,"
                      + " relationshipCount RETURN graphName, configuration,"
                      + " nodeCount + relationshipCount AS elements")
              .list();
      for (var r : rows) {
        String name = r.get("graphName").asString();
        if (before.contains(name)) continue;
        Optional<String> why =
            violation(
                r.get("configuration").asMap(Value::asObject),
                r.get("elements").asLong(),
                Set.copyOf(settings.protectedLabels()),
                Set.copyOf(settings.protectedTypes()),
                Set.copyOf(settings.gdsProperties()));
        if (why.isEmpty() && owned.size() >= settings.gdsMaxGraphs()) {
          why =
              Optional.of(
                  "analysts may hold at most "
                      + settings.gdsMaxGraphs()
                      + " GDS graphs at once; drop one with gds.graph.drop");
        }
        if (why.isPresent()) {
          drop(name);
          if (first.isEmpty()) {
            first =
                Optional.of(
                    new CypherRefusal(
                        "gds_projection",
                        "ProcedureCall",
                        name,
                        "refused: the GDS graph '" + name + "' " + why.get() + "; it was dropped"));
          }
        } else {
          owned.put(name, clock.instant());
        }
      }
    }
    return first;
  }

  /**
   * Why a projection with this catalog configuration may not stay, or empty. Every source label and
   * relationship type must be named (no {@code *}) and unprotected, every loaded property on the
   * allow-list, and only native projections (node and relationship projections) are known.
   */
  static Optional<String> violation(
      Map<String, Object> configuration,
      long elements,
      Set<String> protectedLabels,
      Set<String> protectedTypes,
      Set<String> allowedProperties,
      long maxElements) {
    Object nodes = configuration.get("nodeProjection");
    Object rels = configuration.get("relationshipProjection");
    if (!(nodes instanceof Map<?, ?> nodeMap) || !(rels instanceof Map<?, ?> relMap)) {
      return Optional.of("is not a native projection the guard can check");
    }
    for (Object spec : nodeMap.values()) {
      Optional<String> why =
          checkElement(spec, "label", "label", protectedLabels, allowedProperties);
      if (why.isPresent()) return why;
    }
    for (Object spec : relMap.values()) {
      Optional<String> why =
          checkElement(spec, "type", "relationship type", protectedTypes, allowedProperties);
      if (why.isPresent()) return why;
    }
    for (String key : List.of("nodeProperties", "relationshipProperties")) {
      for (String property : propertyNames(configuration.get(key))) {
        if (!allowedProperties.contains(property)) return Optional.of(notAllowed(property));
      }
    }
    if (elements > maxElements) {
      return Optional.of(
          "holds " + elements + " nodes and relationships, more than the limit of " + maxElements);
    }
    return Optional.empty();
  }

  private Optional<String> violation(
      Map<String, Object> configuration,
      long elements,
      Set<String> protectedLabels,
      Set<String> protectedTypes,
      Set<String> allowedProperties) {
    return violation(
        configuration,
        elements,
        protectedLabels,
        protectedTypes,
        allowedProperties,
        settings.gdsMaxElements());
  }

  private static Optional<String> checkElement(
      Object spec,
      String key,
      String what,
      Set<String> protectedNames,
      Set<String> allowedProperties) {
    if (!(spec instanceof Map<?, ?> m) || !(m.get(key) instanceof String source)) {
      return Optional.of("has a " + what + " projection the guard cannot read");
    }
    if (source.equals("*") || source.isBlank()) {
      return Optional.of(
          "loads every "
              + what
              + " (*), which includes personal data; name the "
              + what
              + "s to project");
    }
    if (protectedNames.contains(source)) {
      return Optional.of(
          "loads the " + what + " " + source + ", which holds personal data or secrets");
    }
    for (String property : propertyNames(m.get("properties"))) {
      if (!allowedProperties.contains(property)) return Optional.of(notAllowed(property));
    }
    return Optional.empty();
  }

  private static String notAllowed(String property) {
    return "loads the property '"
        + property
        + "', which is not on the analyst projection allow-list (talent.analyst.gds-properties)";
  }

  /** Source property keys of a property projection: a name, a list of names, or a map of specs. */
  private static List<String> propertyNames(Object properties) {
    List<String> out = new ArrayList<>();
    if (properties instanceof String s) {
      out.add(s);
    } else if (properties instanceof List<?> list) {
      for (Object o : list) out.addAll(propertyNames(o));
    } else if (properties instanceof Map<?, ?> map) {
      for (var e : map.entrySet()) {
        if (e.getValue() instanceof Map<?, ?> spec && spec.get("property") instanceof String p) {
          out.add(p);
        } else {
          out.add(String.valueOf(e.getKey()));
        }
      }
    }
    return out;
  }

  private Set<String> names() {
    try (var s = session()) {
      return new HashSet<>(
          s.run("CALL gds.graph.list() YIELD graphName RETURN graphName")
              .list(r -> r.get("graphName").asString()));
    }
  }

  private void drop(String name) {
    try (var s = session()) {
      s.run(
              "CALL gds.graph.drop($name, false) YIELD graphName RETURN graphName",
              Map.of("name", name))
          .consume();
    }
  }

  private org.neo4j.driver.Session session() {
    return driver.session(GraphSessions.read(driver, database));
  }
}
