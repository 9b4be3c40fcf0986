package dev.talentgraph.teams;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.graphql.InvalidArgumentException;
import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.learning.TrainingService;
import dev.talentgraph.ml.ModelKinds;
import dev.talentgraph.ml.courses.LearningPath;
import dev.talentgraph.ml.courses.Target;
import dev.talentgraph.ml.teams.TeamObjective;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.skills.SkillCredit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * {@code keyPersonRisk} and {@code departureImpact}. A team's needs are the REQUIRES of the active
 * projects an active member works on now (WORKED_ON without 'to'), the rule of the metrics' skill
 * coverage; a project's are its own REQUIRES. A holder holds a skill at the needed level when
 * {@link SkillCredit} gives full credit (the skill itself or a twin at the level). Attrition scores
 * weigh holders only where the attrition model is active and the caller may read the person's
 * personal data ({@code mayRead}); otherwise a holder counts fully.
 */
@Service
class KeyPersonService {
  /** Step-in candidates per lost skill: who holds it already, then who is closest. */
  static final int STEP_IN_HOLDERS = 2;

  static final int STEP_IN_LEARNERS = 2;

  private final Driver driver;
  private final String database;
  private final TrainingService training;

  KeyPersonService(Driver driver, SchemaMigrations schema, TrainingService training) {
    this.driver = driver;
    this.database = schema.database();
    this.training = training;
  }

  static final String TEAM_SCOPE =
      """
      MATCH (t:Team {id: $id})
      RETURN t.name AS name,
        [(t)<-[:MEMBER_OF]-(m:Expert) WHERE coalesce(m.status, 'active') <> 'departed' | m.id] AS people,
        [(t)<-[:MEMBER_OF]-(m:Expert)-[w:WORKED_ON]->(p:Project)-[r:REQUIRES]->(s:Skill)
          WHERE coalesce(m.status, 'active') <> 'departed' AND w.to IS NULL AND p.status = 'active'
          | [p.id, p.name, s.id, coalesce(s.name, s.id), coalesce(r.level, 3)]] AS needs""";

  static final String PROJECT_SCOPE =
      """
      MATCH (p:Project {id: $id})
      RETURN p.name AS name,
        [(m:Expert)-[w:WORKED_ON]->(p) WHERE coalesce(m.status, 'active') <> 'departed' AND w.to IS NULL | m.id] AS people,
        [(p)-[r:REQUIRES]->(s:Skill) | [p.id, p.name, s.id, coalesce(s.name, s.id), coalesce(r.level, 3)]] AS needs""";

  static final String ATTRITION =
      """
      UNWIND $ids AS id
      MATCH (:Expert {id: id})-[:HAS_SCORE]->(s:Score {model: $kind})-[:BY_MODEL]->(m:Model {active: true})
      RETURN id, s.value AS value, m.id AS model""";

  static final String ACTIVE_MODEL =
      "MATCH (m:Model {kind: $kind, active: true}) RETURN m.id AS id ORDER BY m.id LIMIT 1";

  static final String MANAGES_TEAM =
      "MATCH (:Expert {id: $me})-[:MANAGES]->(t:Team {id: $id}) RETURN count(t) > 0 AS ok";

  static final String MANAGES_PROJECT =
      """
      MATCH (me:Expert {id: $me})
      RETURN EXISTS { (me)-[:MANAGES]->(:Team)<-[:MEMBER_OF]-(:Expert)-[w:WORKED_ON]->(:Project {id: $id}) WHERE w.to IS NULL } AS ok""";

  static final String PERSON =
      """
      MATCH (e:Expert {id: $id})
      RETURN e.name AS name, coalesce(e.status, 'active') AS status,
        [(e)-[:MEMBER_OF]->(t:Team) | t.id] AS teams,
        [(e)-[w:WORKED_ON]->(p:Project) WHERE w.to IS NULL AND p.status = 'active' | p.id] AS projects""";

  static final String RARE_SKILLS =
      """
      MATCH (e:Expert {id: $id})-[h:HAS_SKILL]->(s:Skill)
      WHERE coalesce(h.level, 3) >= 3
      WITH e, s, coalesce(h.level, 3) AS level
      RETURN s.id AS id, coalesce(s.name, s.id) AS name, level,
        COUNT { (o:Expert)-[h2:HAS_SKILL]->(s) WHERE o <> e AND coalesce(o.status, 'active') <> 'departed' AND coalesce(h2.level, 3) >= level } AS others
      ORDER BY others, level DESC, id""";

