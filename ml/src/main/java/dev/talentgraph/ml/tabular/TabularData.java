package dev.talentgraph.ml.tabular;

import dev.talentgraph.ml.features.FeatureEncoder;
import dev.talentgraph.ml.features.FeatureType;
import dev.talentgraph.ml.features.ProtectedAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A CSV prepared for binary classification: the label as booleans, the feature columns with their
 * inferred types and parsed values, and the protected columns kept apart (never features) for the
 * fairness report. Everything is validated here, before any model is trained.
 *
 * <p>A column is numeric when every non-blank value is a number. A column whose values are numbers
 * except for a handful (at most 1% and at most 3 distinct) is taken for a numeric column with a
 * typo, and rejected with the line of the first bad value; columns with more text values (such as
 * "&gt;20" years of experience) are categorical.
 */
final class TabularData {
  /** Column roles, for the report. */
  public record ColumnInfo(String name, String role, String type, int missing, int distinct) {}

  final CsvTable table;
  final String labelColumn;
  final String positiveValue;
  final boolean[] labels;
  final List<FeatureEncoder.Column> features = new ArrayList<>();
  final List<Object[]> rows = new ArrayList<>();

  /** Protected column name to the group of every row. */
  final Map<String, String[]> protectedGroups = new LinkedHashMap<>();

  final List<ColumnInfo> columns = new ArrayList<>();

  private TabularData(CsvTable table, String labelColumn, String positiveValue, boolean[] labels) {
    this.table = table;
    this.labelColumn = labelColumn;
    this.positiveValue = positiveValue;
    this.labels = labels;
  }

  public static TabularData prepare(CsvTable t, TabularOptions o) {
    int labelIdx = t.column(o.label());
    for (String d : o.drop()) t.column(d);
    for (String p : o.protectedColumns()) t.column(p);
    for (String c : o.categorical()) t.column(c);
    Map<String, Integer> counts = new TreeMap<>();
    for (int r = 0; r < t.size(); r++) {
      String v = t.value(r, labelIdx).trim();
      if (v.isEmpty())
        throw new TabularInputException(
            t.file() + ":" + t.line(r) + ": label column '" + o.label() + "' is empty");
      counts.merge(v, 1, Integer::sum);
    }
    String positive = o.positive();
    if (counts.size() < 2) {
      throw new TabularInputException(
          t.file()
              + ": label column '"
              + o.label()
              + "' has a single class ("
              + counts.keySet()
              + "); a classifier needs both positive and negative rows");
    }
    if (positive != null) {
      if (!counts.containsKey(positive)) {
        throw new TabularInputException(
            t.file()
                + ": positive value '"
                + positive
                + "' never occurs in column '"
                + o.label()
                + "'; its values are "
                + counts.keySet());
      }
    } else {
      if (counts.size() != 2) {
        throw new TabularInputException(
            t.file()
                + ": column '"
                + o.label()
                + "' has "
                + counts.size()
                + " distinct values "
                + abbreviate(counts.keySet())
                + "; give --positive VALUE to say which one is positive");
      }
      for (String v : counts.keySet()) {
        if (Set.of("1", "yes", "true", "y").contains(v.toLowerCase(Locale.ROOT))) positive = v;
      }
      if (positive == null) {
        positive =
            counts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
      }
    }
    if (counts.size() < 2 || counts.get(positive) == t.size()) {
      throw new TabularInputException(
          t.file()
              + ": label column '"
              + o.label()
              + "' has a single class ("
              + counts.keySet()
              + "); a classifier needs both positive and negative rows");
    }
    boolean[] labels = new boolean[t.size()];
    for (int r = 0; r < t.size(); r++) labels[r] = t.value(r, labelIdx).trim().equals(positive);
    TabularData d = new TabularData(t, o.label(), positive, labels);

    List<Integer> featureIdx = new ArrayList<>();
    for (int c = 0; c < t.header().size(); c++) {
      String name = t.header().get(c);
      if (c == labelIdx) {
        d.columns.add(new ColumnInfo(name, "label", "categorical", 0, counts.size()));
        continue;
      }
      if (o.drop().contains(name)) {
        d.columns.add(new ColumnInfo(name, "dropped", "-", 0, 0));
        continue;
      }
      Set<String> distinct = new HashSet<>();
      int missing = 0, numeric = 0, firstBadRow = -1;
      Set<String> bad = new HashSet<>();
      for (int r = 0; r < t.size(); r++) {
        String v = t.value(r, c).trim();
        if (v.isEmpty()) {
          missing++;
          continue;
        }
        distinct.add(v);
        if (isNumber(v)) {
          numeric++;
        } else {
          bad.add(v);
          if (firstBadRow < 0) firstBadRow = r;
        }
      }
      int present = t.size() - missing;
      boolean forcedCategorical = o.categorical().contains(name);
      FeatureType type;
      if (present > 0 && numeric == present && !forcedCategorical) {
        type = FeatureType.NUMERIC;
      } else if (!forcedCategorical
          && present > 0
          && numeric > 0
          && (present - numeric) <= Math.max(1, present / 100)
          && bad.size() <= 3
          && numeric >= 20) {
        throw new TabularInputException(
            t.file()
                + ":"
                + t.line(firstBadRow)
                + ": column '"
                + name
                + "' is numeric ("
                + numeric
                + " of "
                + present
                + " values are numbers) but holds '"
                + t.value(firstBadRow, c).trim()
                + "'; fix the value or pass it in --categorical");
      } else {
        type = FeatureType.CATEGORICAL;
      }
      String typeName = type.name().toLowerCase(Locale.ROOT);
      boolean isProtected =
          ProtectedAttributes.isProtectedName(name) || o.protectedColumns().contains(name);
      if (isProtected) {
        d.columns.add(new ColumnInfo(name, "protected", typeName, missing, distinct.size()));
        d.protectedGroups.put(name, groups(t, c, name, type));
        continue;
      }
      if (distinct.size() <= 1 && missing == 0) {
        d.columns.add(new ColumnInfo(name, "constant", typeName, missing, distinct.size()));
        continue;
      }
      d.columns.add(new ColumnInfo(name, "feature", typeName, missing, distinct.size()));
      d.features.add(new FeatureEncoder.Column(name, name, type));
      featureIdx.add(c);
    }
    if (d.features.isEmpty())
      throw new TabularInputException(
          t.file()
              + ": no feature columns left after dropping "
              + "the label, dropped, protected and constant columns");
    for (int r = 0; r < t.size(); r++) {
      Object[] row = new Object[featureIdx.size()];
      for (int j = 0; j < row.length; j++) {
        String v = t.value(r, featureIdx.get(j)).trim();
        if (v.isEmpty()) row[j] = null;
        else
          row[j] =
              d.features.get(j).type() == FeatureType.NUMERIC ? (Object) Double.parseDouble(v) : v;
      }
      d.rows.add(row);
    }
    return d;
  }

