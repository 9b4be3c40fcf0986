package dev.talentgraph.ml.collab;

import java.util.Arrays;
import java.util.List;

/**
 * The features of a pair of experts, computed from one {@link CollabGraph} snapshot and its {@link
 * FastRpEmbedding}. The product and the evaluation both call this class, so a model is always
 * scored on the features it was trained on.
 *
 * <p>Structural scores follow Liben-Nowell and Kleinberg, "The link-prediction problem for social
 * networks" (JASIST 2007): common neighbours, Jaccard, Adamic-Adar (Adamic and Adar, "Friends and
 * neighbors on the Web", Social Networks 2003), preferential attachment, and resource allocation
 * (Zhou, Lü and Zhang, "Predicting missing links via local information", EPJ B 2009). The rest come
 * from the knowledge graph: rarity-weighted (TF-IDF) skill overlap, complementary skills, the
 * skills of the other expert's collaborators, shared groups (team, organisation or venue), recent
 * activity, and strength and recency of the collaborations through common neighbours.
 *
 * <p>Where common neighbours run out, paths of length three carry the signal: their count, the
 * resource they carry ({@link #RA3}: every walk u - w - x - v weighted 1 / (deg w * deg x), the
 * three-step resource allocation of Zhou, Lü and Zhang) and a Katz index truncated at length three.
 * Degree-normalised common neighbours (Salton's cosine, hub-promoted) tell apart a pair of busy
 * experts from a pair of quiet ones with the same overlap.
 *
 * <p>Counts are stored as {@code log(1 + x)}: monotone, so heuristic rankings are unchanged, and a
 * linear model sees diminishing returns. Not thread-safe (it keeps scratch arrays): use one
 * instance per thread ({@link #copy()}).
 */
public final class PairFeatures {

  /** Version of the feature definition; a model trained on another version must not be used. */
  public static final String VERSION = "collab-features-v2";

  /**
   * Earlier feature definitions whose features are a prefix of {@link #NAMES} with the same
   * meaning: a model trained on one reads its features by name and ignores the rest.
   */
  public static final java.util.Set<String> COMPATIBLE_VERSIONS =
      java.util.Set.of("collab-features-v1", VERSION);

  /**
   * Weight of a path of length three against a path of length two in {@link #KATZ3}: the truncated
   * Katz index beta * |paths2| + beta^2 * |paths3| (Katz, Psychometrika 1953), divided by beta.
   */
  static final double KATZ_BETA = 0.05;

  public static final int CN = 0;
  public static final int AA = 1;
  public static final int RA = 2;
  public static final int JACCARD = 3;
  public static final int PA = 4;
  public static final int DEG_MIN = 5;
  public static final int DEG_MAX = 6;
  public static final int PATHS3 = 7;
  public static final int WITHIN3 = 8;
  public static final int STRENGTH = 9;
  public static final int SKILL_COS = 10;
  public static final int SHARED_RARE = 11;
  public static final int COMPLEMENTARY = 12;
  public static final int NEIGHBOUR_SKILL_COS = 13;
  public static final int GROUP_COS = 14;
  public static final int SAME_GROUP = 15;
  public static final int ACTIVE_MIN = 16;
  public static final int ACTIVE_MAX = 17;
  public static final int IDLE_MAX = 18;
  public static final int EMB_COS = 19;
  public static final int SALTON = 20;
  public static final int HUB_PROMOTED = 21;
  public static final int RA3 = 22;
  public static final int KATZ3 = 23;

  /** Feature names in index order; these are the Tribuo feature names of the learned ranker. */
  public static final List<String> NAMES =
      List.of(
          "cn",
          "adamic_adar",
          "resource_allocation",
          "jaccard",
          "pref_attachment",
          "degree_min",
          "degree_max",
          "paths3",
          "within3",
          "strength_recency",
          "skill_cosine",
          "shared_rare_skills",
          "complementary_skills",
          "neighbour_skill_cosine",
          "group_cosine",
          "same_group",
          "active_min",
          "active_max",
          "idle_max",
          "embedding_cosine",
          "salton",
          "hub_promoted",
          "resource_allocation3",
          "katz3");

