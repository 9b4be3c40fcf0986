package dev.talentgraph.ml.experts;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * The learned question router: a Tribuo logistic regression (AdaGrad, standardised inputs kept in
 * the model file) over {@link CandidateFeatures}, pointwise: "did this candidate answer this
 * question". Trained on past questions only, each seen with the history before it; a question's
 * candidates are ranked by the predicted probability.
 *
 * <p>Each training question gives its answerers as positives and its other candidates as negatives
 * (by default all of them; with a cap, half the candidates the tags+BM25 baseline puts first, the
 * near misses, and half a seeded uniform sample).
 */
public final class QuestionRouter {
  public static final String ANSWERS = "answers";
  public static final String NOT = "not";
  static final String P_VERSION = "route.featureVersion";
  static final String P_FEATURES = "route.features";
  static final String P_QUESTIONS = "route.questions";
  static final String P_POSITIVES = "route.positives";

  /**
   * Training settings.
   *
   * @param negatives negatives per training question at most ({@link #ALL}: every other candidate)
   * @param epochs SGD epochs
   * @param learningRate AdaGrad's initial rate
   * @param seed fixes the sample and the SGD order
   */
  public record Settings(int negatives, int epochs, double learningRate, long seed) {
    public static final int ALL = Integer.MAX_VALUE;

    public Settings {
      if (negatives < 1)
        throw new IllegalArgumentException("negatives must be >= 1, was " + negatives);
      if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, was " + epochs);
      if (!(learningRate > 0))
        throw new IllegalArgumentException("learning rate must be > 0, was " + learningRate);
    }

    /**
     * Every candidate, and enough epochs at a small rate for the (convex) fit to settle, so the
     * model depends on the data rather than on the order SGD saw it in.
     */
    public static Settings defaults(long seed) {
      return new Settings(ALL, 40, 0.02, seed);
    }
  }

  /** One past question: its candidates as of its time and who of them answered it. */
  public record Example(List<CandidateFeatures> candidates, Set<String> answerers) {}

  private final Model<Label> model;
  private final String[] names = CandidateFeatures.NAMES.toArray(new String[0]);
  private final int questions;
  private final int positives;

  private QuestionRouter(Model<Label> model, int questions, int positives) {
    this.model = model;
    this.questions = questions;
    this.positives = positives;
  }

