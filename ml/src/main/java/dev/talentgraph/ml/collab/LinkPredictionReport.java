package dev.talentgraph.ml.collab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The random protocol of {@link LinkPredictionEvaluation} over several edge lists in one run: each
 * network split {@code splits} times (seeds {@code seed} .. {@code seed + splits - 1}, each split
 * with its own ranker and its own negative samples), every figure the mean over the splits with the
 * spread between them. The ratio that decides whether the learned ranker earns its place is its
 * Hits@50 over the best of Adamic-Adar and resource allocation: a learned model that does not beat
 * the best cheap heuristic at the top of the list is not worth serving.
 */
public final class LinkPredictionReport {

  /** One network's figures: method to metric to mean and spread over the splits. */
  public record Network(
      String name,
      int nodes,
      int edges,
      int splits,
      List<LinkPredictionEvaluation.MethodResult> methods,
      List<String> notes,
      double seconds) {

    LinkPredictionEvaluation.Metric metric(String method, String metric) {
      return methods.stream()
          .filter(m -> m.method().equals(method))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no method " + method))
          .metrics()
          .get(metric);
    }

    /** The better of Adamic-Adar and resource allocation on this metric. */
    public String bestHeuristic(String metric) {
      double aa = metric(LinkPredictionEvaluation.ADAMIC_ADAR, metric).mean();
      double ra = metric(LinkPredictionEvaluation.RESOURCE_ALLOCATION, metric).mean();
      return ra > aa
          ? LinkPredictionEvaluation.RESOURCE_ALLOCATION
          : LinkPredictionEvaluation.ADAMIC_ADAR;
    }

    /** Learned ranker's mean over the best heuristic's mean (NaN when that is 0). */
    public double learnedOverBestHeuristic(String metric) {
      return metric(LinkPredictionEvaluation.LEARNED, metric).mean()
          / metric(bestHeuristic(metric), metric).mean();
    }
  }

  private final double testFraction;
  private final long seed;
  private final List<Network> networks;

  private LinkPredictionReport(double testFraction, long seed, List<Network> networks) {
    this.testFraction = testFraction;
    this.seed = seed;
    this.networks = List.copyOf(networks);
  }

  public List<Network> networks() {
    return networks;
  }

  /**
   * Runs the random protocol {@code splits} times on each edge list.
   *
   * @param edges network name to its edge list, in report order
   */
  public static LinkPredictionReport run(
      Map<String, EdgeList> edges,
      double testFraction,
      int splits,
      LinkPredictionEvaluation.Settings s,
      Consumer<String> progress) {
    if (splits < 1) throw new IllegalArgumentException("splits must be >= 1, was " + splits);
    List<Network> out = new ArrayList<>();
    for (Map.Entry<String, EdgeList> e : edges.entrySet()) {
      long t0 = System.nanoTime();
      List<LinkPredictionEvaluation.Report> runs = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      for (int i = 0; i < splits; i++) {
        long splitSeed = s.seed() + i;
        String name = e.getKey();
        progress.accept(
            String.format(
                Locale.ROOT, "%s: split %d/%d (seed %d)", name, i + 1, splits, splitSeed));
        LinkPredictionEvaluation.Settings si =
            new LinkPredictionEvaluation.Settings(
                splitSeed,
                s.negatives(),
                s.samples(),
                s.ks(),
                s.ranker().withSeed(splitSeed),
                s.threads());
        LinkPredictionEvaluation.Report r =
            LinkPredictionEvaluation.random(e.getValue(), name, testFraction, si, m -> {});
        if (r.allNonEdges() && notes.isEmpty()) notes.add(r.negativesNote());
        runs.add(r);
      }
      for (int i = 0; i < runs.size(); i++) {
        String choice = CollaboratorRanker.choiceIn(runs.get(i).rankerTraining());
        if (!choice.isEmpty())
          notes.add(
              String.format(Locale.ROOT, "split %d (seed %d): %s", i + 1, s.seed() + i, choice));
      }
      List<LinkPredictionEvaluation.MethodResult> methods = new ArrayList<>();
      for (LinkPredictionEvaluation.MethodResult m0 : runs.get(0).methods()) {
        Map<String, LinkPredictionEvaluation.Metric> mm = new LinkedHashMap<>();
        for (String metric : m0.metrics().keySet()) {
          double[] v = new double[runs.size()];
          for (int i = 0; i < v.length; i++)
            v[i] = runs.get(i).method(m0.method()).metrics().get(metric).mean();
          mm.put(metric, LinkPredictionEvaluation.Metric.of(v));
        }
        methods.add(new LinkPredictionEvaluation.MethodResult(m0.method(), mm));
      }
      EdgeList el = e.getValue();
      out.add(
          new Network(
              e.getKey(),
              el.nodeCount(),
              el.edgeCount(),
              splits,
              methods,
              notes,
              (System.nanoTime() - t0) / 1e9));
    }
    return new LinkPredictionReport(testFraction, seed(s), out);
  }