  public static int count() {
    return NAMES.size();
  }

  /** Recency decay of a collaboration's strength, in years (e-folding time). */
  static final double RECENCY_YEARS = 3.0;

  /** Terms kept in an expert's neighbourhood skill profile. */
  static final int NEIGHBOUR_PROFILE_TERMS = 48;

  private final CollabGraph g;
  private final FastRpEmbedding emb;
  // neighbourhood skill profiles (CSR)
  private final int[] nStart;
  private final int[] nItem;
  private final float[] nWeight;
  // scratch
  private final int[] stamp;
  private final double[] mark;
  private final int[] stamp2;
  private final int[] paths2;
  private final double[] ra2;
  private int epoch;
  private int preparedFor = -1;

  public PairFeatures(CollabGraph g, FastRpEmbedding emb) {
    this.g = g;
    this.emb = emb;
    int n = g.size();
    nStart = new int[n + 1];
    int[][] items = new int[n][];
    float[][] weights = new float[n][];
    float[] acc = new float[Math.max(1, g.skillCount())];
    int[] touched = new int[Math.max(1, g.skillCount())];
    for (int u = 0; u < n; u++) {
      int t = 0;
      for (int i = g.adjStart(u); i < g.adjEnd(u); i++) {
        int w = g.neighbourAt(i);
        float s = (float) Math.log1p(g.countAt(i));
        for (int k = g.skillStart(w); k < g.skillEnd(w); k++) {
          int sk = g.skillAt(k);
          if (acc[sk] == 0f) touched[t++] = sk;
          acc[sk] += s * g.skillWeightAt(k);
        }
      }
      int keep = Math.min(t, NEIGHBOUR_PROFILE_TERMS);
      Integer[] order = new Integer[t];
      for (int i = 0; i < t; i++) order[i] = touched[i];
      Arrays.sort(order, (a, b) -> Float.compare(acc[b], acc[a]));
      int[] it = new int[keep];
      for (int i = 0; i < keep; i++) it[i] = order[i];
      Arrays.sort(it);
      float[] wt = new float[keep];
      double norm = 0;
      for (int i = 0; i < keep; i++) {
        wt[i] = acc[it[i]];
        norm += (double) wt[i] * wt[i];
      }
      if (norm > 0) for (int i = 0; i < keep; i++) wt[i] /= (float) Math.sqrt(norm);
      for (int i = 0; i < t; i++) acc[touched[i]] = 0f;
      items[u] = it;
      weights[u] = wt;
      nStart[u + 1] = nStart[u] + keep;
    }
    nItem = new int[nStart[n]];
    nWeight = new float[nStart[n]];
    for (int u = 0; u < n; u++) {
      System.arraycopy(items[u], 0, nItem, nStart[u], items[u].length);
      System.arraycopy(weights[u], 0, nWeight, nStart[u], weights[u].length);
    }
    stamp = new int[n];
    mark = new double[n];
    stamp2 = new int[n];
    paths2 = new int[n];
    ra2 = new double[n];
  }

  private PairFeatures(PairFeatures o) {
    g = o.g;
    emb = o.emb;
    nStart = o.nStart;
    nItem = o.nItem;
    nWeight = o.nWeight;
    stamp = new int[g.size()];
    mark = new double[g.size()];
    stamp2 = new int[g.size()];
    paths2 = new int[g.size()];
    ra2 = new double[g.size()];
  }

  /**
   * An instance sharing the precomputed profiles, with its own scratch space (for another thread).
   */
  public PairFeatures copy() {
    return new PairFeatures(this);
  }

  public CollabGraph graph() {
    return g;
  }

  public FastRpEmbedding embedding() {
    return emb;
  }