  /**
   * Trains on past questions; throws {@link IllegalArgumentException} when none has an answerer
   * among its candidates.
   */
  public static QuestionRouter train(List<Example> past, Settings s, String description) {
    LabelFactory lf = new LabelFactory();
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance(description, lf), lf);
    String[] names = CandidateFeatures.NAMES.toArray(new String[0]);
    Label yes = new Label(ANSWERS);
    Label no = new Label(NOT);
    SplittableRandom rnd = new SplittableRandom(s.seed());
    int used = 0;
    int pos = 0;
    List<double[]> rows = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    for (Example ex : past) {
      List<CandidateFeatures> positive = new ArrayList<>();
      List<CandidateFeatures> negative = new ArrayList<>();
      for (CandidateFeatures c : ex.candidates())
        (ex.answerers().contains(c.person()) ? positive : negative).add(c);
      if (positive.isEmpty()) continue;
      used++;
      pos += positive.size();
      for (CandidateFeatures c : positive) {
        rows.add(c.vector());
        labels.add(yes);
      }
      for (CandidateFeatures c : sample(negative, s.negatives(), rnd)) {
        rows.add(c.vector());
        labels.add(no);
      }
    }
    if (used == 0)
      throw new IllegalArgumentException(
          "no past question has an answerer among its candidates: nothing to train the router on");
    // a feature constant over the training rows (no votes known yet, say) carries no information
    // and would make the standardisation divide by zero: the model leaves it out
    boolean[] keep = new boolean[names.length];
    for (double[] r : rows)
      for (int j = 0; j < names.length; j++) keep[j] |= r[j] != rows.get(0)[j];
    List<String> kept = new ArrayList<>();
    for (int j = 0; j < names.length; j++) if (keep[j]) kept.add(names[j]);
    String[] keptNames = kept.toArray(new String[0]);
    for (int i = 0; i < rows.size(); i++) {
      double[] v = new double[keptNames.length];
      for (int j = 0, c = 0; j < names.length; j++) if (keep[j]) v[c++] = rows.get(i)[j];
      data.add(new ArrayExample<>(labels.get(i), keptNames, v));
    }
    var inner =
        new LinearSGDTrainer(
            new LogMulticlass(),
            new AdaGrad(s.learningRate(), 0.1),
            s.epochs(),
            Integer.MAX_VALUE,
            1,
            s.seed());
    var trainer =
        new TransformTrainer<>(
            inner, new TransformationMap(List.of(new MeanStdDevTransformation())), true);
    Map<String, Provenance> prov = new LinkedHashMap<>();
    prov.put(P_VERSION, new StringProvenance(P_VERSION, CandidateFeatures.VERSION));
    prov.put(P_FEATURES, new StringProvenance(P_FEATURES, String.join(",", names)));
    prov.put(P_QUESTIONS, new IntProvenance(P_QUESTIONS, used));
    prov.put(P_POSITIVES, new IntProvenance(P_POSITIVES, pos));
    return new QuestionRouter(trainer.train(data, prov), used, pos);
  }

  /** Half the top of the tags+BM25 order, the rest uniform without repeats. */
  private static List<CandidateFeatures> sample(
      List<CandidateFeatures> negative, int k, SplittableRandom rnd) {
    if (negative.size() <= k) return negative;
    List<CandidateFeatures> sorted = new ArrayList<>(negative);
    sorted.sort(
        (a, b) -> {
          int c = Double.compare(b.tagsBm25(), a.tagsBm25());
          return c != 0 ? c : a.person().compareTo(b.person());
        });
    int hard = k / 2;
    List<CandidateFeatures> out = new ArrayList<>(sorted.subList(0, hard));
    List<CandidateFeatures> rest = new ArrayList<>(sorted.subList(hard, sorted.size()));
    for (int i = 0; i < k - hard; i++) {
      int j = i + rnd.nextInt(rest.size() - i);
      CandidateFeatures t = rest.get(i);
      rest.set(i, rest.get(j));
      rest.set(j, t);
      out.add(rest.get(i));
    }
    return out;
  }

  /**
   * Wraps a model read back from the registry, after checking it was trained on this feature
   * definition.
   */
  @SuppressWarnings("unchecked")
  public static QuestionRouter of(Model<?> model) {
    Map<String, String> p = new HashMap<>();
    model
        .getProvenance()
        .getInstanceProvenance()
        .getMap()
        .forEach(
            (k, v) ->
                p.put(
                    k,
                    String.valueOf(
                        v instanceof com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance<?> pp
                            ? pp.getValue()
                            : v)));
    if (!CandidateFeatures.VERSION.equals(p.get(P_VERSION)))
      throw new IllegalArgumentException(
          "model "
              + model.getName()
              + " was trained on features '"
              + p.get(P_VERSION)
              + "', this code computes '"
              + CandidateFeatures.VERSION
              + "'");
    return new QuestionRouter(
        (Model<Label>) model,
        Integer.parseInt(p.getOrDefault(P_QUESTIONS, "0")),
        Integer.parseInt(p.getOrDefault(P_POSITIVES, "0")));
  }

  /** Probability that the candidate answers the question. */
  public double score(CandidateFeatures c) {
    Prediction<Label> p =
        model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, c.vector()));
    Label l = p.getOutputScores().get(ANSWERS);
    return l == null ? 0 : l.getScore();
  }

  /** The Tribuo model, for the registry. */
  public Model<Label> model() {
    return model;
  }

  /** Questions the model was fitted on. */
  public int trainingQuestions() {
    return questions;
  }

  /** Answerers (positives) the model was fitted on. */
  public int trainingPositives() {
    return positives;
  }
}
