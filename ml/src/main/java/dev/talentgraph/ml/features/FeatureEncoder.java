package dev.talentgraph.ml.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * Turns rows of raw values (one {@code Object} per input column) into dense Tribuo examples, with
 * every statistic fitted on the training rows only, so that cross-validation folds never see their
 * test rows. The fitted state is a list of {@link EncodedColumn}s: it is stored with the model, and
 * scoring rebuilds the exact encoder from it.
 *
 * <p>Numbers are standardised ((x - mean) / std), so that the coefficients of a linear model are
 * comparable and its contributions are "per standard deviation"; categories are one-hot encoded. A
 * missing number takes the training mean and sets its "missing" flag.
 */
public final class FeatureEncoder {
  private final List<EncodedColumn> columns;
  private final String[] featureNames;
  private final Map<String, Integer> index = new HashMap<>();

  /** Per encoded feature, the input column it came from. */
  private final int[] sourceColumn;

  public FeatureEncoder(List<EncodedColumn> columns) {
    this.columns = List.copyOf(columns);
    List<String> names = new ArrayList<>();
    List<Integer> sources = new ArrayList<>();
    for (int c = 0; c < this.columns.size(); c++) {
      EncodedColumn col = this.columns.get(c);
      if (col.type() == FeatureType.NUMERIC) {
        names.add(col.name());
        sources.add(c);
        if (col.missingFlag()) {
          names.add(col.missingFeature());
          sources.add(c);
        }
      } else {
        for (String cat : col.categories()) {
          names.add(col.categoryFeature(cat));
          sources.add(c);
        }
      }
    }
    this.featureNames = names.toArray(String[]::new);
    this.sourceColumn = sources.stream().mapToInt(Integer::intValue).toArray();
    for (int i = 0; i < featureNames.length; i++) {
      if (index.put(featureNames[i], i) != null) {
        throw new IllegalArgumentException(
            "two encoded features are both named '" + featureNames[i] + "'");
      }
    }
  }

  /** A column to fit: its name, words for a recruiter and its type. */
  public record Column(String name, String description, FeatureType type) {}

  /**
   * Fits the encoder on the given training rows.
   *
   * @param rows raw values, {@code rows.get(r)[c]} for column c; null or blank means missing
   * @param trainingRows indices of the rows to fit on
   */
  public static FeatureEncoder fit(List<Column> columns, List<Object[]> rows, int[] trainingRows) {
    List<EncodedColumn> fitted = new ArrayList<>(columns.size());
    for (int c = 0; c < columns.size(); c++) {
      Column col = columns.get(c);
      if (col.type() == FeatureType.NUMERIC) {
        double sum = 0, sumSq = 0;
        int n = 0;
        boolean missing = false;
        for (int r : trainingRows) {
          Double v = numeric(rows.get(r)[c], col.name());
          if (v == null) {
            missing = true;
          } else {
            sum += v;
            sumSq += v * v;
            n++;
          }
        }
        double mean = n == 0 ? 0 : sum / n;
        double var = n == 0 ? 0 : Math.max(0, sumSq / n - mean * mean);
        double std = Math.sqrt(var);
        fitted.add(
            new EncodedColumn(
                col.name(),
                col.description(),
                FeatureType.NUMERIC,
                mean,
                std == 0 ? 1 : std,
                missing,
                List.of()));
      } else {
        TreeSet<String> cats = new TreeSet<>();
        for (int r : trainingRows) cats.add(category(rows.get(r)[c]));
        fitted.add(
            new EncodedColumn(
                col.name(),
                col.description(),
                FeatureType.CATEGORICAL,
                0,
                1,
                false,
                List.copyOf(cats)));
      }
    }
    return new FeatureEncoder(fitted);
  }

  public List<EncodedColumn> columns() {
    return columns;
  }

  /** Names of the encoded features, in vector order. */
  public String[] featureNames() {
    return featureNames.clone();
  }

  /** Index of the input column an encoded feature comes from. */
  public int sourceColumn(int feature) {
    return sourceColumn[feature];
  }

  /** The dense encoded vector of one row. */
  public double[] vector(Object[] raw) {
    if (raw.length != columns.size()) {
      throw new IllegalArgumentException(
          "row has " + raw.length + " values but the encoder expects " + columns.size());
    }
    double[] x = new double[featureNames.length];
    for (int c = 0; c < columns.size(); c++) {
      EncodedColumn col = columns.get(c);
      if (col.type() == FeatureType.NUMERIC) {
        Double v = numeric(raw[c], col.name());
        int i = index.get(col.name());
        if (v == null) {
          x[i] = 0; // the mean, standardised
          if (col.missingFlag()) x[index.get(col.missingFeature())] = 1;
        } else {
          x[i] = (v - col.mean()) / col.std();
        }
      } else {
        Integer i = index.get(col.categoryFeature(category(raw[c])));
        if (i != null) x[i] = 1;
      }
    }
    return x;
  }

  /** A Tribuo example of one row. */
  public <T extends Output<T>> ArrayExample<T> example(Object[] raw, T output) {
    return sparse(vector(raw), output);
  }

  /**
   * A Tribuo example holding only the non-zero features: Tribuo reads an absent feature as 0, so
   * this is the same input as the dense vector, and one-hot columns with many categories cost one
   * feature per row instead of one per category.
   */
  public <T extends Output<T>> ArrayExample<T> sparse(double[] x, T output) {
    int nz = 0;
    for (double v : x) if (v != 0) nz++;
    String[] names = new String[nz];
    double[] values = new double[nz];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] != 0) {
        names[k] = featureNames[i];
        values[k++] = x[i];
      }
    }
    return new ArrayExample<>(output, names, values);
  }

  /** The category a raw value falls in; missing values form their own category. */
  public static String category(Object v) {
    if (v == null) return "(missing)";
    String s = String.valueOf(v).trim();
    return s.isEmpty() ? "(missing)" : s;
  }

  /** The number a raw value holds, null when missing. */
  public static Double numeric(Object v, String column) {
    if (v == null) return null;
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return Double.isNaN(d) ? null : d;
    }
    if (v instanceof Boolean b) return b ? 1.0 : 0.0;
    String s = String.valueOf(v).trim();
    if (s.isEmpty()) return null;
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "column '" + column + "' is numeric but holds '" + s + "'");
    }
  }

  @Override
  public String toString() {
    return "FeatureEncoder" + Arrays.toString(featureNames);
  }
}
