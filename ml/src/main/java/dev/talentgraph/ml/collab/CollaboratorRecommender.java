package dev.talentgraph.ml.collab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Recommends collaborators for an expert, each with a score and the reasons the graph gives: shared
 * collaborators by name, shared or complementary skills, the path that links the two, a shared
 * team.
 *
 * <p>Candidates come from {@link CandidateGenerator}; each is scored by the learned {@link
 * CollaboratorRanker} on the same {@link PairFeatures} it was trained on. With a project, the score
 * also rewards filling what the project still lacks: {@code (1 - w) * p + w * fill}, where {@code
 * fill} is the rarity-weighted share of the project's missing skills (required, held by no member
 * nor by the expert) that the candidate has, and {@code w = } {@link #PROJECT_WEIGHT}. Without a
 * ranker (none trained and activated yet) candidates are ranked by the Adamic-Adar index, the
 * heuristic the learned ranker is measured against, scaled to {@code aa / (1 + aa)}. Existing
 * collaborators, the expert and the project's members are never recommended.
 *
 * <p>Thread-safe: per-thread scratch space.
 */
public final class CollaboratorRecommender {

  /** Weight of filling the project's missing skills against the link probability. */
  public static final double PROJECT_WEIGHT = 0.5;

  /** Why a candidate is proposed. */
  public enum ReasonKind {
    SHARED_COLLABORATOR,
    PATH,
    SHARED_SKILL,
    COMPLEMENTARY_SKILL,
    FILLS_PROJECT_SKILL,
    SAME_GROUP,
    SIMILAR_NEIGHBOURHOOD
  }

  /**
   * One reason; {@code refs} are the ids it names (experts along a path, skills), for links in a
   * UI.
   */
  public record Reason(ReasonKind kind, String text, List<String> refs) {}

  public record Recommendation(String expertId, String name, double score, List<Reason> reasons) {}

  /**
   * The answer: recommendations best first, and notes on how they were found (e.g. a skills-only
   * fallback).
   */
  public record Recommendations(
      String expertId,
      String expertName,
      String projectId,
      List<Recommendation> items,
      List<String> notes) {}

  private final CollabGraph g;
  private final CollaboratorRanker ranker;
  private final FastRpEmbedding emb;
  private final PairFeatures features;
  private final CandidateGenerator.Limits limits;
  private final ThreadLocal<Scratch> scratch;

  private record Scratch(PairFeatures features, CandidateGenerator candidates, double[] f) {}

  /** What ranks the candidates when no learned ranker is given. */
  public static final String HEURISTIC = "Adamic-Adar";

  private static final int ADAMIC_ADAR = PairFeatures.NAMES.indexOf("adamic_adar");

  /**
   * @param ranker the learned ranker, or null to rank by the {@value #HEURISTIC} index (the
   *     embedding used in reasons then takes {@link FastRpEmbedding.Settings#defaults} with seed 1)
   */
  public CollaboratorRecommender(CollabGraph g, CollaboratorRanker ranker) {
    this(
        g,
        ranker,
        FastRpEmbedding.compute(
            g, ranker == null ? FastRpEmbedding.Settings.defaults(1) : ranker.embeddingSettings()),
        CandidateGenerator.Limits.defaults());
  }

  /** Whether a learned ranker scores the candidates (false: the {@value #HEURISTIC} heuristic). */
  public boolean learned() {
    return ranker != null;
  }

  CollaboratorRecommender(
      CollabGraph g,
      CollaboratorRanker ranker,
      FastRpEmbedding emb,
      CandidateGenerator.Limits limits) {
    this.g = g;
    this.ranker = ranker;
    this.emb = emb;
    this.features = new PairFeatures(g, emb);
    this.limits = limits;
    this.scratch =
        ThreadLocal.withInitial(
            () ->
                new Scratch(
                    features.copy(),
                    new CandidateGenerator(g, limits),
                    new double[PairFeatures.count()]));
  }

  public CollabGraph graph() {
    return g;
  }

  /**
   * Up to {@code first} collaborators for an expert.
   *
   * @param projectId a project whose missing skills the candidates should fill, or null
   * @throws CollabDataException for an unknown expert or project, or {@code first < 1}
   */
  public Recommendations recommend(String expertId, int first, String projectId) {
    if (first < 1 || first > 1000)
      throw new CollabDataException("first must be between 1 and 1000, was " + first);
    int u =
        g.indexOf(expertId)
            .orElseThrow(() -> new CollabDataException("unknown expert id: " + expertId));
    CollabGraph.Project project = null;
    if (projectId != null) {
      project =
          g.project(projectId)
              .orElseThrow(() -> new CollabDataException("unknown project id: " + projectId));
    }
    List<String> notes = new ArrayList<>();
    if (g.degree(u) == 0) {
      notes.add(
          g.name(u)
              + " has no collaborations in the graph yet: candidates come from shared skills only");
    }
    int[] missing = new int[0];
    double missingMass = 0;
    int[] exclude = new int[0];
    if (project != null) {
      missing = missingSkills(project, u);
      for (int s : missing) missingMass += g.rarity(s);
      exclude = project.members();
      if (missing.length == 0)
        notes.add(
            "project " + project.id() + " lacks no required skill; ranking by collaboration only");
    }
    Scratch sc = scratch.get();
    int[] cands = sc.candidates().candidates(u, missing, exclude);
    if (cands.length == 0) {
      notes.add(
          g.degree(u) == 0 && g.skillEnd(u) == g.skillStart(u)
              ? g.name(u)
                  + " has neither collaborations nor skills in the graph: nothing to recommend from"
              : "no candidate found within three hops or through shared skills");
    }
    double[] score = new double[cands.length];
    sc.features().prepare(u);
    for (int i = 0; i < cands.length; i++) {
      sc.features().computeFromPrepared(u, cands[i], sc.f());
      double p;
      if (ranker != null) {
        p = ranker.score(sc.f());
      } else {
        double aa = sc.f()[ADAMIC_ADAR];
        p = aa / (1 + aa);
      }
      if (project != null && missingMass > 0) {
        double fill = 0;
        for (int s : missing) if (g.hasSkill(cands[i], s)) fill += g.rarity(s);
        p = (1 - PROJECT_WEIGHT) * p + PROJECT_WEIGHT * fill / missingMass;
      }
      score[i] = p;
    }
    Integer[] order = new Integer[cands.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(
        order,
        Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparing(i -> g.id(cands[i])));
    List<Recommendation> items = new ArrayList<>();
    for (int r = 0; r < Math.min(first, order.length); r++) {
      int v = cands[order[r]];
      sc.features().computeFromPrepared(u, v, sc.f());
      items.add(
          new Recommendation(g.id(v), g.name(v), score[order[r]], reasons(u, v, missing, sc.f())));
    }
    return new Recommendations(g.id(u), g.name(u), projectId, items, notes);
  }

  /** Required skills of the project held by none of its members nor by the expert asking. */
  int[] missingSkills(CollabGraph.Project p, int u) {
    return Arrays.stream(p.requiredSkills())
        .filter(
            s -> !g.hasSkill(u, s) && Arrays.stream(p.members()).noneMatch(m -> g.hasSkill(m, s)))
        .toArray();
  }

  List<Reason> reasons(int u, int v, int[] missing, double[] f) {
    List<Reason> out = new ArrayList<>();
    // shared collaborators, strongest ties first
    List<int[]> common = new ArrayList<>(); // {w, strength*1000}
    for (int i = g.adjStart(u); i < g.adjEnd(u); i++) {
      int w = g.neighbourAt(i);
      int j = g.edgeIndex(v, w);
      if (j >= 0) common.add(new int[] {w, g.countAt(i) + g.countAt(j)});
    }
    common.sort(Comparator.<int[]>comparingInt(a -> -a[1]).thenComparing(a -> g.name(a[0])));
    if (!common.isEmpty()) {
      List<String> names = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (int[] c : common.subList(0, Math.min(3, common.size()))) {
        names.add(g.name(c[0]));
        ids.add(g.id(c[0]));
      }
      String more = common.size() > 3 ? " and " + (common.size() - 3) + " more" : "";
      out.add(
          new Reason(
              ReasonKind.SHARED_COLLABORATOR,
              "both worked with " + String.join("; ", names) + more,
              ids));
    } else {
      int[] path = path3(u, v);
      if (path != null) {
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int x : path) {
          ids.add(g.id(x));
          names.add(g.name(x));
        }
        out.add(new Reason(ReasonKind.PATH, "linked through " + String.join(" -> ", names), ids));
        // names may hold commas ("Last, First"): the arrows and semicolons keep them apart
      }
    }
    // project skills the candidate brings
    List<Integer> fills = new ArrayList<>();
    for (int s : missing) if (g.hasSkill(v, s)) fills.add(s);
    if (!fills.isEmpty()) {
      fills.sort(Comparator.<Integer>comparingDouble(s -> -g.rarity(s)));
      List<Integer> top = fills.subList(0, Math.min(3, fills.size()));
      out.add(
          new Reason(
              ReasonKind.FILLS_PROJECT_SKILL,
              "has " + quoted(top) + ", which the project still lacks",
              top.stream().map(g::skillId).toList()));
    }
    // shared and complementary skills, rarest first
    List<Integer> shared = new ArrayList<>();
    List<Integer> brings = new ArrayList<>();
    for (int i = g.skillStart(v); i < g.skillEnd(v); i++) {
      int s = g.skillAt(i);
      if (g.hasSkill(u, s)) shared.add(s);
      else brings.add(s);
    }
    Comparator<Integer> rarest =
        Comparator.<Integer>comparingDouble(s -> -g.rarity(s)).thenComparing(g::skillName);
    if (!shared.isEmpty()) {
      shared.sort(rarest);
      List<Integer> top = shared.subList(0, Math.min(3, shared.size()));
      out.add(
          new Reason(
              ReasonKind.SHARED_SKILL,
              "both work on " + quoted(top),
              top.stream().map(g::skillId).toList()));
    }
    if (!brings.isEmpty() && (!shared.isEmpty() || out.isEmpty())) {
      brings.sort(rarest);
      List<Integer> top = brings.subList(0, Math.min(2, brings.size()));
      out.add(
          new Reason(
              ReasonKind.COMPLEMENTARY_SKILL,
              "adds " + quoted(top) + ", which " + g.name(u) + " lacks",
              top.stream().map(g::skillId).toList()));
    }
    List<String> groups = sharedGroups(u, v);
    if (!groups.isEmpty()) {
      out.add(new Reason(ReasonKind.SAME_GROUP, "both in " + String.join("; ", groups), groups));
    }
    if (out.isEmpty()) {
      out.add(
          new Reason(
              ReasonKind.SIMILAR_NEIGHBOURHOOD,
              String.format(
                  Locale.ROOT,
                  "collaboration neighbourhoods alike (embedding similarity %.2f)",
                  f[PairFeatures.EMB_COS]),
              List.of()));
    }
    return out;
  }

  private String quoted(List<Integer> skills) {
    List<String> q = new ArrayList<>();
    for (int s : skills) q.add("'" + g.skillName(s) + "'");
    return String.join(", ", q);
  }

  private List<String> sharedGroups(int u, int v) {
    List<String> out = new ArrayList<>();
    int i = g.groupStart(u);
    int j = g.groupStart(v);
    while (i < g.groupEnd(u) && j < g.groupEnd(v) && out.size() < 2) {
      int a = g.groupAt(i);
      int b = g.groupAt(j);
      if (a == b) {
        out.add(g.groupName(a));
        i++;
        j++;
      } else if (a < b) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }

  /**
   * A shortest path u - w1 - w2 - v when u and v share no collaborator, preferring strong ties;
   * null if none.
   */
  int[] path3(int u, int v) {
    int[] best = null;
    int bestStrength = -1;
    for (int i = g.adjStart(u); i < g.adjEnd(u); i++) {
      int w1 = g.neighbourAt(i);
      for (int j = g.adjStart(w1); j < g.adjEnd(w1); j++) {
        int w2 = g.neighbourAt(j);
        if (w2 == u) continue;
        int k = g.edgeIndex(v, w2);
        if (k >= 0) {
          int s = Math.min(g.countAt(i), Math.min(g.countAt(j), g.countAt(k)));
          if (s > bestStrength) {
            bestStrength = s;
            best = new int[] {u, w1, w2, v};
          }
        }
      }
    }
    return best;
  }
}