  static final String COLLABORATORS =
      """
      MATCH (e:Expert {id: $id})-[c:COLLABORATED_WITH]-(o:Expert)
      WHERE coalesce(o.status, 'active') <> 'departed'
      RETURN o.id AS id, o.name AS name, coalesce(c.count, 1) AS count, c.lastYear AS lastYear,
        COUNT { (o)-[:COLLABORATED_WITH]-(:Expert) } = 1 AS onlyLink
      ORDER BY count DESC, id""";

  record RiskProject(String id, String name) {}

  record RiskHolder(ExpertNode expert, int levelHeld, String viaSkillId, Double attritionScore) {}

  record SkillRisk(
      String skillId,
      String skillName,
      int level,
      List<RiskProject> projects,
      int busFactor,
      double expectedHolders,
      double risk,
      List<RiskHolder> holders) {}

  record KeyPersonRisk(
      String scopeKind,
      String scopeId,
      String scopeName,
      int people,
      String attritionModel,
      List<SkillRisk> skills) {}

  /** A MANAGER's scope: may they ask about this team or project? */
  boolean manages(String me, String teamId, String projectId) {
    if (me == null) return false;
    try (Session s = driver.session(GraphSessions.read(driver, database))) {
      return s.executeRead(
          tx ->
              tx.run(
                      teamId != null ? MANAGES_TEAM : MANAGES_PROJECT,
                      Map.of("me", me, "id", teamId != null ? teamId : projectId))
                  .single()
                  .get("ok")
                  .asBoolean());
    }
  }

  KeyPersonRisk keyPersonRisk(String teamId, String projectId, Predicate<String> mayRead) {
    if ((teamId == null) == (projectId == null))
      throw new InvalidArgumentException(
          teamId == null ? "teamId" : "projectId", "give exactly one of teamId and projectId");
    String kind = teamId != null ? "Team" : "Project";
    String id = teamId != null ? teamId : projectId;
    try (Session s = driver.session(GraphSessions.read(driver, database))) {
      return s.executeRead(tx -> risk(tx, kind, id, mayRead));
    }
  }

  private KeyPersonRisk risk(
      TransactionContext tx, String kind, String id, Predicate<String> mayRead) {
    List<Record> rows =
        tx.run(kind.equals("Team") ? TEAM_SCOPE : PROJECT_SCOPE, Map.of("id", id)).list();
    if (rows.isEmpty())
      throw new InvalidArgumentException(
          kind.equals("Team") ? "teamId" : "projectId",
          "unknown " + kind.toLowerCase() + " '" + id + "'");
    Record row = rows.get(0);
    List<String> people = row.get("people").asList(Value::asString);
    // per skill: the highest level any project needs, and the projects
    Map<String, Need> needs = new LinkedHashMap<>();
    for (Value n : row.get("needs").values()) {
      Need need =
          needs.computeIfAbsent(
              n.get(2).asString(), k -> new Need(k, n.get(3).asString(), new LinkedHashMap<>()));
      need.level = Math.max(need.level, n.get(4).asInt());
      need.projects.put(n.get(0).asString(), n.get(1).isNull() ? null : n.get(1).asString());
    }
    String model = activeAttritionModel(tx);
    Map<String, Double> scores = model == null ? Map.of() : attrition(tx, people, mayRead);
    List<SkillRisk> out = new ArrayList<>();
    if (!needs.isEmpty()) {
      TeamGraph.Around around = TeamGraph.around(tx, List.copyOf(needs.keySet()));
      Map<String, TeamGraph.Person> holders = new HashMap<>();
      TeamGraph.people(tx, around.relevant(), List.of()).forEach((pid, p) -> holders.put(pid, p));
      for (Need need : needs.values()) {
        List<RiskHolder> hs = new ArrayList<>();
        double expected = 0;
        for (String pid : people) {
          TeamGraph.Person p = holders.get(pid);
          if (p == null) continue;
          SkillCredit.Best b = SkillCredit.best(need.id, need.level, p.held(), around.taxonomy());
          if (b == null || b.credit() < 1 - 1e-9) continue;
          Double score = scores.get(pid);
          expected += score == null ? 1 : 1 - score;
          hs.add(
              new RiskHolder(
                  TeamNodes.expert(pid, p.name()),
                  (int) b.heldLevel(),
                  b.heldId(),
                  score == null ? null : TeamService.round(score)));
        }
        List<RiskProject> projects = new ArrayList<>();
        need.projects.forEach((pid, name) -> projects.add(new RiskProject(pid, name)));
        out.add(
            new SkillRisk(
                need.id,
                need.name,
                need.level,
                projects,
                hs.size(),
                TeamService.round(expected),
                TeamService.round(1 / (1 + expected)),
                hs));
      }
    }
    out.sort(
        Comparator.comparingDouble(SkillRisk::risk)
            .reversed()
            .thenComparingInt(SkillRisk::busFactor)
            .thenComparing(r -> -r.projects().size())
            .thenComparing(SkillRisk::skillId));
    return new KeyPersonRisk(
        kind,
        id,
        row.get("name").isNull() ? null : row.get("name").asString(),
        people.size(),
        model,
        out);
  }

