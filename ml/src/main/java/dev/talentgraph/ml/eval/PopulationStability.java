package dev.talentgraph.ml.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The population stability index (PSI) of one input: how far its distribution now has moved from
 * the one a model was trained on, {@code sum (now_i - ref_i) ln(now_i / ref_i)} over bins
 * (Yurdakul, "Statistical properties of population stability index", 2018). Numbers are binned at
 * the deciles of the training values, categories by value; a missing value is a bin of its own.
 * Common reading: below 0.1 stable, 0.1-0.25 some shift, above 0.25 a shift that needs a look.
 */
public final class PopulationStability {
  private PopulationStability() {}

  /** Bins shared by reference and comparison; proportions smoothed so that none is zero. */
  static final double FLOOR = 1e-4;

  static final String MISSING = "(missing)";

  /**
   * The reference of one input, stored with a model: {@code edges} (numbers: upper bin edges) or
   * {@code categories}, and the training share of each bin (the last share is the missing bin).
   */
  public static Map<String, Object> reference(List<Object> values, boolean numeric) {
    Map<String, Object> ref = new LinkedHashMap<>();
    if (numeric) {
      List<Double> v = new ArrayList<>();
      for (Object o : values) {
        Double d = number(o);
        if (d != null) v.add(d);
      }
      v.sort(Double::compare);
      List<Double> edges = new ArrayList<>();
      for (int q = 1; q < 10 && !v.isEmpty(); q++) {
        double e = v.get(Math.min(v.size() - 1, (int) Math.floor(q * v.size() / 10.0)));
        if (edges.isEmpty() || e > edges.get(edges.size() - 1)) edges.add(e);
      }
      ref.put("edges", edges);
      ref.put("shares", shares(values, edges, null));
    } else {
      List<String> cats = new ArrayList<>();
      for (Object o : values) {
        String c = category(o);
        if (c != null && !cats.contains(c)) cats.add(c);
      }
      java.util.Collections.sort(cats);
      ref.put("categories", cats);
      ref.put("shares", shares(values, null, cats));
    }
    return ref;
  }

  /** The PSI of {@code values} against a reference made by {@link #reference}. */
  @SuppressWarnings("unchecked")
  public static double psi(Map<String, Object> reference, List<Object> values) {
    List<Double> edges = (List<Double>) reference.get("edges");
    List<String> cats = (List<String>) reference.get("categories");
    List<Double> ref = toDoubles((List<?>) reference.get("shares"));
    List<Double> now =
        shares(values, edges == null ? null : toDoubles(edges), cats == null ? null : cats);
    double psi = 0;
    for (int i = 0; i < ref.size(); i++) {
      double e = Math.max(FLOOR, ref.get(i)), a = Math.max(FLOOR, now.get(i));
      psi += (a - e) * Math.log(a / e);
    }
    return psi;
  }

  private static List<Double> shares(List<Object> values, List<Double> edges, List<String> cats) {
    int bins = (edges != null ? edges.size() + 1 : cats.size() + 1) + 1;
    double[] n = new double[bins];
    for (Object o : values) n[bin(o, edges, cats)]++;
    List<Double> out = new ArrayList<>();
    for (double c : n) out.add(values.isEmpty() ? 0 : c / values.size());
    return out;
  }

  /** Numbers: bin i holds values up to edge i, the last but one those above every edge. */
  private static int bin(Object o, List<Double> edges, List<String> cats) {
    if (edges != null) {
      Double d = number(o);
      if (d == null) return edges.size() + 1;
      for (int i = 0; i < edges.size(); i++) if (d <= edges.get(i)) return i;
      return edges.size();
    }
    String c = category(o);
    if (c == null) return cats.size() + 1;
    int i = cats.indexOf(c);
    return i < 0 ? cats.size() : i;
  }

  private static List<Double> toDoubles(List<?> l) {
    List<Double> out = new ArrayList<>();
    for (Object o : l) out.add(((Number) o).doubleValue());
    return out;
  }

  private static Double number(Object o) {
    if (o instanceof Number n) return Double.isNaN(n.doubleValue()) ? null : n.doubleValue();
    if (o instanceof Boolean b) return b ? 1.0 : 0.0;
    if (o == null || o.toString().isBlank()) return null;
    try {
      return Double.parseDouble(o.toString().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String category(Object o) {
    return o == null || o.toString().isBlank() ? null : o.toString().strip();
  }
}
