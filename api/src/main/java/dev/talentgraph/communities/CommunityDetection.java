package dev.talentgraph.communities;

import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Values;

/**
 * Communities of practice: Leiden (GDS) over a weighted graph of the people who work together,
 * answer the same questions and share rare skills, each community named by its over-represented
 * skills and written to the graph with its modularity and the people who bridge it to others. The
 * method and the weights are docs/adr/0010-communities-of-practice.md.
 *
 * <p>A refresh replaces the previous result in one write transaction ({@link Labels#COMMUNITY_RUN}
 * {@code latest}, the {@link Labels#PRACTICE_COMMUNITY} nodes and their edges), so a rerun never
 * duplicates; the in-memory GDS graph is dropped in a {@code finally}, whatever fails. With the
 * same graph and seed the result is the same (Leiden runs single-threaded with a fixed seed).
 */
public final class CommunityDetection {

  /**
   * Edge weights and limits (docs/adr/0010). Collaboration: {@code collaboration x (1 + 0.5 x
   * (min(count, 5) - 1))}; co-answer: {@code coAnswer} per shared question, at most {@code
   * coAnswerCap}; shared skills: {@code sharedSkill x sum of 1 / ln(1 + holders)} over the skills
   * both hold at level {@code practiceLevel} or more and that at most {@code maxHolders} people
   * hold, at most {@code sharedSkillCap}.
   */
  public record Settings(
      double collaboration,
      double coAnswer,
      double coAnswerCap,
      double sharedSkill,
      double sharedSkillCap,
      int practiceLevel,
      int maxHolders,
      int maxAnswerers,
      int minSize,
      double bridgeMinWeight,
      int bridgesPerCommunity,
      long seed) {
    public static Settings defaults() {
      return new Settings(1.0, 0.5, 2.0, 0.5, 1.0, 3, 100, 10, 3, 1.0, 10, 42);
    }

    public Settings withSeed(long s) {
      return new Settings(
          collaboration,
          coAnswer,
          coAnswerCap,
          sharedSkill,
          sharedSkillCap,
          practiceLevel,
          maxHolders,
          maxAnswerers,
          minSize,
          bridgeMinWeight,
          bridgesPerCommunity,
          s);
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "collaboration %.2f x (1 + 0.5 x (min(count,5) - 1)); co-answer %.2f per shared question"
              + " (max %.1f); shared skill %.2f x sum 1/ln(1+holders) at level >= %d, skills held by"
              + " <= %d (max %.1f)",
          collaboration,
          coAnswer,
          coAnswerCap,
          sharedSkill,
          practiceLevel,
          maxHolders,
          sharedSkillCap);
    }
  }

  /** One community as written. */
  public record Found(
      String id,
      String name,
      int size,
      double modularity,
      List<SkillShare> skills,
      List<String> members,
      int bridges) {}

  /** A dominant skill: held by {@code members} of the community, {@code lift} x the graph share. */
  public record SkillShare(String skillId, String name, int members, double share, double lift) {}

  /**
   * The result of a refresh.
   *
   * @param people experts with at least one tie (the projected graph's nodes)
   * @param ties weighted pairs projected
   * @param unassigned people in groups smaller than the minimum size
   */
  public record Result(
      ZonedDateTime at,
      String method,
      double modularity,
      int people,
      int ties,
      int ranLevels,
      List<Found> communities,
      int unassigned,
      long millis) {}

  /** The refresh could not run (no GDS on the server, a refresh already running). */
  public static final class CommunityException extends RuntimeException {
    public CommunityException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static final String RUN_ID = "latest";

  /**
   * Share of the members a dominant skill needs (and two people): low, because skills found in
   * paper titles are sparse; the ranking by {@code share x ln(lift)} still favours common ones.
   */
  static final double MIN_SUPPORT = 0.02;

  private static final AtomicBoolean RUNNING = new AtomicBoolean();

  private static final String ACTIVE =
      "coalesce(%1$s." + Props.STATUS + ", 'active') <> 'departed'";

  /** Collaboration, co-answer and shared-skill ties, one row per pair and kind (a.id < b.id). */
  static final String TIES =
      "CALL { MATCH (a:"
          + Labels.EXPERT
          + ")-[c:"
          + RelTypes.COLLABORATED_WITH
          + "]-(b:"
          + Labels.EXPERT
          + ") WHERE a."
          + Props.ID
          + " < b."
          + Props.ID
          + " AND "
          + ACTIVE.formatted("a")
          + " AND "
          + ACTIVE.formatted("b")
          + " RETURN a."
          + Props.ID
          + " AS a, b."
          + Props.ID
          + " AS b, 'collaboration' AS kind,"
          + " sum(1.0 + 0.5 * (CASE WHEN coalesce(c."
          + Props.COUNT
          + ", 1) > 5 THEN 5 ELSE coalesce(c."
          + Props.COUNT
          + ", 1) END - 1)) AS w"
          + " UNION ALL MATCH (q:"
          + Labels.QUESTION
          + ")<-[:"
          + RelTypes.ANSWER_TO
          + "]-(:"
          + Labels.ANSWER
          + ")<-[:"
          + RelTypes.ANSWERED
          + "]-(p:"
          + Labels.EXPERT
          + ") WITH q, collect(DISTINCT p."
          + Props.ID
          + ") AS people WHERE size(people) >= 2 AND size(people) <= $maxAnswerers"
          + " UNWIND people AS a UNWIND people AS b WITH a, b WHERE a < b"
          + " RETURN a, b, 'co-answer' AS kind, toFloat(count(*)) AS w"
          + " UNION ALL MATCH (s:"
          + Labels.SKILL
          + ")<-[h:"
          + RelTypes.HAS_SKILL
          + "]-(p:"
          + Labels.EXPERT
          + ") WHERE h."
          + Props.LEVEL
          + " >= $practiceLevel AND "
          + ACTIVE.formatted("p")
          + " WITH s, collect(p."
          + Props.ID
          + ") AS holders WHERE size(holders) >= 2 AND size(holders) <= $maxHolders"
          + " WITH holders, 1.0 / log(1.0 + size(holders)) AS idf"
          + " UNWIND holders AS a UNWIND holders AS b WITH a, b, idf WHERE a < b"
          + " RETURN a, b, 'shared-skill' AS kind, sum(idf) AS w }"
          + " RETURN a, b, kind, w";

  static final String PROJECT =
      "UNWIND $ties AS t MATCH (a:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": t[0]}) MATCH (b:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": t[1]}) WITH gds.graph.project($graph, a, b,"
          + " {relationshipProperties: {weight: t[2]}}, {undirectedRelationshipTypes: ['*']}) AS g"
          + " RETURN g.nodeCount AS nodes, g.relationshipCount AS rels";

  static final String LEIDEN =
      "CALL gds.leiden.mutate($graph, {mutateProperty: 'community', relationshipWeightProperty:"
          + " 'weight', randomSeed: $seed, concurrency: 1}) YIELD communityCount, modularity,"
          + " ranLevels RETURN communityCount, modularity, ranLevels";

  static final String MEMBERSHIP =
      "CALL gds.graph.nodeProperty.stream($graph, 'community') YIELD nodeId, propertyValue"
          + " RETURN gds.util.asNode(nodeId)."
          + Props.ID
          + " AS id, propertyValue AS community";

  /**
   * Each community's share of the weighted modularity of the partition (Newman): the weight inside
   * it over the total, less the square of its share of the weighted degrees; the shares sum to the
   * modularity. Computed here from the ties, since GDS's modularity procedure failed on some graphs
   * (an index of -1 in 2.13).
   */
  static Map<Long, Double> modularityByCommunity(
      Map<String, Map<String, Double>> adjacency, Map<String, Long> membership) {
    Map<Long, Double> inside = new HashMap<>();
    Map<Long, Double> degree = new HashMap<>();
    double twiceTotal = 0;
    for (var a : adjacency.entrySet()) {
      Long ca = membership.get(a.getKey());
      for (var b : a.getValue().entrySet()) {
        double w = b.getValue();
        twiceTotal += w;
        if (ca == null) continue;
        degree.merge(ca, w, Double::sum);
        if (ca.equals(membership.get(b.getKey()))) inside.merge(ca, w, Double::sum);
      }
    }
    Map<Long, Double> out = new HashMap<>();
    if (twiceTotal == 0) return out;
    for (var d : degree.entrySet()) {
      double share = d.getValue() / twiceTotal;
      out.put(d.getKey(), inside.getOrDefault(d.getKey(), 0.0) / twiceTotal - share * share);
    }
    return out;
  }

  static final String DROP = "CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName";

  static final String SKILLS_OF =
      "UNWIND $ids AS id MATCH (e:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": id})-[:"
          + RelTypes.HAS_SKILL
          + "]->(s:"
          + Labels.SKILL
          + ") RETURN id, collect(DISTINCT s."
          + Props.ID
          + ") AS skills";

  static final String SKILL_NAMES =
      "UNWIND $ids AS id MATCH (s:"
          + Labels.SKILL
          + " {"
          + Props.ID
          + ": id}) RETURN s."
          + Props.ID
          + " AS id, coalesce(s."
          + Props.NAME
          + ", s."
          + Props.ID
          + ") AS name";

  static final String CLEAR =
      "MATCH (c:" + Labels.PRACTICE_COMMUNITY + ") DETACH DELETE c RETURN count(*) AS removed";

  static final String WRITE_RUN =
      "MERGE (r:"
          + Labels.COMMUNITY_RUN
          + " {"
          + Props.ID
          + ": $id}) SET r += $props RETURN r."
          + Props.ID
          + " AS id";

  static final String WRITE_COMMUNITIES =
      "UNWIND $communities AS c CREATE (n:"
          + Labels.PRACTICE_COMMUNITY
          + ") SET n = c.props WITH n, c UNWIND c.members AS m MATCH (e:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": m[0]}) CREATE (e)-[:"
          + RelTypes.PRACTICES_IN
          + " {"
          + Props.WEIGHT
          + ": m[1]}]->(n) RETURN count(*) AS members";

  static final String WRITE_BRIDGES =
      "UNWIND $bridges AS b MATCH (e:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": b.expert}) MATCH (c:"
          + Labels.PRACTICE_COMMUNITY
          + " {"
          + Props.ID
          + ": b.community}) CREATE (e)-[:"
          + RelTypes.BRIDGES_TO
          + " {"
          + Props.WEIGHT
          + ": b.weight, ties: b.ties}]->(c) RETURN count(*) AS bridges";

  private final Driver driver;
  private final String database;
  private final Settings settings;

  public CommunityDetection(Driver driver, String database, Settings settings) {
    this.driver = driver;
    this.database = database;
    this.settings = settings;
  }

  /**
   * Detects the communities and replaces the stored ones; {@code progress} gets one line a step.
   */
  public Result refresh(Clock clock, java.util.function.Consumer<String> progress) {
    if (!RUNNING.compareAndSet(false, true)) {
      throw new CommunityException("a community refresh is already running", null);
    }
    try {
      return run(clock, progress);
    } finally {
      RUNNING.set(false);
    }
  }

  private Result run(Clock clock, java.util.function.Consumer<String> progress) {
    long t0 = System.nanoTime();
    SessionConfig cfg = GraphSessions.read(driver, database);
    Map<Pair, double[]> byKind = new HashMap<>();
    try (Session s = driver.session(cfg)) {
      s.run(
              TIES,
              Map.of(
                  "maxAnswerers", settings.maxAnswerers(),
                  "practiceLevel", settings.practiceLevel(),
                  "maxHolders", settings.maxHolders()))
          .forEachRemaining(
              r -> {
                double[] w =
                    byKind.computeIfAbsent(
                        new Pair(r.get("a").asString(), r.get("b").asString()), k -> new double[3]);
                double v = r.get("w").asDouble();
                switch (r.get("kind").asString()) {
                  case "collaboration" -> w[0] += v;
                  case "co-answer" -> w[1] += v;
                  default -> w[2] += v;
                }
              });
    }
    List<List<Object>> ties = new ArrayList<>(byKind.size());
    Map<String, Map<String, Double>> adjacency = new HashMap<>();
    for (Map.Entry<Pair, double[]> e : byKind.entrySet()) {
      double w = weight(e.getValue());
      if (w <= 0) continue;
      ties.add(List.of(e.getKey().a(), e.getKey().b(), w));
      adjacency.computeIfAbsent(e.getKey().a(), k -> new HashMap<>()).put(e.getKey().b(), w);
      adjacency.computeIfAbsent(e.getKey().b(), k -> new HashMap<>()).put(e.getKey().a(), w);
    }
    progress.accept(
        String.format(Locale.ROOT, "%,d ties among %,d people", ties.size(), adjacency.size()));
    ZonedDateTime at = ZonedDateTime.now(clock);
    if (ties.isEmpty()) {
      write(at, 0, 0, 0, List.of(), List.of(), Map.of());
      return new Result(
          at, method(), 0, 0, 0, 0, List.of(), 0, (System.nanoTime() - t0) / 1_000_000);
    }
    Map<String, Long> membership = new HashMap<>();
    Map<Long, Double> contribution = new HashMap<>();
    double modularity;
    int levels;
    // Projection, Leiden and drop on the leader, where the refresh writes its result: the GDS
    // catalog lives in the memory of one server, and every transaction of a write session goes to
    // the same one (a read session may send each to a different reader).
    String graph = "talentgraph-communities-" + UUID.randomUUID();
    try (Session s = driver.session(GraphSessions.write(driver, database))) {
      try {
        s.run(PROJECT, Map.of("ties", ties, "graph", graph)).consume();
        Record leiden = s.run(LEIDEN, Map.of("graph", graph, "seed", settings.seed())).single();
        levels = leiden.get("ranLevels").asInt();
        s.run(MEMBERSHIP, Map.of("graph", graph))
            .forEachRemaining(
                r -> membership.put(r.get("id").asString(), r.get("community").asLong()));
      } catch (org.neo4j.driver.exceptions.ClientException e) {
        throw new CommunityException(
            "community detection needs Graph Data Science on the database: " + e.getMessage(), e);
      } finally {
        s.run(DROP, Map.of("graph", graph)).consume();
      }
    }
    contribution.putAll(modularityByCommunity(adjacency, membership));
    modularity = contribution.values().stream().mapToDouble(Double::doubleValue).sum();
    progress.accept(
        String.format(
            Locale.ROOT,
            "Leiden: modularity %.4f, %d levels, %,d groups",
            modularity,
            levels,
            new HashSet<>(membership.values()).size()));

    // groups of at least minSize people, largest first, then by their smallest member id
    Map<Long, List<String>> groups = new HashMap<>();
    membership.forEach((id, c) -> groups.computeIfAbsent(c, k -> new ArrayList<>()).add(id));
    groups.values().forEach(l -> l.sort(Comparator.naturalOrder()));
    List<Map.Entry<Long, List<String>>> kept =
        groups.entrySet().stream()
            .filter(e -> e.getValue().size() >= settings.minSize())
            .sorted(
                Comparator.<Map.Entry<Long, List<String>>>comparingInt(e -> -e.getValue().size())
                    .thenComparing(e -> e.getValue().get(0)))
            .toList();
    Map<Long, String> ids = new LinkedHashMap<>();
    int width = Math.max(3, String.valueOf(kept.size()).length());
    for (int i = 0; i < kept.size(); i++) {
      ids.put(kept.get(i).getKey(), String.format(Locale.ROOT, "pc-%0" + width + "d", i + 1));
    }
    int unassigned = membership.size() - kept.stream().mapToInt(e -> e.getValue().size()).sum();

    Map<String, List<SkillShare>> names = name(kept, ids, membership.keySet());
    List<Bridge> bridges = bridges(adjacency, membership, ids);
    Map<String, Integer> bridgeCounts = new HashMap<>();
    for (Bridge b : bridges) bridgeCounts.merge(b.fromCommunity(), 1, Integer::sum);

    List<Found> found = new ArrayList<>();
    for (Map.Entry<Long, List<String>> e : kept) {
      String id = ids.get(e.getKey());
      List<SkillShare> skills = names.getOrDefault(id, List.of());
      found.add(
          new Found(
              id,
              title(skills, id),
              e.getValue().size(),
              contribution.getOrDefault(e.getKey(), 0.0),
              skills,
              e.getValue(),
              bridgeCounts.getOrDefault(id, 0)));
    }
    Map<String, Double> strength = new HashMap<>();
    for (Map.Entry<Long, List<String>> e : kept) {
      for (String p : e.getValue()) {
        double w = 0;
        for (Map.Entry<String, Double> n : adjacency.getOrDefault(p, Map.of()).entrySet()) {
          if (e.getKey().equals(membership.get(n.getKey()))) w += n.getValue();
        }
        strength.put(p, Math.round(w * 1000) / 1000.0);
      }
    }
    write(at, modularity, membership.size(), ties.size(), found, bridges, strength);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    progress.accept(
        String.format(
            Locale.ROOT,
            "%d communities of %d or more people written (%,d people in smaller groups), %d ms",
            found.size(),
            settings.minSize(),
            unassigned,
            millis));
    return new Result(
        at,
        method(),
        modularity,
        membership.size(),
        ties.size(),
        levels,
        found,
        unassigned,
        millis);
  }

  private String method() {
    return "Leiden (GDS gds.leiden, seed " + settings.seed() + ", concurrency 1)";
  }

  private double weight(double[] w) {
    return settings.collaboration() * w[0]
        + Math.min(settings.coAnswerCap(), settings.coAnswer() * w[1])
        + Math.min(settings.sharedSkillCap(), settings.sharedSkill() * w[2]);
  }

  private record Pair(String a, String b) {}

  private record Bridge(
      String expert, String fromCommunity, String community, double weight, int ties) {}

  /**
   * Dominant skills: held by at least {@code max(2, 2%)} of the members, ranked by {@code share x
   * ln(lift)} where lift is the share in the community over the share among all people with a tie.
   */
  private Map<String, List<SkillShare>> name(
      List<Map.Entry<Long, List<String>>> kept, Map<Long, String> ids, Set<String> everyone) {
    Map<String, List<String>> skillsOf = new HashMap<>();
    try (Session s = driver.session(GraphSessions.read(driver, database))) {
      s.run(SKILLS_OF, Map.of("ids", new ArrayList<>(everyone)))
          .forEachRemaining(
              r -> skillsOf.put(r.get("id").asString(), r.get("skills").asList(v -> v.asString())));
    }
    Map<String, Integer> global = new HashMap<>();
    skillsOf.values().forEach(l -> l.forEach(k -> global.merge(k, 1, Integer::sum)));
    double n = everyone.size();
    Map<String, List<SkillShare>> out = new HashMap<>();
    Set<String> named = new HashSet<>();
    for (Map.Entry<Long, List<String>> e : kept) {
      Map<String, Integer> local = new HashMap<>();
      for (String p : e.getValue()) {
        skillsOf.getOrDefault(p, List.of()).forEach(k -> local.merge(k, 1, Integer::sum));
      }
      int size = e.getValue().size();
      int support = Math.max(2, (int) Math.ceil(MIN_SUPPORT * size));
      List<SkillShare> ranked = new ArrayList<>();
      local.forEach(
          (k, c) -> {
            if (c < support) return;
            double share = c / (double) size;
            double lift = share / (global.get(k) / n);
            if (lift <= 1.0) return;
            ranked.add(new SkillShare(k, k, c, share, lift));
          });
      ranked.sort(
          Comparator.comparingDouble((SkillShare x) -> -x.share() * Math.log(x.lift()))
              .thenComparing(SkillShare::skillId));
      List<SkillShare> top = ranked.subList(0, Math.min(5, ranked.size()));
      top.forEach(x -> named.add(x.skillId()));
      out.put(ids.get(e.getKey()), top);
    }
    Map<String, String> skillNames = new HashMap<>();
    try (Session s = driver.session(GraphSessions.read(driver, database))) {
      s.run(SKILL_NAMES, Map.of("ids", new ArrayList<>(named)))
          .forEachRemaining(r -> skillNames.put(r.get("id").asString(), r.get("name").asString()));
    }
    out.replaceAll(
        (c, l) ->
            l.stream()
                .map(
                    x ->
                        new SkillShare(
                            x.skillId(),
                            skillNames.getOrDefault(x.skillId(), x.skillId()),
                            x.members(),
                            round(x.share()),
                            round(x.lift())))
                .toList());
    return out;
  }

  private static String title(List<SkillShare> skills, String id) {
    if (skills.isEmpty()) return "Community " + id;
    List<String> names = skills.stream().limit(3).map(SkillShare::name).toList();
    return String.join(" · ", names);
  }

  /**
   * People whose ties into another kept community weigh at least {@code bridgeMinWeight}; per
   * target community the strongest {@code bridgesPerCommunity}.
   */
  private List<Bridge> bridges(
      Map<String, Map<String, Double>> adjacency,
      Map<String, Long> membership,
      Map<Long, String> ids) {
    Map<String, List<Bridge>> byTarget = new HashMap<>();
    for (Map.Entry<String, Map<String, Double>> p : adjacency.entrySet()) {
      String own = ids.get(membership.get(p.getKey()));
      if (own == null) continue;
      Map<String, double[]> into = new HashMap<>();
      for (Map.Entry<String, Double> n : p.getValue().entrySet()) {
        String other = ids.get(membership.get(n.getKey()));
        if (other == null || other.equals(own)) continue;
        double[] acc = into.computeIfAbsent(other, k -> new double[2]);
        acc[0] += n.getValue();
        acc[1] += 1;
      }
      into.forEach(
          (c, acc) -> {
            if (acc[0] >= settings.bridgeMinWeight()) {
              byTarget
                  .computeIfAbsent(c, k -> new ArrayList<>())
                  .add(new Bridge(p.getKey(), own, c, round(acc[0]), (int) acc[1]));
            }
          });
    }
    List<Bridge> out = new ArrayList<>();
    for (List<Bridge> l : byTarget.values()) {
      l.sort(Comparator.comparingDouble((Bridge b) -> -b.weight()).thenComparing(Bridge::expert));
      out.addAll(l.subList(0, Math.min(settings.bridgesPerCommunity(), l.size())));
    }
    return out;
  }

  private void write(
      ZonedDateTime at,
      double modularity,
      int people,
      int ties,
      List<Found> found,
      List<Bridge> bridges,
      Map<String, Double> strength) {
    Map<String, Object> run = new HashMap<>();
    run.put(Props.AT, at);
    run.put("method", method());
    run.put("weights", settings.describe());
    run.put("seed", settings.seed());
    run.put("modularity", modularity);
    run.put("people", people);
    run.put("ties", ties);
    run.put("communities", found.size());
    run.put("minSize", settings.minSize());
    List<Map<String, Object>> communities = new ArrayList<>();
    for (Found f : found) {
      Map<String, Object> props = new HashMap<>();
      props.put(Props.ID, f.id());
      props.put(Props.NAME, f.name());
      props.put("size", f.size());
      props.put("modularity", f.modularity());
      props.put(Props.AT, at);
      props.put("skillIds", f.skills().stream().map(SkillShare::skillId).toList());
      props.put("skillNames", f.skills().stream().map(SkillShare::name).toList());
      props.put("skillMembers", f.skills().stream().map(SkillShare::members).toList());
      props.put("skillShares", f.skills().stream().map(SkillShare::share).toList());
      props.put("skillLifts", f.skills().stream().map(SkillShare::lift).toList());
      List<List<Object>> members = new ArrayList<>();
      for (String m : f.members()) members.add(List.of(m, strength.getOrDefault(m, 0.0)));
      communities.add(Map.of("props", props, "members", members));
    }
    List<Map<String, Object>> bridgeRows = new ArrayList<>();
    for (Bridge b : bridges) {
      bridgeRows.add(
          Map.of(
              "expert", b.expert(),
              "community", b.community(),
              "weight", b.weight(),
              "ties", b.ties()));
    }
    try (Session s = driver.session(GraphSessions.write(driver, database))) {
      s.executeWriteWithoutResult(
          tx -> {
            tx.run(CLEAR).consume();
            tx.run(WRITE_RUN, Map.of("id", RUN_ID, "props", Values.value(run))).consume();
            tx.run(WRITE_COMMUNITIES, Map.of("communities", communities)).consume();
            tx.run(WRITE_BRIDGES, Map.of("bridges", bridgeRows)).consume();
          });
    }
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
