package dev.talentgraph.ml.collab;

import static dev.talentgraph.schema.Labels.EXPERT;
import static dev.talentgraph.schema.Labels.PROJECT;
import static dev.talentgraph.schema.Labels.PUBLICATION;
import static dev.talentgraph.schema.Labels.SKILL;
import static dev.talentgraph.schema.Labels.TEAM;
import static dev.talentgraph.schema.Props.COUNT;
import static dev.talentgraph.schema.Props.FIRST_YEAR;
import static dev.talentgraph.schema.Props.ID;
import static dev.talentgraph.schema.Props.LAST_YEAR;
import static dev.talentgraph.schema.Props.LEVEL;
import static dev.talentgraph.schema.Props.NAME;
import static dev.talentgraph.schema.Props.YEAR;
import static dev.talentgraph.schema.RelTypes.AUTHORED;
import static dev.talentgraph.schema.RelTypes.BROADER;
import static dev.talentgraph.schema.RelTypes.COLLABORATED_WITH;
import static dev.talentgraph.schema.RelTypes.HAS_SKILL;
import static dev.talentgraph.schema.RelTypes.MEMBER_OF;
import static dev.talentgraph.schema.RelTypes.REQUIRES;
import static dev.talentgraph.schema.RelTypes.WORKED_ON;

import dev.talentgraph.schema.GraphSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Loads the {@link CollabGraph} from Neo4j in a handful of streaming read queries (one per
 * relationship type), once; the recommender then answers from memory.
 *
 * <p>What it reads: experts (id, name); COLLABORATED_WITH with count, first and last year;
 * HAS_SKILL (level as evidence), and the BROADER skill of each held skill at half weight (so that
 * experts whose skills sit close in the taxonomy overlap); MEMBER_OF teams as groups; AUTHORED
 * publications' years as activity; projects with their REQUIRES skills and WORKED_ON members.
 *
 * <p>A snapshot "as of" a year keeps collaborations first seen up to it (last year capped to it;
 * the count cannot be split by year and is kept whole, an approximation stated here) and
 * publications up to it. Skills are kept whole: HAS_SKILL carries no reliable date.
 */
public final class Neo4jCollabGraphLoader {

  /** Evidence a skill lends to its broader skill (taxonomy parent). */
  static final float BROADER_WEIGHT = 0.5f;

  private final Driver driver;
  private final String database;

  public Neo4jCollabGraphLoader(Driver driver, String database) {
    this.driver = driver;
    this.database = database;
  }

  /** The whole graph, reference year = the latest year found. */
  public CollabGraph load(Consumer<String> progress) {
    return load(null, progress);
  }

