package dev.talentgraph.ml.courses;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** Prints a {@link TrainingsEvaluation.Report} as a text table or as JSON. */
public final class EvaluationReportFormat {
  /** The ranker the product uses, compared against the baselines. */
  public static final String PRODUCT = "FM";

  static final List<String> BASELINES = List.of("item-kNN", "EASE");

  private EvaluationReportFormat() {}

  /** The table: mean ± standard deviation over the draws, then the product's ratios. */
  public static String table(TrainingsEvaluation.Report r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "MOOCCube leave-one-out: %d learners with >= 2 enrolments, %d courses, draws with seeds %s"
                + "%nfull ranking of every course not taken; mean ± sd over %d draws%n%n",
            r.learners(),
            r.courses(),
            r.seeds(),
            r.seeds().size()));
    sb.append(String.format(Locale.ROOT, "%-15s", "method"));
    for (String m : TrainingsEvaluation.METRICS) {
      sb.append(String.format(Locale.ROOT, " %17s", m));
    }
    sb.append(String.format(Locale.ROOT, " %9s%n", "time"));
    for (TrainingsEvaluation.MethodResult m : r.results()) {
      sb.append(String.format(Locale.ROOT, "%-15s", m.method()));
      for (int k = 0; k < m.mean().length; k++) {
        sb.append(String.format(Locale.ROOT, "  %.4f ± %.4f", m.mean()[k], m.std()[k]));
      }
      sb.append(String.format(Locale.ROOT, " %8.1fs", m.seconds()));
      if (!m.notes().isEmpty()) {
        sb.append("  (").append(m.notes()).append(')');
      }
      sb.append('\n');
    }
    for (String product : List.of(PRODUCT, "FM + concepts")) {
      TrainingsEvaluation.MethodResult p = r.get(product);
      if (p == null) {
        continue;
      }
      sb.append('\n');
      for (String base : BASELINES) {
        TrainingsEvaluation.MethodResult b = r.get(base);
        if (b == null) {
          continue;
        }
        sb.append(
            String.format(
                Locale.ROOT,
                "%s / %s: HR@10 %.3fx, NDCG@10 %.3fx; better on both in %d of %d draws%n",
                product,
                base,
                p.mean()[1] / b.mean()[1],
                p.mean()[2] / b.mean()[2],
                winsOnBoth(p, b),
                p.perDraw().size()));
      }
    }
    return sb.toString();
  }

  /** Draws in which {@code p} beats {@code b} on both HR@10 and NDCG@10. */
  public static int winsOnBoth(
      TrainingsEvaluation.MethodResult p, TrainingsEvaluation.MethodResult b) {
    int wins = 0;
    for (int d = 0; d < p.perDraw().size(); d++) {
      double[] x = p.perDraw().get(d);
      double[] y = b.perDraw().get(d);
      if (x[1] > y[1] && x[2] > y[2]) {
        wins++;
      }
    }
    return wins;
  }

  /** JSON with every figure, per draw and aggregated. */
  public static String json(TrainingsEvaluation.Report r) {
    ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = om.createObjectNode();
    root.put("dataset", "mooccube");
    root.put("protocol", "leave-one-out, full ranking of courses not taken");
    root.put("learners", r.learners());
    root.put("courses", r.courses());
    ArrayNode seeds = root.putArray("seeds");
    r.seeds().forEach(seeds::add);
    ArrayNode methods = root.putArray("methods");
    for (TrainingsEvaluation.MethodResult m : r.results()) {
      ObjectNode n = methods.addObject();
      n.put("method", m.method());
      ObjectNode mean = n.putObject("mean");
      ObjectNode sd = n.putObject("sd");
      for (int k = 0; k < TrainingsEvaluation.METRICS.size(); k++) {
        mean.put(TrainingsEvaluation.METRICS.get(k), m.mean()[k]);
        sd.put(TrainingsEvaluation.METRICS.get(k), m.std()[k]);
      }
      ArrayNode per = n.putArray("perDraw");
      for (double[] d : m.perDraw()) {
        ObjectNode o = per.addObject();
        for (int k = 0; k < d.length; k++) {
          o.put(TrainingsEvaluation.METRICS.get(k), d[k]);
        }
      }
      n.put("seconds", m.seconds());
      if (!m.notes().isEmpty()) {
        n.put("notes", m.notes());
      }
    }
    ObjectNode ratios = root.putObject("ratios");
    for (String product : List.of(PRODUCT, "FM + concepts")) {
      TrainingsEvaluation.MethodResult p = r.get(product);
      for (String base : BASELINES) {
        TrainingsEvaluation.MethodResult b = r.get(base);
        if (p != null && b != null) {
          ObjectNode o = ratios.putObject(product + " / " + base);
          o.put("HR@10", p.mean()[1] / b.mean()[1]);
          o.put("NDCG@10", p.mean()[2] / b.mean()[2]);
          o.put("drawsBetterOnBoth", winsOnBoth(p, b));
        }
      }
    }
    try {
      return om.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
