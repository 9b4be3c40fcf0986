package dev.talentgraph.ml.collab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory collaboration index: experts, who worked with whom (how often, first and last
 * year), what each expert knows (skills or topics, with rarity weights), the groups each belongs to
 * (teams, organisations, venues), recent activity and projects with their required skills.
 *
 * <p>Why arrays and not maps: the evaluation scores hundreds of thousands of pairs and the product
 * must answer in milliseconds; every per-node list is a slice of one sorted {@code int[]} (CSR
 * layout), so common neighbours or shared skills are linear merges without allocation.
 *
 * <p>Immutable once built; safe to share between threads. Build with {@link #builder()}.
 */
public final class CollabGraph {

  /** A project: what it requires and who already works on it. */
  public record Project(String id, String name, int[] requiredSkills, int[] members) {}

  private final String[] ids;
  private final String[] names;
  private final Map<String, Integer> index;
  private final int referenceYear;

  // adjacency, CSR, neighbours sorted ascending
  private final int[] adjStart;
  private final int[] adj;
  private final int[] adjCount;
  private final int[] adjFirstYear;
  private final int[] adjLastYear;
  private final int edgeCount;

  // skills per expert, CSR, sorted skill ids, with a TF-IDF weight normalised to unit length
  private final int[] skillStart;
  private final int[] skill;
  private final float[] skillVec;
  private final String[] skillIds;
  private final String[] skillNames;
  private final float[] skillIdf;
  private final Map<String, Integer> skillIndex;
  // inverted: skill -> experts holding it
  private final int[] holderStart;
  private final int[] holder;

  // groups (team / organisation / venue) per expert, CSR, unit-length TF-IDF weights
  private final int[] groupStart;
  private final int[] group;
  private final float[] groupVec;
  private final String[] groupNames;

  private final int[] lastActiveYear;
  private final float[] recentActivity;
  private final Map<String, Project> projects;

  private CollabGraph(Builder b, int referenceYear) {
    int n = b.ids.size();
    this.ids = b.ids.toArray(new String[0]);
    this.names = b.names.toArray(new String[0]);
    this.index = Map.copyOf(b.index);
    this.referenceYear = referenceYear;

    // adjacency
    int[] deg = new int[n];
    for (long key : b.edges.keySet()) {
      deg[(int) (key >>> 32)]++;
      deg[(int) key]++;
    }
    adjStart = new int[n + 1];
    for (int i = 0; i < n; i++) adjStart[i + 1] = adjStart[i] + deg[i];
    int m2 = adjStart[n];
    adj = new int[m2];
    adjCount = new int[m2];
    adjFirstYear = new int[m2];
    adjLastYear = new int[m2];
    long[] packed = new long[m2];
    int[] fill = Arrays.copyOf(adjStart, n);
    int[][] attrs = new int[m2][];
    for (Map.Entry<Long, int[]> e : b.edges.entrySet()) {
      int a = (int) (e.getKey() >>> 32);
      int c = (int) (long) e.getKey();
      packed[fill[a]] = c;
      attrs[fill[a]++] = e.getValue();
      packed[fill[c]] = a;
      attrs[fill[c]++] = e.getValue();
    }
    for (int u = 0; u < n; u++) {
      int s = adjStart[u];
      int t = adjStart[u + 1];
      Integer[] order = new Integer[t - s];
      for (int i = 0; i < order.length; i++) order[i] = s + i;
      Arrays.sort(order, (x, y) -> Long.compare(packed[x], packed[y]));
      for (int i = 0; i < order.length; i++) {
        adj[s + i] = (int) packed[order[i]];
        int[] at = attrs[order[i]];
        adjCount[s + i] = at[0];
        adjFirstYear[s + i] = at[1];
        adjLastYear[s + i] = at[2];
      }
    }
    edgeCount = m2 / 2;

    // skills
    skillIds = b.skillIds.toArray(new String[0]);
    skillNames = b.skillNames.toArray(new String[0]);
    skillIndex = Map.copyOf(b.skillIndex);
    int[] df = new int[skillIds.length];
    for (Map<Integer, Float> s : b.skills) for (int k : s.keySet()) df[k]++;
    int holders = 0;
    for (Map<Integer, Float> s : b.skills) if (!s.isEmpty()) holders++;
    skillIdf = new float[skillIds.length];
    for (int k = 0; k < df.length; k++) {
      skillIdf[k] = df[k] == 0 ? 0f : (float) Math.log((1.0 + holders) / df[k]);
    }
    Csr sk = Csr.of(b.skills, n, skillIdf);
    skillStart = sk.start;
    skill = sk.items;
    skillVec = sk.weights;
    holderStart = new int[skillIds.length + 1];
    for (int k : skill) holderStart[k + 1]++;
    for (int k = 0; k < skillIds.length; k++) holderStart[k + 1] += holderStart[k];
    holder = new int[skill.length];
    int[] hf = Arrays.copyOf(holderStart, skillIds.length);
    for (int u = 0; u < n; u++) {
      for (int i = skillStart[u]; i < skillStart[u + 1]; i++) holder[hf[skill[i]]++] = u;
    }

    // groups
    groupNames = b.groupNames.toArray(new String[0]);
    int[] gdf = new int[groupNames.length];
    for (Map<Integer, Float> s : b.groups) for (int k : s.keySet()) gdf[k]++;
    float[] gidf = new float[groupNames.length];
    for (int k = 0; k < gdf.length; k++) {
      gidf[k] = gdf[k] == 0 ? 0f : (float) Math.log((1.0 + n) / gdf[k]);
    }
    Csr gr = Csr.of(b.groups, n, gidf);
    groupStart = gr.start;
    group = gr.items;
    groupVec = gr.weights;

    // activity: given explicitly (papers per year), else derived from the collaborations
    lastActiveYear = new int[n];
    recentActivity = new float[n];
    for (int u = 0; u < n; u++) {
      Map<Integer, Integer> years = b.activity.get(u);
      int last = Integer.MIN_VALUE;
      float recent = 0;
      if (years != null && !years.isEmpty()) {
        for (Map.Entry<Integer, Integer> y : years.entrySet()) {
          last = Math.max(last, y.getKey());
          if (y.getKey() > referenceYear - RECENT_WINDOW) recent += y.getValue();
        }
      } else {
        for (int i = adjStart[u]; i < adjStart[u + 1]; i++) {
          last = Math.max(last, adjLastYear[i]);
          if (adjLastYear[i] > referenceYear - RECENT_WINDOW) recent += 1;
        }
      }
      lastActiveYear[u] = last == Integer.MIN_VALUE ? UNKNOWN_YEAR : last;
      recentActivity[u] = recent;
    }

    Map<String, Project> ps = new HashMap<>();
    for (Builder.PendingProject p : b.projects) {
      int[] req =
          p.requiredSkills.stream()
              .filter(skillIndex::containsKey)
              .mapToInt(skillIndex::get)
              .distinct()
              .sorted()
              .toArray();
      int[] mem =
          p.members.stream()
              .filter(index::containsKey)
              .mapToInt(index::get)
              .distinct()
              .sorted()
              .toArray();
      ps.put(p.id, new Project(p.id, p.name, req, mem));
    }
    projects = Map.copyOf(ps);
  }

  /** Years counted as "recent" activity before the reference year (inclusive of it). */
  public static final int RECENT_WINDOW = 3;

  /** Stands for "no year known" (edge lists carry no dates). */
  public static final int UNKNOWN_YEAR = 0;

  private static final class Csr {
    int[] start;
    int[] items;
    float[] weights;

    /**
     * Sorted items per row, weight (1 + log tf) * idf (tf * idf below 1), rows normalised to unit
     * length.
     */
    static Csr of(List<Map<Integer, Float>> rows, int n, float[] idf) {
      Csr c = new Csr();
      c.start = new int[n + 1];
      for (int u = 0; u < n; u++) c.start[u + 1] = c.start[u] + rows.get(u).size();
      c.items = new int[c.start[n]];
      c.weights = new float[c.start[n]];
      for (int u = 0; u < n; u++) {
        int[] keys = rows.get(u).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        double norm = 0;
        int s = c.start[u];
        for (int i = 0; i < keys.length; i++) {
          float tf = rows.get(u).get(keys[i]);
          // sublinear in repeated evidence; partial evidence (below 1, e.g. via a broader skill)
          // scales linearly
          float w = (float) ((tf >= 1 ? 1 + Math.log(tf) : tf) * idf[keys[i]]);
          c.items[s + i] = keys[i];
          c.weights[s + i] = w;
          norm += (double) w * w;
        }
        if (norm > 0) {
          float inv = (float) (1 / Math.sqrt(norm));
          for (int i = 0; i < keys.length; i++) c.weights[s + i] *= inv;
        }
      }
      return c;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- experts

  public int size() {
    return ids.length;
  }

  public int edgeCount() {
    return edgeCount;
  }

  /** The year the graph stands at: features and "recent" activity are measured from it. */
  public int referenceYear() {
    return referenceYear;
  }

  public String id(int u) {
    return ids[u];
  }

  public String name(int u) {
    return names[u];
  }

  /** The internal index of an expert id, or empty when the graph does not know it. */
  public Optional<Integer> indexOf(String id) {
    return Optional.ofNullable(index.get(id));
  }

  // ---------------------------------------------------------------- collaborations

  public int degree(int u) {
    return adjStart[u + 1] - adjStart[u];
  }

  /** Start offset of u's neighbours in the shared arrays (see {@link #neighbourAt}). */
  int adjStart(int u) {
    return adjStart[u];
  }

  int adjEnd(int u) {
    return adjStart[u + 1];
  }

  int neighbourAt(int i) {
    return adj[i];
  }

  int countAt(int i) {
    return adjCount[i];
  }

  int lastYearAt(int i) {
    return adjLastYear[i];
  }

  int firstYearAt(int i) {
    return adjFirstYear[i];
  }

  /** u's collaborators, sorted ascending (a copy). */
  public int[] neighbours(int u) {
    return Arrays.copyOfRange(adj, adjStart[u], adjStart[u + 1]);
  }

  /** Position of v in u's neighbour slice, or -1. */
  int edgeIndex(int u, int v) {
    int i = Arrays.binarySearch(adj, adjStart[u], adjStart[u + 1], v);
    return i >= 0 ? i : -1;
  }

  public boolean hasEdge(int u, int v) {
    if (degree(u) > degree(v)) return edgeIndex(v, u) >= 0;
    return edgeIndex(u, v) >= 0;
  }

  /** Number of joint works of u and v (0 when they never collaborated). */
  public int collaborationCount(int u, int v) {
    int i = edgeIndex(u, v);
    return i < 0 ? 0 : adjCount[i];
  }

  // ---------------------------------------------------------------- skills

  public int skillCount() {
    return skillIds.length;
  }

  int skillStart(int u) {
    return skillStart[u];
  }

  int skillEnd(int u) {
    return skillStart[u + 1];
  }

  int skillAt(int i) {
    return skill[i];
  }

  float skillWeightAt(int i) {
    return skillVec[i];
  }

  /** u's skills (internal ids, sorted). */
  public int[] skills(int u) {
    return Arrays.copyOfRange(skill, skillStart[u], skillStart[u + 1]);
  }

  public boolean hasSkill(int u, int s) {
    return Arrays.binarySearch(skill, skillStart[u], skillStart[u + 1], s) >= 0;
  }

  public String skillId(int s) {
    return skillIds[s];
  }

  public String skillName(int s) {
    return skillNames[s];
  }

  public Optional<Integer> skillIndexOf(String skillId) {
    return Optional.ofNullable(skillIndex.get(skillId));
  }

  /**
   * Rarity of a skill: inverse document frequency {@code log((1 + experts with any skill) /
   * holders)}; a skill everyone has weighs about 0, one only two experts share weighs a lot.
   */
  public float rarity(int s) {
    return skillIdf[s];
  }

  /** Experts holding skill s (sorted). */
  int holderStart(int s) {
    return holderStart[s];
  }

  int holderEnd(int s) {
    return holderStart[s + 1];
  }

  int holderAt(int i) {
    return holder[i];
  }

  // ---------------------------------------------------------------- groups and activity

  int groupStart(int u) {
    return groupStart[u];
  }

  int groupEnd(int u) {
    return groupStart[u + 1];
  }

  int groupAt(int i) {
    return group[i];
  }

  float groupWeightAt(int i) {
    return groupVec[i];
  }

  public String groupName(int g) {
    return groupNames[g];
  }

  /** Last year u was active (a paper, a collaboration), or {@link #UNKNOWN_YEAR}. */
  public int lastActiveYear(int u) {
    return lastActiveYear[u];
  }

  /**
   * Activity (papers or collaborations) in the {@link #RECENT_WINDOW} years up to the reference
   * year.
   */
  public float recentActivity(int u) {
    return recentActivity[u];
  }

  public Optional<Project> project(String id) {
    return Optional.ofNullable(projects.get(id));
  }

  /** Experts with at least one collaboration: the node set link prediction samples pairs from. */
  public int[] connectedExperts() {
    int c = 0;
    for (int u = 0; u < ids.length; u++) if (degree(u) > 0) c++;
    int[] out = new int[c];
    c = 0;
    for (int u = 0; u < ids.length; u++) if (degree(u) > 0) out[c++] = u;
    return out;
  }

  /** Unordered pair key, smaller index in the high half. */
  public static long pairKey(int u, int v) {
    int a = Math.min(u, v);
    int b = Math.max(u, v);
    return ((long) a << 32) | (b & 0xffffffffL);
  }

  public static int pairFirst(long key) {
    return (int) (key >>> 32);
  }

  public static int pairSecond(long key) {
    return (int) key;
  }

  // ---------------------------------------------------------------- builder

  /**
   * Collects experts, collaborations, skills, groups and activity in any order; repeated
   * collaborations of a pair merge (counts add, first year is the minimum, last the maximum).
   */
  public static final class Builder {
    private final List<String> ids = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<Long, int[]> edges = new HashMap<>();
    private final List<String> skillIds = new ArrayList<>();
    private final List<String> skillNames = new ArrayList<>();
    private final Map<String, Integer> skillIndex = new HashMap<>();
    private final List<Map<Integer, Float>> skills = new ArrayList<>();
    private final List<String> groupNames = new ArrayList<>();
    private final Map<String, Integer> groupIndex = new HashMap<>();
    private final List<Map<Integer, Float>> groups = new ArrayList<>();
    private final Map<Integer, Map<Integer, Integer>> activity = new HashMap<>();
    private final List<PendingProject> projects = new ArrayList<>();

    private record PendingProject(
        String id, String name, List<String> requiredSkills, List<String> members) {}

    private Builder() {}

    /** Adds an expert (or renames it when the id is known); returns its internal index. */
    public int expert(String id, String name) {
      Integer i = index.get(id);
      if (i != null) {
        if (name != null) names.set(i, name);
        return i;
      }
      int u = ids.size();
      ids.add(id);
      names.add(name == null ? id : name);
      index.put(id, u);
      skills.add(new HashMap<>(4));
      groups.add(new HashMap<>(2));
      return u;
    }

    public boolean knows(String id) {
      return index.containsKey(id);
    }

    /**
     * A collaboration between two experts (ignored when a == b: nobody collaborates with
     * themselves).
     */
    public Builder collaboration(String a, String b, int count, int firstYear, int lastYear) {
      int u = expert(a, null);
      int v = expert(b, null);
      return collaboration(u, v, count, firstYear, lastYear);
    }

    public Builder collaboration(int u, int v, int count, int firstYear, int lastYear) {
      if (u == v) return this;
      long key = pairKey(u, v);
      int[] at = edges.get(key);
      if (at == null) {
        edges.put(key, new int[] {Math.max(1, count), firstYear, lastYear});
      } else {
        at[0] += Math.max(1, count);
        at[1] = Math.min(at[1], firstYear);
        at[2] = Math.max(at[2], lastYear);
      }
      return this;
    }

    /** Evidence that an expert has a skill; repeated evidence adds up (term frequency). */
    public Builder skill(String expertId, String skillId, String skillName, float evidence) {
      int u = expert(expertId, null);
      Integer s = skillIndex.get(skillId);
      if (s == null) {
        s = skillIds.size();
        skillIds.add(skillId);
        skillNames.add(skillName == null ? skillId : skillName);
        skillIndex.put(skillId, s);
      }
      skills.get(u).merge(s, evidence, Float::sum);
      return this;
    }

    /** Membership of a team, organisation or venue; repeated membership adds weight. */
    public Builder group(String expertId, String groupName, float weight) {
      int u = expert(expertId, null);
      Integer g = groupIndex.get(groupName);
      if (g == null) {
        g = groupNames.size();
        groupNames.add(groupName);
        groupIndex.put(groupName, g);
      }
      groups.get(u).merge(g, weight, Float::sum);
      return this;
    }

    /** One unit of activity (a paper, a project) of an expert in a year. */
    public Builder activity(String expertId, int year) {
      int u = expert(expertId, null);
      activity.computeIfAbsent(u, k -> new HashMap<>(4)).merge(year, 1, Integer::sum);
      return this;
    }

    public Builder project(
        String id, String name, List<String> requiredSkillIds, List<String> memberIds) {
      projects.add(
          new PendingProject(id, name, List.copyOf(requiredSkillIds), List.copyOf(memberIds)));
      return this;
    }

    /** Registers a skill without holders so that projects may require it. */
    public Builder knownSkill(String skillId, String skillName) {
      if (!skillIndex.containsKey(skillId)) {
        skillIndex.put(skillId, skillIds.size());
        skillIds.add(skillId);
        skillNames.add(skillName == null ? skillId : skillName);
      }
      return this;
    }

    public CollabGraph build(int referenceYear) {
      return new CollabGraph(this, referenceYear);
    }

    /** Builds with the latest year seen on any collaboration or activity as reference year. */
    public CollabGraph build() {
      int year = UNKNOWN_YEAR;
      for (int[] at : edges.values()) year = Math.max(year, at[2]);
      for (Map<Integer, Integer> a : activity.values()) {
        for (int y : a.keySet()) year = Math.max(year, y);
      }
      return build(year);
    }
  }

  @Override
  public String toString() {
    return "CollabGraph[experts="
        + size()
        + ", collaborations="
        + edgeCount
        + ", skills="
        + skillIds.length
        + ", referenceYear="
        + referenceYear
        + "]";
  }
}