  /** The graph as of the end of {@code asOfYear} (null: everything). */
  public CollabGraph load(Integer asOfYear, Consumer<String> progress) {
    CollabGraph.Builder b = CollabGraph.builder();
    int year = asOfYear == null ? Integer.MAX_VALUE : asOfYear;
    Map<String, Object> params = Map.of("year", year);
    progress.accept("reading experts");
    each(
        "MATCH (e:" + EXPERT + ") RETURN e." + ID + " AS id, e." + NAME + " AS name",
        params,
        r -> b.expert(r.get("id").asString(), str(r.get("name"))));
    progress.accept("reading collaborations");
    int[] maxYear = {CollabGraph.UNKNOWN_YEAR};
    each(
        "MATCH (a:"
            + EXPERT
            + ")-[c:"
            + COLLABORATED_WITH
            + "]->(b:"
            + EXPERT
            + ") "
            + "WHERE coalesce(c."
            + FIRST_YEAR
            + ", 0) <= $year "
            + "RETURN a."
            + ID
            + " AS a, b."
            + ID
            + " AS b, coalesce(c."
            + COUNT
            + ", 1) AS count, "
            + "coalesce(c."
            + FIRST_YEAR
            + ", 0) AS first, coalesce(c."
            + LAST_YEAR
            + ", c."
            + FIRST_YEAR
            + ", 0) AS last",
        params,
        r -> {
          int last = Math.min(r.get("last").asInt(), year);
          maxYear[0] = Math.max(maxYear[0], last);
          b.collaboration(
              r.get("a").asString(),
              r.get("b").asString(),
              r.get("count").asInt(),
              r.get("first").asInt(),
              last);
        });
    progress.accept("reading skills");
    each(
        "MATCH (e:"
            + EXPERT
            + ")-[h:"
            + HAS_SKILL
            + "]->(s:"
            + SKILL
            + ") "
            + "RETURN e."
            + ID
            + " AS e, s."
            + ID
            + " AS s, s."
            + NAME
            + " AS name, coalesce(h."
            + LEVEL
            + ", 1) AS level",
        params,
        r ->
            b.skill(
                r.get("e").asString(),
                r.get("s").asString(),
                str(r.get("name")),
                (float) Math.max(1, r.get("level").asNumber().doubleValue())));
    // taxonomy closeness: a skill also counts, at half weight, as evidence for its broader skill,
    // so
    // two experts with sibling skills ("dependency parsing", "constituency parsing") overlap
    each(
        "MATCH (e:"
            + EXPERT
            + ")-[:"
            + HAS_SKILL
            + "]->(:"
            + SKILL
            + ")-[:"
            + BROADER
            + "]->(p:"
            + SKILL
            + ") "
            + "RETURN e."
            + ID
            + " AS e, p."
            + ID
            + " AS s, p."
            + NAME
            + " AS name, count(*) AS n",
        params,
        r ->
            b.skill(
                r.get("e").asString(),
                r.get("s").asString(),
                str(r.get("name")),
                BROADER_WEIGHT * r.get("n").asInt()));
    each(
        "MATCH (e:"
            + EXPERT
            + ")-[:"
            + MEMBER_OF
            + "]->(t:"
            + TEAM
            + ") "
            + "RETURN e."
            + ID
            + " AS e, coalesce(t."
            + NAME
            + ", t."
            + ID
            + ") AS team",
        params,
        r -> b.group(r.get("e").asString(), r.get("team").asString(), 1f));
    progress.accept("reading activity");
    each(
        "MATCH (e:"
            + EXPERT
            + ")-[:"
            + AUTHORED
            + "]->(p:"
            + PUBLICATION
            + ") "
            + "WHERE p."
            + YEAR
            + " IS NOT NULL AND p."
            + YEAR
            + " <= $year "
            + "RETURN e."
            + ID
            + " AS e, p."
            + YEAR
            + " AS year",
        params,
        r -> {
          int y = r.get("year").asInt();
          maxYear[0] = Math.max(maxYear[0], y);
          b.activity(r.get("e").asString(), y);
        });
    progress.accept("reading projects");
    each(
        "MATCH (p:"
            + PROJECT
            + ") "
            + "OPTIONAL MATCH (p)-[:"
            + REQUIRES
            + "]->(s:"
            + SKILL
            + ") "
            + "WITH p, collect(DISTINCT {id: s."
            + ID
            + ", name: s."
            + NAME
            + "}) AS skills "
            + "OPTIONAL MATCH (m:"
            + EXPERT
            + ")-[:"
            + WORKED_ON
            + "]->(p) "
            + "RETURN p."
            + ID
            + " AS id, p."
            + NAME
            + " AS name, skills, collect(DISTINCT m."
            + ID
            + ") AS members",
        params,
        r -> {
          List<String> skills = new ArrayList<>();
          for (Value s : r.get("skills").values()) {
            if (s.get("id").isNull()) continue;
            b.knownSkill(s.get("id").asString(), str(s.get("name")));
            skills.add(s.get("id").asString());
          }
          List<String> members = r.get("members").asList(Value::asString);
          b.project(r.get("id").asString(), str(r.get("name")), skills, members);
        });
    int ref = asOfYear != null ? asOfYear : maxYear[0];
    CollabGraph g = b.build(ref);
    progress.accept("loaded " + g);
    return g;
  }

  private static String str(Value v) {
    return v == null || v.isNull() ? null : v.asString();
  }

  private void each(String cypher, Map<String, Object> params, Consumer<Record> sink) {
    try (var session = driver.session(GraphSessions.read(driver, database))) {
      session.executeRead(
          tx -> {
            var result = tx.run(cypher, params);
            while (result.hasNext()) sink.accept(result.next());
            return null;
          });
    }
  }

  /**
   * Pairs linked in {@code later} but not in {@code earlier}, both of whose experts already have a
   * collaboration in {@code earlier}: the labels of a snapshot, as pair keys over earlier's
   * indices.
   */
  public static long[] newPairs(CollabGraph earlier, CollabGraph later) {
    java.util.Set<Long> out = new java.util.TreeSet<>();
    for (int x = 0; x < later.size(); x++) {
      Integer u = earlier.indexOf(later.id(x)).orElse(null);
      if (u == null || earlier.degree(u) == 0) continue;
      for (int i = later.adjStart(x); i < later.adjEnd(x); i++) {
        int y = later.neighbourAt(i);
        if (y < x) continue;
        Integer v = earlier.indexOf(later.id(y)).orElse(null);
        if (v == null || earlier.degree(v) == 0 || earlier.hasEdge(u, v)) continue;
        out.add(CollabGraph.pairKey(u, v));
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }
}