  /** The features of (u, v) in {@link #NAMES} order. Symmetric in u and v. */
  public double[] compute(int u, int v) {
    double[] f = new double[count()];
    compute(u, v, f);
    return f;
  }

  public void compute(int u, int v, double[] f) {
    prepare(u);
    computeFromPrepared(u, v, f);
  }

  /**
   * Readies the scratch arrays for pairs (u, *): marks u's collaborators with the strength of their
   * tie and counts, for every expert x two steps away, the 2-paths u - w - x and the resource they
   * carry (the sum of 1 / deg w). A request scoring many candidates for one expert pays this once;
   * then paths3(u, v) and resource_allocation3(u, v) are sums over v's collaborators.
   */
  public void prepare(int u) {
    nextEpoch();
    preparedFor = u;
    int ref = g.referenceYear();
    for (int i = g.adjStart(u); i < g.adjEnd(u); i++) {
      int w = g.neighbourAt(i);
      stamp[w] = epoch;
      mark[w] = strength(g.countAt(i), g.lastYearAt(i), ref);
    }
    for (int i = g.adjStart(u); i < g.adjEnd(u); i++) {
      int w = g.neighbourAt(i);
      double share = 1.0 / g.degree(w);
      for (int j = g.adjStart(w); j < g.adjEnd(w); j++) {
        int x = g.neighbourAt(j);
        if (stamp2[x] != epoch) {
          stamp2[x] = epoch;
          paths2[x] = 0;
          ra2[x] = 0;
        }
        paths2[x]++;
        ra2[x] += share;
      }
    }
  }

