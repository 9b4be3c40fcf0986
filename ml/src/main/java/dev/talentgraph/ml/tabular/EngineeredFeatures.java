package dev.talentgraph.ml.tabular;

import dev.talentgraph.ml.features.FeatureEncoder;
import dev.talentgraph.ml.features.FeatureType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A richer encoding for linear models, fitted on training rows only and never on a label (so it may
 * be fitted on a whole training fold without touching the reported fold):
 *
 * <ul>
 *   <li>numbers: the standardised value; log(1 + x) of non-negative skewed columns; one indicator
 *       per value of columns with at most {@value #FEW_VALUES} values (levels, ratings), otherwise
 *       one per quintile of the training values, so a linear model can bend; a missing flag;
 *   <li>columns of distinct integers (identifiers) are left out: their order carries no signal;
 *   <li>categories: one-hot of the levels seen at least {@value #MIN_LEVEL} times (rarer levels
 *       share one), the log share of training rows in the level (frequency encoding), and, where
 *       most values are numbers written as text ("&gt;20", "&lt;1", "50-99", "10000+"), that number
 *       with the numeric treatment above;
 *   <li>the number of missing values in the row, where any training row misses one (sparse profiles
 *       tell about the person);
 *   <li>ratios: between columns whose names say years (tenure ratios, the shorter span over the
 *       longer one plus one), and of money columns (income, salary, pay) per level column.
 * </ul>
 */
final class EngineeredFeatures {
  /** Numeric columns with at most this many distinct training values get one indicator each. */
  static final int FEW_VALUES = 10;

  /** Category levels rarer than this in the training rows share one indicator. */
  static final int MIN_LEVEL = 10;

  /** Quantile bins of other numeric columns. */
  static final int BINS = 5;

  private final List<Block> blocks = new ArrayList<>();
  private final int width;

  /** One input (a column, a parsed column or a ratio) and the features it produces. */
  private interface Source {
    /** The number of a row, or null (missing); only for numeric sources. */
    Double value(Object[] row);
  }

  private abstract static class Block {
    int offset;

    abstract int width();

    abstract void write(Object[] row, double[] x);
  }

  /** Standardised value, optional log1p, indicators of values or of quantile bins, missing flag. */
  private static final class NumericBlock extends Block {
    final Source source;
    final double mean, std, logMean, logStd;
    final boolean log, missingFlag;
    final double[] values; // indicator per value (few values), else null
    final double[] cuts; // upper bounds of the quantile bins but the last, else null

    NumericBlock(Source source, List<Object[]> rows, int[] train) {
      this.source = source;
      double[] v = new double[train.length];
      int n = 0;
      boolean missing = false;
      for (int r : train) {
        Double d = source.value(rows.get(r));
        if (d == null) missing = true;
        else v[n++] = d;
      }
      v = Arrays.copyOf(v, n);
      Arrays.sort(v);
      double s = 0, ss = 0;
      for (double d : v) s += d;
      mean = n == 0 ? 0 : s / n;
      for (double d : v) ss += (d - mean) * (d - mean);
      std = n < 2 || ss == 0 ? 1 : Math.sqrt(ss / (n - 1));
      double m3 = 0;
      for (double d : v) m3 += Math.pow((d - mean) / std, 3);
      double skew = n == 0 ? 0 : m3 / n;
      log = n > 0 && v[0] >= 0 && skew > 1;
      double lm = 0, ls = 0;
      if (log) {
        for (double d : v) lm += Math.log1p(d);
        lm /= n;
        for (double d : v) ls += (Math.log1p(d) - lm) * (Math.log1p(d) - lm);
        ls = n < 2 || ls == 0 ? 1 : Math.sqrt(ls / (n - 1));
      }
      logMean = lm;
      logStd = ls;
      missingFlag = missing;
      double[] distinct = Arrays.stream(v).distinct().toArray();
      if (distinct.length <= FEW_VALUES) {
        values = distinct;
        cuts = null;
      } else {
        values = null;
        double[] c = new double[BINS - 1];
        for (int b = 1; b < BINS; b++) c[b - 1] = v[(int) ((long) b * (n - 1) / BINS)];
        cuts = Arrays.stream(c).distinct().toArray();
      }
    }

    @Override
    int width() {
      return 1
          + (log ? 1 : 0)
          + (missingFlag ? 1 : 0)
          + (values != null ? values.length : 0)
          + (cuts != null ? cuts.length + 1 : 0);
    }

    @Override
    void write(Object[] row, double[] x) {
      Double d = source.value(row);
      int i = offset;
      if (d == null) {
        if (missingFlag) x[offset + width() - 1] = 1;
        return; // the mean: 0 standardised, no value or bin indicator
      }
      x[i++] = (d - mean) / std;
      if (log) x[i++] = (Math.log1p(Math.max(0, d)) - logMean) / logStd;
      if (values != null) {
        int k = Arrays.binarySearch(values, d);
        if (k >= 0) x[i + k] = 1;
      } else {
        int b = 0;
        while (b < cuts.length && d > cuts[b]) b++;
        x[i + b] = 1;
      }
    }
  }

  /** One-hot of frequent levels (rare ones share an indicator) and the log share of the level. */
  private static final class CategoryBlock extends Block {
    final int column;
    final Map<String, Integer> level = new HashMap<>();
    final Map<String, Double> logShare = new HashMap<>();
    final double rareLogShare, shareMean, shareStd;

    CategoryBlock(int column, List<Object[]> rows, int[] train) {
      this.column = column;
      Map<String, Integer> counts = new HashMap<>();
      for (int r : train)
        counts.merge(FeatureEncoder.category(rows.get(r)[column]), 1, Integer::sum);
      List<String> frequent =
          counts.entrySet().stream()
              .filter(e -> e.getValue() >= MIN_LEVEL)
              .map(Map.Entry::getKey)
              .sorted()
              .toList();
      for (String l : frequent) level.put(l, level.size());
      for (Map.Entry<String, Integer> e : counts.entrySet())
        logShare.put(e.getKey(), Math.log((double) e.getValue() / train.length));
      rareLogShare = Math.log(1.0 / train.length);
      double s = 0, ss = 0;
      for (int r : train) s += share(rows.get(r));
      shareMean = s / train.length;
      for (int r : train) ss += Math.pow(share(rows.get(r)) - shareMean, 2);
      shareStd = ss == 0 ? 1 : Math.sqrt(ss / Math.max(1, train.length - 1));
    }

    double share(Object[] row) {
      return logShare.getOrDefault(FeatureEncoder.category(row[column]), rareLogShare);
    }

    @Override
    int width() {
      return level.size() + 2;
    }

    @Override
    void write(Object[] row, double[] x) {
      Integer l = level.get(FeatureEncoder.category(row[column]));
      x[offset + (l == null ? level.size() : l)] = 1;
      x[offset + level.size() + 1] = (share(row) - shareMean) / shareStd;
    }
  }

  private EngineeredFeatures(List<Block> blocks) {
    int w = 0;
    for (Block b : blocks) {
      b.offset = w;
      w += b.width();
      this.blocks.add(b);
    }
    width = w;
  }

  static EngineeredFeatures fit(TabularData d, int[] train) {
    List<Block> blocks = new ArrayList<>();
    List<FeatureEncoder.Column> cols = d.features;
    List<Integer> years = new ArrayList<>(), money = new ArrayList<>(), levels = new ArrayList<>();
    for (int c = 0; c < cols.size(); c++) {
      int col = c;
      String name = cols.get(c).name().toLowerCase(Locale.ROOT);
      if (cols.get(c).type() == FeatureType.NUMERIC) {
        if (identifier(d.rows, train, c)) continue;
        blocks.add(new NumericBlock(row -> number(row[col]), d.rows, train));
        if (name.contains("year")) years.add(c);
        if (name.contains("income") || name.contains("salary") || name.contains("pay"))
          money.add(c);
        if (name.contains("level")) levels.add(c);
      } else {
        blocks.add(new CategoryBlock(c, d.rows, train));
        if (mostlyNumbers(d.rows, train, c))
          blocks.add(new NumericBlock(row -> parse(row[col]), d.rows, train));
      }
    }
    int nc = cols.size();
    Source missing =
        row -> {
          int m = 0;
          for (int c = 0; c < nc; c++) if (row[c] == null) m++;
          return (double) m;
        };
    boolean anyMissing = false;
    for (int r : train) anyMissing |= missing.value(d.rows.get(r)) > 0;
    if (anyMissing) blocks.add(new NumericBlock(missing, d.rows, train));
    for (int a : years)
      for (int b : years)
        if (a != b && mean(d.rows, train, a) < mean(d.rows, train, b))
          blocks.add(new NumericBlock(ratio(a, b, 1), d.rows, train));
    for (int m : money)
      for (int l : levels) blocks.add(new NumericBlock(ratio(m, l, 0), d.rows, train));
    return new EngineeredFeatures(blocks);
  }

  int width() {
    return width;
  }

  double[] vector(Object[] row) {
    double[] x = new double[width];
    for (Block b : blocks) b.write(row, x);
    return x;
  }

  double[][] matrix(List<Object[]> rows, int[] which) {
    double[][] x = new double[which.length][];
    for (int i = 0; i < which.length; i++) x[i] = vector(rows.get(which[i]));
    return x;
  }

  private static Source ratio(int a, int b, double plus) {
    return row -> {
      Double x = number(row[a]), y = number(row[b]);
      if (x == null || y == null || y + plus == 0) return null;
      return x / (y + plus);
    };
  }

  private static double mean(List<Object[]> rows, int[] train, int c) {
    double s = 0;
    int n = 0;
    for (int r : train) {
      Double v = number(rows.get(r)[c]);
      if (v != null) {
        s += v;
        n++;
      }
    }
    return n == 0 ? 0 : s / n;
  }

  /** Every training value a distinct integer, over at least 100 rows: a row identifier. */
  private static boolean identifier(List<Object[]> rows, int[] train, int c) {
    if (train.length < 100) return false;
    Set<Double> seen = new HashSet<>();
    for (int r : train) {
      Double v = number(rows.get(r)[c]);
      if (v == null || v != Math.rint(v) || !seen.add(v)) return false;
    }
    return true;
  }

  private static Double number(Object v) {
    return v instanceof Number n ? n.doubleValue() : null;
  }

  /** At least 80% of the present training values of a text column read as numbers. */
  private static boolean mostlyNumbers(List<Object[]> rows, int[] train, int c) {
    int present = 0, parsed = 0;
    for (int r : train) {
      Object v = rows.get(r)[c];
      if (v == null) continue;
      present++;
      if (parse(v) != null) parsed++;
    }
    return present > 0 && parsed >= 0.8 * present;
  }

  /**
   * The number a text value stands for: "&gt;20" is 21, "&lt;1" is 0, "10000+" is 10000, a range
   * "50-99" or "10/49" its midpoint; null when it is not one of these.
   */
  static Double parse(Object v) {
    if (v == null) return null;
    String s = String.valueOf(v).trim().replace(" ", "");
    if (s.isEmpty()) return null;
    try {
      if (s.startsWith(">")) return Double.parseDouble(s.substring(1)) + 1;
      if (s.startsWith("<")) return Double.parseDouble(s.substring(1)) - 1;
      if (s.endsWith("+")) return Double.parseDouble(s.substring(0, s.length() - 1));
      int dash = Math.max(s.indexOf('-', 1), s.indexOf('/'));
      if (dash > 0)
        return (Double.parseDouble(s.substring(0, dash))
                + Double.parseDouble(s.substring(dash + 1)))
            / 2;
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