  /**
   * Groups of a protected column for the fairness report: its values when categorical; for ages the
   * bands under 40 and 40 or over (the line drawn by the US Age Discrimination in Employment Act);
   * for other numbers, at or below versus above the median.
   */
  private static String[] groups(CsvTable t, int c, String name, FeatureType type) {
    String[] g = new String[t.size()];
    if (type == FeatureType.CATEGORICAL) {
      for (int r = 0; r < t.size(); r++) g[r] = FeatureEncoder.category(t.value(r, c));
      return g;
    }
    boolean age = dev.talentgraph.ml.features.ProtectedAttributes.isAgeName(name);
    double cut;
    String lo, hi;
    if (age) {
      cut = 39.999;
      lo = "under 40";
      hi = "40 or over";
    } else {
      List<Double> vals = new ArrayList<>();
      for (int r = 0; r < t.size(); r++) {
        String v = t.value(r, c).trim();
        if (!v.isEmpty()) vals.add(Double.parseDouble(v));
      }
      vals.sort(Double::compare);
      cut = vals.get((vals.size() - 1) / 2);
      lo = "<= " + cut;
      hi = "> " + cut;
    }
    for (int r = 0; r < t.size(); r++) {
      String v = t.value(r, c).trim();
      g[r] = v.isEmpty() ? "(missing)" : Double.parseDouble(v) <= cut ? lo : hi;
    }
    return g;
  }

  static boolean isNumber(String s) {
    try {
      double d = Double.parseDouble(s);
      return !Double.isNaN(d) && !Double.isInfinite(d);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String abbreviate(Set<String> values) {
    List<String> l = new ArrayList<>(values);
    return l.size() <= 10 ? l.toString() : l.subList(0, 10) + "...";
  }

  public int size() {
    return labels.length;
  }

  public int positives() {
    int n = 0;
    for (boolean b : labels) if (b) n++;
    return n;
  }

  public List<ColumnInfo> columns() {
    return columns;
  }

  public String positiveValue() {
    return positiveValue;
  }
}