  /** The features of (u, v) after {@link #prepare}(u); identical to {@link #compute}(u, v, f). */
  public void computeFromPrepared(int u, int v, double[] f) {
    if (preparedFor != u) throw new IllegalStateException("prepare(" + u + ") was not called");
    Arrays.fill(f, 0);
    int du = g.degree(u);
    int dv = g.degree(v);
    int ref = g.referenceYear();
    int cn = 0;
    double aa = 0;
    double ra = 0;
    double str = 0;
    long paths3 = 0;
    double ra3 = 0;
    boolean linked = u != v && stamp[v] == epoch;
    for (int i = g.adjStart(v); i < g.adjEnd(v); i++) {
      int x = g.neighbourAt(i);
      if (stamp[x] == epoch) {
        cn++;
        int dw = g.degree(x);
        aa += 1.0 / Math.log(dw);
        ra += 1.0 / dw;
        str += strength(g.countAt(i), g.lastYearAt(i), ref) * mark[x];
      }
      if (x != u && stamp2[x] == epoch) {
        paths3 += paths2[x];
        ra3 += ra2[x] / g.degree(x);
        // walks u - v - x - v are no paths: when u and v are linked, each x counted v as a middle
        // expert
        if (linked) ra3 -= 1.0 / ((double) dv * g.degree(x));
      }
    }
    if (linked) paths3 -= dv - 1;
    f[CN] = Math.log1p(cn);
    f[AA] = aa;
    f[RA] = ra;
    int union = du + dv - cn;
    f[JACCARD] = union > 0 ? (double) cn / union : 0;
    f[PA] = Math.log1p((double) du * dv);
    f[DEG_MIN] = Math.log1p(Math.min(du, dv));
    f[DEG_MAX] = Math.log1p(Math.max(du, dv));
    f[PATHS3] = Math.log1p(paths3);
    f[WITHIN3] = (cn > 0 || paths3 > 0) ? 1 : 0;
    f[STRENGTH] = Math.log1p(str);
    f[SALTON] = du > 0 && dv > 0 ? cn / Math.sqrt((double) du * dv) : 0;
    f[HUB_PROMOTED] = du > 0 && dv > 0 ? (double) cn / Math.min(du, dv) : 0;
    f[RA3] = Math.max(0, ra3);
    f[KATZ3] = Math.log1p(cn + KATZ_BETA * paths3);

    // skills: unit TF-IDF vectors; shared skills weighted by rarity; complementary = rare skills
    // one has and the other lacks
    double cos = 0;
    double shared = 0;
    double onlyU = 0;
    double onlyV = 0;
    int i = g.skillStart(u);
    int ie = g.skillEnd(u);
    int j = g.skillStart(v);
    int je = g.skillEnd(v);
    while (i < ie || j < je) {
      int a = i < ie ? g.skillAt(i) : Integer.MAX_VALUE;
      int b = j < je ? g.skillAt(j) : Integer.MAX_VALUE;
      if (a == b) {
        cos += g.skillWeightAt(i) * g.skillWeightAt(j);
        shared += g.rarity(a);
        i++;
        j++;
      } else if (a < b) {
        onlyU += g.rarity(a);
        i++;
      } else {
        onlyV += g.rarity(b);
        j++;
      }
    }
    f[SKILL_COS] = cos;
    f[SHARED_RARE] = Math.log1p(shared);
    f[COMPLEMENTARY] = (shared > 0 || cos > 0) ? Math.log1p(Math.min(onlyU, onlyV)) : 0;
    f[NEIGHBOUR_SKILL_COS] = 0.5 * (profileCos(u, v) + profileCos(v, u));

    double gcos = 0;
    boolean same = false;
    i = g.groupStart(u);
    ie = g.groupEnd(u);
    j = g.groupStart(v);
    je = g.groupEnd(v);
    while (i < ie && j < je) {
      int a = g.groupAt(i);
      int b = g.groupAt(j);
      if (a == b) {
        gcos += g.groupWeightAt(i) * g.groupWeightAt(j);
        same = true;
        i++;
        j++;
      } else if (a < b) {
        i++;
      } else {
        j++;
      }
    }
    f[GROUP_COS] = gcos;
    f[SAME_GROUP] = same ? 1 : 0;

    float au = g.recentActivity(u);
    float av = g.recentActivity(v);
    f[ACTIVE_MIN] = Math.log1p(Math.min(au, av));
    f[ACTIVE_MAX] = Math.log1p(Math.max(au, av));
    int lu = g.lastActiveYear(u);
    int lv = g.lastActiveYear(v);
    if (ref != CollabGraph.UNKNOWN_YEAR
        && lu != CollabGraph.UNKNOWN_YEAR
        && lv != CollabGraph.UNKNOWN_YEAR) {
      f[IDLE_MAX] = Math.min(20, Math.max(0, ref - Math.min(lu, lv))) / 10.0;
    }
    f[EMB_COS] = emb == null ? 0 : emb.cosine(u, v);
  }

  /** Cosine of u's skills with the skill profile of v's collaborators. */
  private double profileCos(int u, int v) {
    int i = g.skillStart(u);
    int ie = g.skillEnd(u);
    int j = nStart[v];
    int je = nStart[v + 1];
    double dot = 0;
    while (i < ie && j < je) {
      int a = g.skillAt(i);
      int b = nItem[j];
      if (a == b) {
        dot += g.skillWeightAt(i) * nWeight[j];
        i++;
        j++;
      } else if (a < b) {
        i++;
      } else {
        j++;
      }
    }
    return dot;
  }

  /**
   * Strength of one collaboration: more joint works count more, with diminishing returns, and old
   * ones fade with e-folding time {@link #RECENCY_YEARS} (no fading when years are unknown).
   */
  static double strength(int count, int lastYear, int referenceYear) {
    double s = Math.log1p(count);
    if (referenceYear != CollabGraph.UNKNOWN_YEAR && lastYear != CollabGraph.UNKNOWN_YEAR) {
      s *= Math.exp(-Math.max(0, referenceYear - lastYear) / RECENCY_YEARS);
    }
    return s;
  }

  private void nextEpoch() {
    epoch++;
    if (epoch == Integer.MAX_VALUE) {
      Arrays.fill(stamp, 0);
      Arrays.fill(stamp2, 0);
      epoch = 1;
    }
  }
}