  private static final class Need {
    final String id;
    final String name;
    final Map<String, String> projects;
    int level;

    Need(String id, String name, Map<String, String> projects) {
      this.id = id;
      this.name = name;
      this.projects = projects;
    }
  }

  private static String activeAttritionModel(TransactionContext tx) {
    List<Record> r = tx.run(ACTIVE_MODEL, Map.of("kind", ModelKinds.ATTRITION.name())).list();
    return r.isEmpty() ? null : r.get(0).get("id").asString();
  }

  /** Attrition scores of the active model, only of people the caller may read. */
  private static Map<String, Double> attrition(
      TransactionContext tx, List<String> ids, Predicate<String> mayRead) {
    List<String> readable = ids.stream().filter(mayRead).toList();
    Map<String, Double> out = new HashMap<>();
    tx.run(ATTRITION, Map.of("ids", readable, "kind", ModelKinds.ATTRITION.name()))
        .forEachRemaining(r -> out.put(r.get("id").asString(), r.get("value").asDouble()));
    return out;
  }

  // ---- departure impact

  record LostSkill(String skillId, String skillName, int level) {}

  record CoverageLoss(String kind, String id, String name, List<LostSkill> skills) {}

  record SkillLoss(String skillId, String skillName, int level, int othersAtLevel) {}

  record CutCollaboration(ExpertNode expert, int count, Integer lastYear, boolean onlyLink) {}

  record StepInCandidate(
      ExpertNode expert,
      double credit,
      String viaSkillId,
      double availability,
      LearningPath learningPath) {}

  record StepIn(String skillId, String skillName, int level, List<StepInCandidate> candidates) {}

  record DepartureImpact(
      String expertId,
      String name,
      String status,
      List<CoverageLoss> projects,
      List<CoverageLoss> teams,
      List<SkillLoss> skillsLost,
      List<CutCollaboration> collaborationsCut,
      List<StepIn> stepIn) {}

  DepartureImpact departureImpact(String expertId) {
    Map<String, Object> person;
    List<CoverageLoss> projects = new ArrayList<>();
    List<CoverageLoss> teams = new ArrayList<>();
    List<SkillLoss> rare = new ArrayList<>();
    List<CutCollaboration> cut = new ArrayList<>();
    Map<String, LostSkill> lost = new LinkedHashMap<>();
    try (Session s = driver.session(GraphSessions.read(driver, database))) {
      person =
          s.executeRead(
              tx -> {
                List<Record> rows = tx.run(PERSON, Map.of("id", expertId)).list();
                if (rows.isEmpty())
                  throw new InvalidArgumentException(
                      "expertId", "unknown expert '" + expertId + "'");
                Record p = rows.get(0);
                for (String t : p.get("teams").asList(Value::asString))
                  loss(tx, "Team", t, expertId).ifPresent(teams::add);
                for (String pr : p.get("projects").asList(Value::asString))
                  loss(tx, "Project", pr, expertId).ifPresent(projects::add);
                tx.run(RARE_SKILLS, Map.of("id", expertId))
                    .forEachRemaining(
                        r -> {
                          if (r.get("others").asInt() <= 1)
                            rare.add(
                                new SkillLoss(
                                    r.get("id").asString(),
                                    r.get("name").asString(),
                                    r.get("level").asInt(),
                                    r.get("others").asInt()));
                        });
                tx.run(COLLABORATORS, Map.of("id", expertId))
                    .forEachRemaining(
                        r ->
                            cut.add(
                                new CutCollaboration(
                                    TeamNodes.expert(
                                        r.get("id").asString(),
                                        r.get("name").isNull() ? null : r.get("name").asString()),
                                    r.get("count").asInt(),
                                    r.get("lastYear").isNull() ? null : r.get("lastYear").asInt(),
                                    r.get("onlyLink").asBoolean())));
                Map<String, Object> m = new HashMap<>();
                m.put("name", p.get("name").isNull() ? null : p.get("name").asString());
                m.put("status", p.get("status").asString());
                return m;
              });
      for (CoverageLoss l : projects) l.skills().forEach(k -> keepHigher(lost, k));
      for (CoverageLoss l : teams) l.skills().forEach(k -> keepHigher(lost, k));
      List<StepIn> stepIn = new ArrayList<>();
      if (!lost.isEmpty()) {
        Map<String, List<Candidate>> found =
            s.executeRead(tx -> stepInCandidates(tx, expertId, List.copyOf(lost.values())));
        for (LostSkill k : lost.values()) {
          List<StepInCandidate> cs = new ArrayList<>();
          for (Candidate c : found.getOrDefault(k.skillId(), List.of())) {
            LearningPath path =
                c.credit >= 1 - 1e-9
                    ? null
                    : training
                        .advisor()
                        .learningPath(
                            c.id,
                            new Target.Skills(
                                List.of(new Target.Requirement(k.skillId(), k.level()))),
                            null);
            cs.add(
                new StepInCandidate(
                    TeamNodes.expert(c.id, c.name),
                    TeamService.round(c.credit),
                    c.via,
                    TeamService.round(c.capacity),
                    path));
          }
          stepIn.add(new StepIn(k.skillId(), k.skillName(), k.level(), cs));
        }
      }
      return new DepartureImpact(
          expertId,
          (String) person.get("name"),
          (String) person.get("status"),
          projects,
          teams,
          rare,
          cut,
          stepIn);
    }
  }

