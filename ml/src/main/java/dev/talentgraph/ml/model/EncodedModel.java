package dev.talentgraph.ml.model;

import dev.talentgraph.ml.features.EncodedColumn;
import dev.talentgraph.ml.features.FeatureEncoder;
import dev.talentgraph.ml.features.FeatureType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A trained Tribuo model together with the fitted encoder that turns raw inputs into its features:
 * the unit that is stored, loaded, scored and explained. Binary classifiers are trained on the two
 * labels {@link #POSITIVE} and {@link #NEGATIVE}; regressors on the single dimension {@link
 * #TARGET}.
 */
public final class EncodedModel {
  public static final Label POSITIVE = new Label("positive");
  public static final Label NEGATIVE = new Label("negative");
  public static final String TARGET = "target";

  private final Algorithm algorithm;
  private final FeatureEncoder encoder;
  private final Model<?> model;

  /** Tribuo ids of the encoder's features, -1 where the model never saw a feature. */
  private final int[] featureIds;

  /**
   * The linear weights, read once from the model (a trained model does not change): reading them
   * copies Tribuo's whole weight matrix, which cost more than the prediction it explains.
   */
  private volatile double[] weights;

  public EncodedModel(Algorithm algorithm, FeatureEncoder encoder, Model<?> model) {
    this.algorithm = algorithm;
    this.encoder = encoder;
    this.model = model;
    boolean isClassifier = model.validate(Label.class);
    if (isClassifier != algorithm.classification()) {
      throw new IllegalArgumentException("model output type does not match algorithm " + algorithm);
    }
    String[] names = encoder.featureNames();
    featureIds = new int[names.length];
    for (int i = 0; i < names.length; i++) featureIds[i] = model.getFeatureIDMap().getID(names[i]);
  }

  /** Trains a binary classifier on the given rows; {@code labels[r]} is the outcome of row r. */
  public static EncodedModel trainClassifier(
      TrainerSpec spec,
      FeatureEncoder encoder,
      List<Object[]> rows,
      int[] train,
      boolean[] labels,
      String dataDescription) {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> ds =
        new MutableDataset<>(new SimpleDataSourceProvenance(dataDescription, factory), factory);
    for (int r : train) ds.add(encoder.example(rows.get(r), labels[r] ? POSITIVE : NEGATIVE));
    padIfAnyExampleIsFull(ds, spec);
    Model<Label> m = spec.classifier().train(ds);
    return new EncodedModel(spec.algorithm(), encoder, m);
  }

  /** Trains a regressor on the given rows; {@code targets[r]} is the value of row r. */
  public static EncodedModel trainRegressor(
      TrainerSpec spec,
      FeatureEncoder encoder,
      List<Object[]> rows,
      int[] train,
      double[] targets,
      String dataDescription) {
    RegressionFactory factory = new RegressionFactory();
    MutableDataset<Regressor> ds =
        new MutableDataset<>(new SimpleDataSourceProvenance(dataDescription, factory), factory);
    for (int r : train) ds.add(encoder.example(rows.get(r), new Regressor(TARGET, targets[r])));
    padIfAnyExampleIsFull(ds, spec);
    Model<Regressor> m = spec.regressor().train(ds);
    return new EncodedModel(spec.algorithm(), encoder, m);
  }

  /** A feature name no encoder produces (see {@link #padIfAnyExampleIsFull}). */
  static final String PADDING = "(padding)";

  /**
   * Tribuo 4.3.2's SGD trainers turn an example holding every feature of the dataset into a dense
   * vector and the others into sparse ones, and merging the gradients of a minibatch then fails
   * ({@code DenseMatrix cannot be cast to DenseSparseMatrix} in {@code LinearParameters.merge}).
   * That happens when no column has a zero or a missing value in some row (small or uniform data,
   * e.g. a hire model trained on applications that all have the same stages). An extra feature that
   * no example holds keeps every example sparse; its weight stays 0 and it is never read when
   * scoring.
   */
  private static void padIfAnyExampleIsFull(MutableDataset<?> ds, TrainerSpec spec) {
    if (spec.minibatchSize() <= 1) return;
    int features = ds.getFeatureMap().size();
    for (Example<?> ex : ds) {
      if (ex.size() == features) {
        ds.getFeatureMap().add(PADDING, 0.0);
        return;
      }
    }
  }

  public Algorithm algorithm() {
    return algorithm;
  }

  public FeatureEncoder encoder() {
    return encoder;
  }

  public Model<?> tribuoModel() {
    return model;
  }

  /** Probability of the positive class (classifiers) or the predicted value (regressors). */
  public double predict(Object[] raw) {
    return predictEncoded(encoder.vector(raw));
  }

  /** Predictions of many rows; Tribuo predicts them in one call. */
  public double[] predict(List<Object[]> rows, int[] which) {
    double[] out = new double[which.length];
    for (int i = 0; i < which.length; i++) out[i] = predict(rows.get(which[i]));
    return out;
  }

  @SuppressWarnings("unchecked")
  private double predictEncoded(double[] x) {
    if (algorithm.classification()) {
      Model<Label> m = (Model<Label>) model;
      Example<Label> ex = encoder.sparse(x, LabelFactory.UNKNOWN_LABEL);
      Prediction<Label> p = m.predict(ex);
      Label pos = p.getOutputScores().get(POSITIVE.getLabel());
      return pos == null ? 0 : pos.getScore();
    }
    Model<Regressor> m = (Model<Regressor>) model;
    Example<Regressor> ex = encoder.sparse(x, RegressionFactory.UNKNOWN_REGRESSOR);
    return m.predict(ex).getOutput().getValues()[0];
  }

  /**
   * The value the explanations speak in: log-odds for classifiers, the prediction for regressors.
   */
  private double margin(double[] x) {
    double p = predictEncoded(x);
    if (!algorithm.classification()) return p;
    double q = Math.min(1 - 1e-12, Math.max(1e-12, p));
    return Math.log(q / (1 - q));
  }

  /**
   * The {@code top} inputs with the largest effect on this row's score, largest first.
   *
   * <p>Linear models: exact contributions w·x per encoded feature (for a two-label softmax the
   * log-odds weight is w_positive - w_negative), summed over the features of one input column, so
   * contributions plus the bias add up to the log-odds exactly. Factorization machines: the change
   * in log-odds when one input is replaced by its training average (numbers) or by "no category"
   * (one-hot), the one-at-a-time perturbation explanation of Robnik-Šikonja and Kononenko (IEEE
   * TKDE 20(5), 2008), a deterministic relative of LIME (Ribeiro, Singh and Guestrin, KDD 2016).
   *
   * @param outcome words for what the score measures ("attrition risk"), used in the sentences
   */
  public List<Contribution> explain(Object[] raw, int top, String outcome) {
    double[] x = encoder.vector(raw);
    List<EncodedColumn> cols = encoder.columns();
    double[] perColumn = new double[cols.size()];
    if (!algorithm.factorization()) {
      double[] w = cachedWeights();
      for (int f = 0; f < x.length; f++) perColumn[encoder.sourceColumn(f)] += w[f] * x[f];
    } else {
      double base = margin(x);
      for (int c = 0; c < cols.size(); c++) {
        double[] y = x.clone();
        boolean changed = false;
        for (int f = 0; f < y.length; f++) {
          if (encoder.sourceColumn(f) == c && y[f] != 0) {
            y[f] = 0;
            changed = true;
          }
        }
        perColumn[c] = changed ? base - margin(y) : 0;
      }
    }
    // rank the columns first and word only the top ones: the sentences cost more than the sums
    List<Integer> ranked = new ArrayList<>();
    for (int c = 0; c < cols.size(); c++) if (perColumn[c] != 0) ranked.add(c);
    ranked.sort(
        Comparator.comparingDouble((Integer c) -> -Math.abs(perColumn[c]))
            .thenComparing(c -> cols.get(c).name()));
    List<Contribution> out = new ArrayList<>(Math.min(top, ranked.size()));
    for (int c : ranked.subList(0, Math.min(Math.max(top, 0), ranked.size()))) {
      EncodedColumn col = cols.get(c);
      String value = shown(col, raw[c]);
      out.add(
          new Contribution(
              col.name(), value, perColumn[c], sentence(col, value, perColumn[c], outcome)));
    }
    return out;
  }

  /**
   * Linear weights on the model's output (log-odds for classifiers), indexed like the encoder's
   * features; the bias is {@link #linearBias()}.
   */
  public double[] linearWeights() {
    DenseMatrix w = linearModel().getWeightsCopy();
    double[] out = new double[featureIds.length];
    int pos = posRow(), neg = negRow();
    for (int f = 0; f < featureIds.length; f++) {
      int id = featureIds[f];
      if (id < 0) continue;
      out[f] = neg < 0 ? w.get(pos, id) : w.get(pos, id) - w.get(neg, id);
    }
    return out;
  }

  private double[] cachedWeights() {
    double[] w = weights;
    if (w == null) weights = w = linearWeights();
    return w;
  }

  /** The intercept on the log-odds (classifiers) or the target (regressors). */
  public double linearBias() {
    DenseMatrix w = linearModel().getWeightsCopy();
    int bias = w.getDimension2Size() - 1;
    int pos = posRow(), neg = negRow();
    return neg < 0 ? w.get(pos, bias) : w.get(pos, bias) - w.get(neg, bias);
  }

  private AbstractLinearSGDModel<?> linearModel() {
    if (!(model instanceof AbstractLinearSGDModel<?> lm)) {
      throw new IllegalStateException(algorithm + " has no linear weights");
    }
    return lm;
  }

  @SuppressWarnings("unchecked")
  private int posRow() {
    if (!algorithm.classification()) return 0;
    return ((Model<Label>) model).getOutputIDInfo().getID(POSITIVE);
  }

  @SuppressWarnings("unchecked")
  private int negRow() {
    if (!algorithm.classification()) return -1;
    return ((Model<Label>) model).getOutputIDInfo().getID(NEGATIVE);
  }

  private static String shown(EncodedColumn col, Object raw) {
    if (col.type() == FeatureType.CATEGORICAL) return FeatureEncoder.category(raw);
    Double v = FeatureEncoder.numeric(raw, col.name());
    if (v == null) return "unknown";
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? String.valueOf(v.longValue())
        : fixed(v, 2, false);
  }

  private String sentence(EncodedColumn col, String value, double c, String outcome) {
    String direction = c > 0 ? "raises" : "lowers";
    String what = outcome == null || outcome.isBlank() ? "the score" : "the " + outcome;
    String context = "";
    if (col.type() == FeatureType.NUMERIC && !"unknown".equals(value)) {
      context = " (average " + trim(col.mean()) + ")";
    }
    String unit = algorithm.classification() ? "log-odds" : "points";
    return capitalise(col.description())
        + " is "
        + value
        + context
        + ": "
        + direction
        + " "
        + what
        + " ("
        + fixed(c, 2, true)
        + " "
        + unit
        + ")";
  }

  private static String trim(double v) {
    return Math.abs(v - Math.rint(v)) < 1e-9
        ? String.valueOf((long) Math.rint(v))
        : fixed(v, 1, false);
  }

  /**
   * {@code String.format(Locale.ROOT, "%.Nf", v)} ({@code "%+.Nf"} with {@code plus}) without
   * parsing a format for every sentence: the shortest decimal of {@code v} rounded half up, as the
   * formatter does; the formatter itself for what that does not cover (not finite, negative zero).
   */
  static String fixed(double v, int digits, boolean plus) {
    if (!Double.isFinite(v) || (v == 0 && Double.doubleToRawLongBits(v) != 0)) {
      return String.format(Locale.ROOT, (plus ? "%+." : "%.") + digits + "f", v);
    }
    String s = BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    if (v < 0 && s.charAt(0) != '-') return "-" + s; // rounded to zero keeps its sign
    return plus && v >= 0 ? "+" + s : s;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
