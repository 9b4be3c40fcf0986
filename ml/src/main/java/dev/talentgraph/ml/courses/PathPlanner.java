package dev.talentgraph.ml.courses;

import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * Plans a learning path: a greedy weighted set cover of the gap (Chvátal, "A greedy heuristic for
 * the set-covering problem", Math. Oper. Res. 1979), where picking a course also buys its missing
 * prerequisites, then a pruning pass and a topological order (Kahn, CACM 1962).
 *
 * <ol>
 *   <li>Each gap skill has a remaining share 1.0; a course lowers it by its credit (see {@link
 *       TrainingAdvisor}); the value of a set of courses is the missing levels it closes.
 *   <li>A bundle is a candidate course plus its transitive prerequisites that the expert has not
 *       completed and the path does not hold yet. The bundle with the best value per hour (ties:
 *       the better ranked course) is added while it fits in {@code maxHours}; unknown hours count
 *       as 0.
 *   <li>Pruning: a course chosen for the gap whose removal closes nothing less, and that no kept
 *       course needs, is dropped (latest choices first), then prerequisites no kept course needs.
 *   <li>Order: prerequisites first; otherwise the order of choice.
 * </ol>
 *
 * The prerequisite graph is read level by level from the candidates upwards with a visited set, so
 * a cycle cannot make it loop; any cycle found above a candidate is reported with its courses.
 */
final class PathPlanner {
  private static final double EPS = 1e-9;

  private PathPlanner() {}

  record CourseNode(String id, String title, Integer hours) {}

  static LearningPath plan(
      SimpleQueryRunner s,
      TrainingAdvisor.Expert e,
      SkillGap gap,
      List<TrainingAdvisor.Candidate> cands,
      Integer maxHours) {
    Map<String, SkillGap.Comparison> gaps = new LinkedHashMap<>();
    gap.gaps().forEach(g -> gaps.put(g.skillId(), g));
    Map<String, TrainingAdvisor.Candidate> byId = new LinkedHashMap<>();
    cands.forEach(c -> byId.put(c.id, c));

    // prerequisite graph above the candidates: prereqs.get(x) = direct prerequisites of x
    Map<String, List<String>> prereqs = new HashMap<>();
    Map<String, CourseNode> nodes = new HashMap<>();
    cands.forEach(c -> nodes.put(c.id, new CourseNode(c.id, c.title, c.hours)));
    Set<String> seen = new HashSet<>(byId.keySet());
    List<String> frontier = new ArrayList<>(byId.keySet());
    while (!frontier.isEmpty()) {
      List<String> next = new ArrayList<>();
      var rows =
          s.run(
                  "UNWIND $ids AS id MATCH (p:"
                      + Labels.COURSE
                      + ")-[:"
                      + RelTypes.PREREQUISITE_OF
                      + "]->(c:"
                      + Labels.COURSE
                      + " {"
                      + Props.ID
                      + ": id}) "
                      + "RETURN id, p."
                      + Props.ID
                      + " AS pre, coalesce(p."
                      + Props.TITLE
                      + ", p."
                      + Props.ID
                      + ") AS title, p."
                      + Props.HOURS
                      + " AS hours ORDER BY id, pre",
                  Map.of("ids", frontier))
              .list();
      for (var r : rows) {
        String pre = r.get("pre").asString();
        prereqs.computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>()).add(pre);
        nodes.putIfAbsent(
            pre,
            new CourseNode(
                pre,
                r.get("title").asString(),
                r.get("hours").isNull() ? null : r.get("hours").asNumber().intValue()));
        if (seen.add(pre)) {
          next.add(pre);
        }
      }
      frontier = next;
    }
    List<String> cycle = findCycle(byId.keySet(), prereqs);
    if (!cycle.isEmpty()) {
      throw new TrainingException.PrerequisiteCycle(
          cycle, cycle.stream().map(id -> nodes.get(id).title()).toList());
    }

    Map<String, Double> remaining = new LinkedHashMap<>();
    gaps.keySet().forEach(k -> remaining.put(k, 1.0));
    List<String> chosen = new ArrayList<>(); // courses chosen for the gap, in order of choice
    Set<String> inPath = new LinkedHashSet<>();
    int used = 0;
    boolean skippedForBudget = false;
    while (true) {
      String best = null;
      List<String> bestBundle = null;
      double bestRatio = 0;
      int bestHours = 0;
      for (TrainingAdvisor.Candidate c : cands) {
        if (inPath.contains(c.id)) {
          continue;
        }
        List<String> bundle = bundle(c.id, prereqs, e.completed(), inPath);
        double value = value(bundle, byId, gaps, remaining);
        if (value <= EPS) {
          continue;
        }
        int h = bundle.stream().mapToInt(id -> hours(nodes.get(id))).sum();
        if (maxHours != null && used + h > maxHours) {
          skippedForBudget = true;
          continue;
        }
        double ratio = value / Math.max(h, 1);
        if (best == null
            || ratio > bestRatio + EPS
            || (Math.abs(ratio - bestRatio) <= EPS
                && TrainingAdvisor.BY_SCORE.compare(c, byId.get(best)) < 0)) {
          best = c.id;
          bestBundle = bundle;
          bestRatio = ratio;
          bestHours = h;
        }
      }
      if (best == null) {
        break;
      }
      chosen.add(best);
      inPath.addAll(bestBundle);
      used += bestHours;
      apply(bestBundle, byId, remaining);
    }

    // pruning: drop chosen courses that add nothing, latest first, then unneeded prerequisites
    for (int i = chosen.size() - 1; i >= 0; i--) {
      String c = chosen.get(i);
      List<String> others = new ArrayList<>(chosen);
      others.remove(c);
      Set<String> without = closure(others, prereqs, e.completed());
      if (without.contains(c)) {
        continue; // another kept course needs it as a prerequisite
      }
      if (closed(without, byId, gaps)
          >= closed(closure(chosen, prereqs, e.completed()), byId, gaps) - EPS) {
        chosen.remove(i);
      }
    }
    Set<String> path = closure(chosen, prereqs, e.completed());

    // order: Kahn over prerequisites inside the path, ties by order of choice then id
    List<String> rank = new ArrayList<>(inPath);
    Map<String, Integer> indeg = new HashMap<>();
    Map<String, List<String>> dependents = new HashMap<>();
    for (String c : path) {
      indeg.putIfAbsent(c, 0);
      for (String p : prereqs.getOrDefault(c, List.of())) {
        if (path.contains(p)) {
          indeg.merge(c, 1, Integer::sum);
          dependents.computeIfAbsent(p, k -> new ArrayList<>()).add(c);
        }
      }
    }
    List<String> order = new ArrayList<>();
    List<String> ready = new ArrayList<>();
    indeg.forEach(
        (c, d) -> {
          if (d == 0) {
            ready.add(c);
          }
        });
    while (!ready.isEmpty()) {
      ready.sort((a, b) -> Integer.compare(rank.indexOf(a), rank.indexOf(b)));
      String c = ready.remove(0);
      order.add(c);
      for (String d : dependents.getOrDefault(c, List.of())) {
        if (indeg.merge(d, -1, Integer::sum) == 0) {
          ready.add(d);
        }
      }
    }

    Map<String, Double> left = new LinkedHashMap<>();
    gaps.keySet().forEach(k -> left.put(k, 1.0));
    apply(new ArrayList<>(path), byId, left);
    List<LearningPath.Step> steps = new ArrayList<>();
    int total = 0;
    for (String c : order) {
      CourseNode n = nodes.get(c);
      total += hours(n);
      TrainingAdvisor.Candidate cand = byId.get(c);
      List<CourseRecommendation.ClosedSkill> closes =
          cand == null ? List.of() : new ArrayList<>(cand.closes.values());
      List<String> needs = new ArrayList<>();
      for (String d : dependents.getOrDefault(c, List.of())) {
        needs.add(d);
      }
      Collections.sort(needs);
      String why;
      if (!closes.isEmpty()) {
        why =
            "closes "
                + String.join(", ", closes.stream().map(cl -> cl.skillName()).toList())
                + (needs.isEmpty() ? "" : "; also a prerequisite of " + String.join(", ", needs));
      } else {
        why = "prerequisite of " + String.join(", ", needs);
      }
      steps.add(
          new LearningPath.Step(steps.size() + 1, c, n.title(), n.hours(), closes, needs, why));
    }
    List<LearningPath.Uncovered> uncovered = new ArrayList<>();
    for (var en : left.entrySet()) {
      if (en.getValue() > EPS) {
        SkillGap.Comparison g = gaps.get(en.getKey());
        boolean taught = cands.stream().anyMatch(c -> c.closes.containsKey(en.getKey()));
        String reason =
            !taught
                ? "no course the expert has not completed teaches it or a " + "narrower skill"
                : maxHours != null && skippedForBudget
                    ? "the courses that teach it do not fit in " + maxHours + " hours"
                    : "the courses available close only part of it";
        uncovered.add(
            new LearningPath.Uncovered(g.skillId(), g.skillName(), en.getValue(), reason));
      }
    }
    String note =
        steps.isEmpty()
            ? "no course can be planned: "
                + (cands.isEmpty()
                    ? "none teaches a gap skill"
                    : "none fits in " + maxHours + " hours")
            : steps.size()
                + " course(s), "
                + total
                + " hours"
                + (uncovered.isEmpty()
                    ? ", covering the whole gap"
                    : ", leaving " + uncovered.size() + " gap skill(s) open");
    return new LearningPath(e.id(), gap.target(), steps, total, maxHours, uncovered, note);
  }

  private static int hours(CourseNode n) {
    return n == null || n.hours() == null ? 0 : n.hours();
  }

  /** The course and the prerequisites it still needs, prerequisites first. */
  static List<String> bundle(
      String course, Map<String, List<String>> prereqs, Set<String> completed, Set<String> inPath) {
    Set<String> out = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.push(course);
    while (!todo.isEmpty()) {
      String c = todo.pop();
      if (completed.contains(c) || inPath.contains(c) || !out.add(c)) {
        continue;
      }
      for (String p : prereqs.getOrDefault(c, List.of())) {
        todo.push(p);
      }
    }
    return new ArrayList<>(out);
  }

  static Set<String> closure(
      List<String> courses, Map<String, List<String>> prereqs, Set<String> completed) {
    Set<String> out = new LinkedHashSet<>();
    for (String c : courses) {
      out.addAll(bundle(c, prereqs, completed, out));
    }
    return out;
  }

  private static double value(
      List<String> bundle,
      Map<String, TrainingAdvisor.Candidate> byId,
      Map<String, SkillGap.Comparison> gaps,
      Map<String, Double> remaining) {
    Map<String, Double> r = new HashMap<>(remaining);
    apply(bundle, byId, r);
    double v = 0;
    for (var en : remaining.entrySet()) {
      v += (en.getValue() - r.get(en.getKey())) * gaps.get(en.getKey()).missing();
    }
    return v;
  }

  private static void apply(
      List<String> courses,
      Map<String, TrainingAdvisor.Candidate> byId,
      Map<String, Double> remaining) {
    for (String c : courses) {
      TrainingAdvisor.Candidate cand = byId.get(c);
      if (cand == null) {
        continue;
      }
      for (var cl : cand.closes.values()) {
        remaining.computeIfPresent(cl.skillId(), (k, v) -> Math.max(0, v - cl.credit()));
      }
    }
  }

  private static double closed(
      Set<String> courses,
      Map<String, TrainingAdvisor.Candidate> byId,
      Map<String, SkillGap.Comparison> gaps) {
    Map<String, Double> r = new HashMap<>();
    gaps.keySet().forEach(k -> r.put(k, 1.0));
    apply(new ArrayList<>(courses), byId, r);
    double v = 0;
    for (var en : r.entrySet()) {
      v += (1.0 - en.getValue()) * gaps.get(en.getKey()).missing();
    }
    return v;
  }

  /**
   * A cycle in the prerequisite graph reachable upwards from {@code starts}, as the list of its
   * courses each a prerequisite of the next (empty when acyclic). Iterative three-colour DFS.
   */
  static List<String> findCycle(Set<String> starts, Map<String, List<String>> prereqs) {
    Map<String, Integer> colour = new HashMap<>(); // 1 = on stack, 2 = done
    for (String start : starts) {
      if (colour.containsKey(start)) {
        continue;
      }
      Deque<String> stack = new ArrayDeque<>();
      Deque<Integer> next = new ArrayDeque<>();
      stack.push(start);
      next.push(0);
      colour.put(start, 1);
      while (!stack.isEmpty()) {
        String c = stack.peek();
        int i = next.pop();
        List<String> ps = prereqs.getOrDefault(c, List.of());
        if (i >= ps.size()) {
          colour.put(c, 2);
          stack.pop();
          continue;
        }
        next.push(i + 1);
        String p = ps.get(i);
        Integer col = colour.get(p);
        if (col == null) {
          colour.put(p, 1);
          stack.push(p);
          next.push(0);
        } else if (col == 1) {
          // stack top..p is the cycle walked downwards along "needs"; report prerequisite-first
          List<String> cyc = new ArrayList<>();
          for (String x : stack) {
            cyc.add(x);
            if (x.equals(p)) {
              break;
            }
          }
          return cyc; // stack iterates top first: p's dependant ... is already prerequisite order
        }
      }
    }
    return List.of();
  }
}