  private static void keepHigher(Map<String, LostSkill> lost, LostSkill k) {
    lost.merge(k.skillId(), k, (a, b) -> a.level() >= b.level() ? a : b);
  }

  /** The skills of a team or project that only {@code expertId} holds there at the needed level. */
  private java.util.Optional<CoverageLoss> loss(
      TransactionContext tx, String kind, String id, String expertId) {
    KeyPersonRisk r = risk(tx, kind, id, x -> false);
    List<LostSkill> skills = new ArrayList<>();
    for (SkillRisk k : r.skills()) {
      if (k.busFactor() == 1 && k.holders().get(0).expert().id().equals(expertId))
        skills.add(new LostSkill(k.skillId(), k.skillName(), k.level()));
    }
    return skills.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(new CoverageLoss(kind, id, r.scopeName(), skills));
  }

  private record Candidate(String id, String name, double credit, String via, double capacity) {}

  /**
   * Per lost skill: up to {@value #STEP_IN_HOLDERS} active experts who hold it at the level (most
   * free capacity first), then up to {@value #STEP_IN_LEARNERS} who come closest without holding it
   * (highest credit first), each with their learning path.
   */
  private static Map<String, List<Candidate>> stepInCandidates(
      TransactionContext tx, String expertId, List<LostSkill> lost) {
    TeamGraph.Around around = TeamGraph.around(tx, lost.stream().map(LostSkill::skillId).toList());
    Map<String, TeamGraph.Person> people = TeamGraph.people(tx, around.relevant(), List.of());
    Map<String, List<Candidate>> out = new HashMap<>();
    for (LostSkill k : lost) {
      List<Candidate> full = new ArrayList<>();
      List<Candidate> partial = new ArrayList<>();
      for (TeamGraph.Person p : people.values()) {
        if (!p.active() || p.id().equals(expertId)) continue;
        SkillCredit.Best b = SkillCredit.best(k.skillId(), k.level(), p.held(), around.taxonomy());
        if (b == null || b.credit() <= 0) continue;
        Candidate c =
            new Candidate(
                p.id(),
                p.name(),
                b.credit(),
                b.heldId(),
                TeamObjective.capacity(p.activeProjects()));
        (b.credit() >= 1 - 1e-9 ? full : partial).add(c);
      }
      Comparator<Candidate> order =
          Comparator.comparingDouble((Candidate c) -> -c.credit)
              .thenComparingDouble(c -> -c.capacity)
              .thenComparing(c -> c.id);
      full.sort(order);
      partial.sort(order);
      List<Candidate> chosen =
          new ArrayList<>(full.subList(0, Math.min(STEP_IN_HOLDERS, full.size())));
      chosen.addAll(partial.subList(0, Math.min(STEP_IN_LEARNERS, partial.size())));
      out.put(k.skillId(), chosen);
    }
    return out;
  }
}