  private static long seed(LinkPredictionEvaluation.Settings s) {
    return s.seed();
  }

  /** One block per network, one row per method, then the ratios. */
  public String toTable() {
    StringBuilder sb = new StringBuilder();
    String nl = System.lineSeparator();
    sb.append(
        String.format(
            Locale.ROOT,
            "link prediction, random %.0f%% splits: mean ± sd over the splits (seeds %d..), each the"
                + " mean over its negative samples%n",
            testFraction * 100,
            seed));
    for (Network n : networks) {
      sb.append(nl)
          .append(
              String.format(
                  Locale.ROOT,
                  "%s: %,d nodes, %,d edges, %d splits, %.1f s%n",
                  n.name(),
                  n.nodes(),
                  n.edges(),
                  n.splits(),
                  n.seconds()));
      for (String note : n.notes()) sb.append(note).append(nl);
      List<String> keys = new ArrayList<>(n.methods().get(0).metrics().keySet());
      sb.append(String.format(Locale.ROOT, "%-22s", "method"));
      for (String k : keys) sb.append(String.format(Locale.ROOT, " %17s", k));
      sb.append(nl);
      for (LinkPredictionEvaluation.MethodResult m : n.methods()) {
        sb.append(String.format(Locale.ROOT, "%-22s", m.method()));
        for (String k : keys) {
          LinkPredictionEvaluation.Metric x = m.metrics().get(k);
          sb.append(String.format(Locale.ROOT, " %8.4f ± %6.4f", x.mean(), x.sd()));
        }
        sb.append(nl);
      }
    }
    sb.append(nl)
        .append("learned ranker over the best of Adamic-Adar and resource allocation")
        .append(nl);
    sb.append(
        String.format(
            Locale.ROOT,
            "%-24s %9s %9s %9s %9s %9s %8s%n",
            "network",
            "hits@20",
            "hits@50",
            "hits@100",
            "mrr",
            "auc",
            "time s"));
    for (Network n : networks) {
      sb.append(String.format(Locale.ROOT, "%-24s", n.name()));
      for (String k : List.of("hits@20", "hits@50", "hits@100", "mrr", "auc")) {
        sb.append(String.format(Locale.ROOT, " %8.3fx", n.learnedOverBestHeuristic(k)));
      }
      sb.append(String.format(Locale.ROOT, " %8.1f%n", n.seconds()));
    }
    return sb.toString();
  }

  /** Network to method to metric to {mean, sd, values}, plus the ratios and times. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("protocol", "random");
    out.put("testFraction", testFraction);
    out.put("seed", seed);
    Map<String, Object> ns = new LinkedHashMap<>();
    for (Network n : networks) {
      Map<String, Object> nm = new LinkedHashMap<>();
      nm.put("nodes", n.nodes());
      nm.put("edges", n.edges());
      nm.put("splits", n.splits());
      nm.put("notes", n.notes());
      Map<String, Object> ms = new LinkedHashMap<>();
      for (LinkPredictionEvaluation.MethodResult m : n.methods()) {
        Map<String, Object> mm = new LinkedHashMap<>();
        m.metrics()
            .forEach(
                (k, v) -> mm.put(k, Map.of("mean", v.mean(), "sd", v.sd(), "values", v.values())));
        ms.put(m.method(), mm);
      }
      nm.put("methods", ms);
      nm.put("bestHeuristicHits50", n.bestHeuristic("hits@50"));
      nm.put("learnedOverBestHeuristicHits50", n.learnedOverBestHeuristic("hits@50"));
      nm.put("seconds", n.seconds());
      ns.put(n.name(), nm);
    }
    out.put("networks", ns);
    return out;
  }
}
