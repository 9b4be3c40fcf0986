package dev.talentgraph.knowledge;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.graphql.InvalidArgumentException;
import dev.talentgraph.importers.skills.SkillDictionary;
import dev.talentgraph.importers.skills.SkillExtractor;
import dev.talentgraph.importers.skills.SkillMatch;
import dev.talentgraph.knowledge.KnowledgeTypes.KnowledgeEvidence;
import dev.talentgraph.knowledge.KnowledgeTypes.KnowledgeHolder;
import dev.talentgraph.knowledge.KnowledgeTypes.KnowledgeSkill;
import dev.talentgraph.knowledge.KnowledgeTypes.Where;
import dev.talentgraph.knowledge.KnowledgeTypes.WhoKnows;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.skills.SkillCredit;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code whoKnows}: the asked skills (an id, or the skills the extractor finds in free text), the
 * skills that stand in for each through {@link SkillCredit} (the skill itself, its SAME_AS twins,
 * narrower skills up to {@value SkillCredit#MAX_DEPTH} steps, with their credit), then one bounded
 * statement that gathers every holder's evidence on those skills, scores it and keeps the best
 * {@code first}.
 *
 * <p>Score of a person for one asked skill: over the skills that stand in for it, the best of
 * {@code credit * sum over evidence kinds of weight(kind) * min(1, sum of strength * 0.5^(age /
 * half-life))}; summed over the asked skills. The kind weights add up to 1, so a score is in [0, 1]
 * per asked skill. Strengths: HAS_SKILL its level / 5, a project or a publication or a completed
 * course 0.5, an accepted answer 0.34, another answer with a positive score 0.15. Age is in years
 * from the evidence's (last) year to now, half-life {@value #HALF_LIFE_YEARS} years.
 */
@Service
class WhoKnowsService {
  static final double HALF_LIFE_YEARS = 3.0;

  /** Kind weights (they sum to 1). */
  static final Map<String, Double> KINDS =
      Map.of(
          "HAS_SKILL", 0.35,
          "WORKED_ON", 0.2,
          "AUTHORED", 0.15,
          "ANSWERED", 0.15,
          "COMPLETED", 0.15);

  /** What PORTAL and EMPLOYEE callers are ranked on: the public knowledge. */
  static final Set<String> PUBLIC_KINDS = Set.of("HAS_SKILL", "AUTHORED", "ANSWERED");

  static final int MAX_FIRST = 100;
  static final int MAX_ASKED = 10;

  /** Skills that stand in for one asked skill, at most: keeps a broad skill's request bounded. */
  static final int MAX_STAND_INS = 40;

  /** The year of a property that may be an integer year, an ISO string or a temporal value. */
  private static String year(String p) {
    return "CASE WHEN "
        + p
        + " IS NULL THEN null WHEN "
        + p
        + " IS :: INTEGER THEN "
        + p
        + " WHEN "
        + p
        + " IS :: STRING THEN toInteger(left("
        + p
        + ", 4)) ELSE "
        + p
        + ".year END";
  }

  static final String RANK =
      "UNWIND $held AS h MATCH (s:Skill {id: h.skill}) CALL (s) {"
          + " MATCH (e:Expert)-[r:HAS_SKILL]->(s)"
          + " RETURN e, 'HAS_SKILL' AS kind, e.id + '-[HAS_SKILL]->' + s.id AS ref,"
          + " 'holds ' + s.name + ' at level ' + toString(coalesce(r.level, 1))"
          + " + coalesce(' (' + r.source + ')', '') AS text,"
          + " coalesce("
          + year("r.lastYear")
          + ", "
          + year("r.since")
          + ") AS year, coalesce(toString(r.lastYear), toString(r.since)) AS date,"
          + " toFloat(coalesce(r.level, 1)) / 5.0 AS strength"
          + " UNION ALL"
          + " MATCH (e:Expert)-[w:WORKED_ON]->(p:Project)-[:REQUIRES]->(s)"
          + " RETURN e, 'WORKED_ON' AS kind, e.id + '-[WORKED_ON]->' + p.id AS ref,"
          + " 'project ' + coalesce(p.name, p.id) + CASE WHEN w.to IS NULL THEN ' (ongoing)' ELSE '' END AS text,"
          + " CASE WHEN w.to IS NULL THEN $now.year ELSE "
          + year("w.to")
          + " END AS year, toString(w.to) AS date, 0.5 AS strength"
          + " UNION ALL"
          + " MATCH (e:Expert)-[:AUTHORED]->(u:Publication)-[:ABOUT]->(s)"
          + " RETURN e, 'AUTHORED' AS kind, u.id AS ref, 'paper ' + coalesce(u.title, u.id) AS text,"
          + " "
          + year("u.year")
          + " AS year, toString(u.year) AS date, 0.5 AS strength"
          + " UNION ALL"
          + " MATCH (s)<-[:DENOTES]-(:Tag)<-[:TAGGED]-(q:Question)<-[:ANSWER_TO]-(a:Answer)<-[:ANSWERED]-(e:Expert)"
          + " WHERE a.accepted OR a.score > 0"
          + " WITH DISTINCT e, a, q"
          + " RETURN e, 'ANSWERED' AS kind, a.id AS ref,"
          + " CASE WHEN a.accepted THEN 'accepted answer' ELSE 'answer (score ' + toString(a.score) + ')' END"
          + " + ' to \"' + coalesce(q.title, q.id) + '\"' AS text,"
          + " "
          + year("a.createdAt")
          + " AS year, toString(date(a.createdAt)) AS date,"
          + " CASE WHEN a.accepted THEN 0.34 ELSE 0.15 END AS strength"
          + " UNION ALL"
          + " MATCH (e:Expert)-[n:ENROLLED]->(c:Course)-[:TEACHES]->(s) WHERE n.completedAt IS NOT NULL"
          + " RETURN e, 'COMPLETED' AS kind, e.id + '-[ENROLLED]->' + c.id AS ref,"
          + " 'completed course ' + coalesce(c.title, c.id) AS text,"
          + " "
          + year("n.completedAt")
          + " AS year, toString(n.completedAt) AS date, 0.5 AS strength"
          + " }"
          + " WITH h, s, e, kind, ref, text, date,"
          + " strength * 0.5 ^ (toFloat(CASE WHEN year IS NULL OR year > $now.year THEN 0 ELSE $now.year - year END)"
          + " / $halfLife) AS value"
          + " WHERE kind IN $allowed"
          + " AND ($team IS NULL OR EXISTS { (e)-[:MEMBER_OF]->(:Team {id: $team}) })"
          + " AND ($community IS NULL OR EXISTS { (e)-[:IN_COMMUNITY]->(:Community {id: $community}) })"
          + " ORDER BY value DESC"
          + " WITH h, s, e, kind, sum(value) AS v,"
          + " collect({kind: kind, ref: ref, text: text, date: date, value: value})[..3] AS items"
          + " WITH h, s, e, sum($kinds[kind] * CASE WHEN v > 1.0 THEN 1.0 ELSE v END) AS raw,"
          + " collect(items) AS lists"
          + " WITH h, s, e, h.weight * raw AS credited, reduce(a = [], l IN lists | a + l) AS items"
          + " ORDER BY credited DESC"
          + " WITH e, h.asked AS asked, collect({score: credited, skill: s.id, skillName: s.name,"
          + " relation: h.relation, credit: h.weight, items: items})[0] AS best"
          + " WITH e, sum(best.score) AS score, collect(best) AS bests"
          + " ORDER BY score DESC, e.id LIMIT $first"
          + " RETURN e.id AS id, e.name AS name, score, bests";

  static final String SKILL_COUNT = "MATCH (s:Skill) RETURN count(s)";

  static final String SKILL_NAMES =
      "UNWIND $ids AS id MATCH (s:Skill {id: id}) RETURN s.id AS id, s.name AS name";

  private final Driver driver;
  private final String database;
  private final Clock clock;
  private volatile SkillExtractor extractor;
  private volatile long extractorSkills = -1;

  WhoKnowsService(Driver driver, SchemaMigrations schema, ObjectProvider<Clock> clock) {
    this.driver = driver;
    this.database = schema.database();
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  Mono<WhoKnows> whoKnows(String skill, String text, Integer first, Where where, boolean full) {
    return Mono.fromCallable(() -> run(skill, text, first == null ? 10 : first, where, full))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private List<Record> read(String cypher, Map<String, Object> params) {
    try (var s = driver.session(GraphSessions.read(driver, database))) {
      return s.executeRead(tx -> tx.run(cypher, params).list());
    }
  }

  /**
   * The skill extractor over the taxonomy, read from the graph at first use and again when the
   * number of skills changed (a count the store keeps, so the check is cheap).
   */
  SkillExtractor extractor() {
    long skills = read(SKILL_COUNT, Map.of()).get(0).get(0).asLong();
    SkillExtractor e = extractor;
    if (e == null || skills != extractorSkills) {
      synchronized (this) {
        if (extractor == null || skills != extractorSkills) {
          extractor = new SkillExtractor(SkillDictionary.load(this::read));
          extractorSkills = skills;
        }
        e = extractor;
      }
    }
    return e;
  }

  WhoKnows run(String skill, String text, int first, Where where, boolean full) {
    if (first < 1 || first > MAX_FIRST)
      throw new InvalidArgumentException(
          "first", "first must be between 1 and " + MAX_FIRST + " (was " + first + ")");
    boolean hasSkill = skill != null && !skill.isBlank();
    boolean hasText = text != null && !text.isBlank();
    if (!hasSkill && !hasText)
      throw new InvalidArgumentException("skill", "give a skill id (skill) or free text (text)");
    List<String> notes = new ArrayList<>();
    Set<String> asked = new LinkedHashSet<>();
    if (hasSkill) asked.add(skill.strip());
    if (hasText) {
      List<SkillMatch> found = extractor().distinctSkills(text);
      for (SkillMatch m : found) {
        if (asked.size() >= MAX_ASKED) {
          notes.add(
              "text: more than " + MAX_ASKED + " skills; the first " + MAX_ASKED + " are used");
          break;
        }
        if (asked.add(m.skillId()))
          notes.add("text: '" + m.span() + "' read as " + m.skillName() + " (" + m.skillId() + ")");
      }
      if (found.isEmpty()) notes.add("text: no skill of the taxonomy found in the text");
    }
    if (asked.isEmpty()) return new WhoKnows(List.of(), List.of(), notes);
    SkillCredit.Taxonomy taxonomy = new SkillCredit.Taxonomy();
    Set<String> known = new LinkedHashSet<>();
    Map<String, Set<String>> around = new LinkedHashMap<>();
    for (Record r : read(SkillCredit.TAXONOMY_AROUND, Map.of("ids", List.copyOf(asked)))) {
      Map<String, Object> row = r.asMap();
      taxonomy.add(row);
      String id = (String) row.get("id");
      known.add(id);
      Set<String> ids = around.computeIfAbsent(id, k -> new LinkedHashSet<>());
      ids.add(id);
      for (Object o : (List<?>) row.get("same")) ids.add((String) o);
      for (Object path : (List<?>) row.get("narrower"))
        for (Object o : (List<?>) path) ids.add((String) o);
    }
    if (hasSkill && !known.contains(skill.strip()))
      throw new InvalidArgumentException("skill", "no skill with id '" + skill.strip() + "'");
    List<Map<String, Object>> held = new ArrayList<>();
    for (var e : around.entrySet()) {
      List<Map<String, Object>> standIns = new ArrayList<>();
      for (String h : e.getValue()) {
        SkillCredit.Link link = taxonomy.relation(e.getKey(), h);
        if (link == null || link.weight() <= 0) continue;
        if (link.relation() != SkillCredit.Relation.EXACT
            && link.relation() != SkillCredit.Relation.SAME_AS
            && link.relation() != SkillCredit.Relation.NARROWER) continue;
        standIns.add(
            Map.of(
                "skill",
                h,
                "asked",
                e.getKey(),
                "weight",
                link.weight(),
                "relation",
                link.relation().word));
      }
      // the closest stand-ins first (highest credit, then id), at most MAX_STAND_INS per skill
      standIns.sort(
          Comparator.comparingDouble((Map<String, Object> m) -> -(Double) m.get("weight"))
              .thenComparing(m -> (String) m.get("skill")));
      if (standIns.size() > MAX_STAND_INS) {
        notes.add(
            e.getKey()
                + ": "
                + (standIns.size() - MAX_STAND_INS)
                + " more distant narrower skills left out (the "
                + MAX_STAND_INS
                + " closest count)");
        standIns = standIns.subList(0, MAX_STAND_INS);
      }
      held.addAll(standIns);
    }
    Map<String, String> names = new HashMap<>();
    for (Record r : read(SKILL_NAMES, Map.of("ids", List.copyOf(known))))
      names.put(r.get("id").asString(), r.get("name").asString(null));
    List<KnowledgeSkill> skills = new ArrayList<>();
    for (String id : known) skills.add(new KnowledgeSkill(id, names.getOrDefault(id, id)));
    Map<String, Object> p = new HashMap<>();
    p.put("held", held);
    p.put("now", ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC));
    p.put("halfLife", HALF_LIFE_YEARS);
    p.put("kinds", KINDS);
    p.put("allowed", List.copyOf(new TreeSet<>(full ? KINDS.keySet() : PUBLIC_KINDS)));
    p.put("team", where == null ? null : where.team());
    p.put("community", where == null ? null : where.community());
    p.put("first", first);
    List<KnowledgeHolder> items = new ArrayList<>();
    for (Record r : read(RANK, p)) {
      List<KnowledgeEvidence> evidence = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (Value best : r.get("bests").values()) {
        KnowledgeSkill s =
            new KnowledgeSkill(
                best.get("skill").asString(),
                best.get("skillName").asString(best.get("skill").asString()));
        for (Value it : best.get("items").values()) {
          evidence.add(
              new KnowledgeEvidence(
                  it.get("kind").asString(),
                  it.get("ref").asString(),
                  it.get("text").asString(),
                  it.get("date").isNull() ? null : it.get("date").asString(),
                  s,
                  best.get("relation").asString(),
                  best.get("credit").asDouble()));
          values.add(it.get("value").asDouble() * best.get("credit").asDouble());
        }
      }
      Integer[] order = new Integer[evidence.size()];
      for (int i = 0; i < order.length; i++) order[i] = i;
      java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values.get(i)));
      List<KnowledgeEvidence> sorted = new ArrayList<>();
      for (Integer i : order) sorted.add(evidence.get(i));
      items.add(
          new KnowledgeHolder(
              KnowledgeTypes.expert(
                  r.get("id").asString(), r.get("name").asString(r.get("id").asString())),
              full ? Math.round(r.get("score").asDouble() * 10_000) / 10_000.0 : null,
              sorted));
    }
    return new WhoKnows(skills, items, notes);
  }
}
