package dev.talentgraph.teams;

import dev.talentgraph.schema.skills.SkillCredit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/** The reads team formation and key-person risk share: skills, taxonomy, people, ties. */
final class TeamGraph {
  private TeamGraph() {}

  static final String SKILL_NAMES =
      """
      UNWIND $ids AS id
      OPTIONAL MATCH (s:Skill {id: id})
      RETURN id, s IS NOT NULL AS known, coalesce(s.name, id) AS name""";

  /**
   * People holding any of the skills in {@code $relevant}, or named in {@code $named}: team,
   * status, current projects (WORKED_ON without 'to' on an active project) and the relevant skills
   * with their levels.
   */
  static final String PEOPLE =
      """
      CALL () {
        MATCH (e:Expert)-[:HAS_SKILL]->(s:Skill) WHERE s.id IN $relevant RETURN DISTINCT e
        UNION
        MATCH (e:Expert) WHERE e.id IN $named RETURN e
      }
      RETURN e.id AS id, e.name AS name, coalesce(e.status, 'active') AS status,
        head([(e)-[:MEMBER_OF]->(t:Team) | [t.id, t.name]]) AS team,
        size([(e)-[w:WORKED_ON]->(p:Project) WHERE w.to IS NULL AND p.status = 'active' | p]) AS active,
        [(e)-[h:HAS_SKILL]->(s:Skill) WHERE s.id IN $relevant | [s.id, coalesce(h.level, 3)]] AS held
      ORDER BY id""";

  /** Collaboration ties among {@code $ids} (COLLABORATED_WITH is stored once per pair). */
  static final String TIES =
      """
      MATCH (a:Expert)-[c:COLLABORATED_WITH]->(b:Expert)
      WHERE a.id IN $ids AND b.id IN $ids
      RETURN a.id AS a, b.id AS b, coalesce(c.count, 1) AS count""";

  /** The taxonomy around the skills, and every skill id that can stand in for one of them. */
  record Around(SkillCredit.Taxonomy taxonomy, Set<String> relevant) {}

  static Around around(TransactionContext tx, List<String> skillIds) {
    SkillCredit.Taxonomy taxonomy = new SkillCredit.Taxonomy();
    Set<String> relevant = new LinkedHashSet<>(skillIds);
    tx.run(SkillCredit.TAXONOMY_AROUND, Map.of("ids", skillIds))
        .forEachRemaining(
            r -> {
              Map<String, Object> row = r.asMap();
              taxonomy.add(row);
              collect(row.get("narrower"), relevant);
              collect(row.get("broader"), relevant);
              collect(row.get("siblings"), relevant);
              collect(row.get("same"), relevant);
              collect(row.get("related"), relevant);
            });
    relevant.removeIf(id -> id == null);
    return new Around(taxonomy, relevant);
  }

  private static void collect(Object o, Set<String> out) {
    if (o instanceof String s) out.add(s);
    else if (o instanceof List<?> l) l.forEach(x -> collect(x, out));
  }

  /** A person as team formation and risk read them. */
  record Person(
      String id,
      String name,
      String status,
      String teamId,
      String teamName,
      int activeProjects,
      Map<String, Integer> held) {
    boolean active() {
      return !"departed".equals(status);
    }
  }

  static Map<String, Person> people(
      TransactionContext tx, Set<String> relevant, List<String> named) {
    Map<String, Person> out = new LinkedHashMap<>();
    tx.run(PEOPLE, Map.of("relevant", List.copyOf(relevant), "named", named))
        .forEachRemaining(
            r -> {
              Map<String, Integer> held = new HashMap<>();
              for (Value h : r.get("held").values())
                held.merge(h.get(0).asString(), h.get(1).asInt(), Math::max);
              Value team = r.get("team");
              out.put(
                  r.get("id").asString(),
                  new Person(
                      r.get("id").asString(),
                      r.get("name").isNull() ? null : r.get("name").asString(),
                      r.get("status").asString(),
                      team.isNull() ? null : team.get(0).asString(),
                      team.isNull() || team.get(1).isNull() ? null : team.get(1).asString(),
                      r.get("active").asInt(),
                      held));
            });
    return out;
  }

  /** Shared projects and papers per pair, keyed "a|b" with a &lt; b. */
  static Map<String, Integer> ties(TransactionContext tx, List<String> ids) {
    Map<String, Integer> out = new HashMap<>();
    tx.run(TIES, Map.of("ids", ids))
        .forEachRemaining(
            r ->
                out.merge(
                    key(r.get("a").asString(), r.get("b").asString()),
                    r.get("count").asInt(),
                    Math::max));
    return out;
  }

  static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }

  static Map<String, String> skillNames(
      TransactionContext tx, List<String> ids, List<String> unknown) {
    Map<String, String> names = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    tx.run(SKILL_NAMES, Map.of("ids", ids))
        .forEachRemaining(
            r -> {
              if (!r.get("known").asBoolean()) missing.add(r.get("id").asString());
              names.put(r.get("id").asString(), r.get("name").asString());
            });
    unknown.addAll(missing);
    return names;
  }
}
