package dev.talentgraph.ml.collab;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * The learned collaborator ranker: a plain Tribuo {@code Model<Label>} (logistic regression, or a
 * factorization machine: S. Rendle, "Factorization Machines", ICDM 2010) over {@link PairFeatures},
 * standardised by a Tribuo {@link TransformTrainer} so the model file holds its own scaling.
 *
 * <p>Trained on a past snapshot: features from the graph up to some time, labels the pairs that
 * linked after it (see {@link LinkPredictionEvaluation} for how the snapshots are chosen), so no
 * feature ever sees the edge it is asked to predict. The model's instance provenance records the
 * feature definition ({@link PairFeatures#VERSION} and names) and the FastRP settings, which is all
 * a registry needs to store it and all the product needs to recompute the same features.
 */
public final class CollaboratorRanker {

  /** The Tribuo label of a pair that links. */
  public static final String LINK = "link";

  public static final String NO_LINK = "no_link";

  static final String P_FEATURE_VERSION = "collab.featureVersion";
  static final String P_FEATURES = "collab.features";
  static final String P_EMB_DIM = "collab.fastrp.dimension";
  static final String P_EMB_WEIGHTS = "collab.fastrp.iterationWeights";
  static final String P_EMB_RATIO = "collab.fastrp.propertyRatio";
  static final String P_EMB_SEED = "collab.fastrp.seed";
  static final String P_SNAPSHOT = "collab.snapshot";
  static final String P_DROPPED = "collab.droppedFeatures";
  static final String P_POSITIVES = "collab.positives";
  static final String P_NEGATIVES = "collab.negatives";

  /** Which Tribuo learner. */
  public enum Kind {
    LOGISTIC,
    FACTORIZATION_MACHINE,
    /**
     * Gradient-boosted trees (XGBoost through Tribuo: Chen and Guestrin, KDD 2016), which can carve
     * out the top of the list, where a few structural features interact, without a linear model's
     * compromise with the bulk of the pairs.
     */
    GRADIENT_BOOSTED_TREES
  }

  /**
   * Training settings.
   *
   * @param negativesPerPositive sampled non-edges per positive pair
   * @param hardNegativeShare share of those non-edges drawn within three hops (random walks)
   *     instead of uniformly
   * @param twoHopPerPositive extra non-edges per positive two hops apart (a random walk of two
   *     steps from a uniformly chosen expert, so pairs with many common collaborators come up more
   *     often): the pairs the heuristics put at the top of the list
   * @param highDegreePerPositive extra non-edges per positive between two experts each chosen in
   *     proportion to their degree: the pairs that structure alone over-rates
   * @param hardWeight weight of each of those extra negatives in the loss
   * @param selectByValidation hold out part of the positives, fit the learned candidates on the
   *     rest, and keep whichever of them, Adamic-Adar and resource allocation ranks the held-out
   *     positives highest at the top of the list; the winner is refitted on every positive
   */
  public record Settings(
      Kind kind,
      int epochs,
      double learningRate,
      int negativesPerPositive,
      double hardNegativeShare,
      long seed,
      FastRpEmbedding.Settings embedding,
      Set<String> dropFeatures,
      int twoHopPerPositive,
      int highDegreePerPositive,
      double hardWeight,
      boolean selectByValidation) {
    public Settings {
      if (twoHopPerPositive < 0 || highDegreePerPositive < 0) {
        throw new IllegalArgumentException(
            "extra negatives per positive must be >= 0, were "
                + twoHopPerPositive
                + " and "
                + highDegreePerPositive);
      }
      if (!(hardWeight > 0))
        throw new IllegalArgumentException("hardWeight must be > 0, was " + hardWeight);
      if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, was " + epochs);
      if (!(learningRate > 0))
        throw new IllegalArgumentException("learning rate must be > 0, was " + learningRate);
      if (negativesPerPositive < 1) {
        throw new IllegalArgumentException(
            "negativesPerPositive must be >= 1, was " + negativesPerPositive);
      }
      if (hardNegativeShare < 0 || hardNegativeShare > 1) {
        throw new IllegalArgumentException(
            "hardNegativeShare must be in [0, 1], was " + hardNegativeShare);
      }
      dropFeatures = Set.copyOf(dropFeatures);
      for (String f : dropFeatures) {
        if (!PairFeatures.NAMES.contains(f)) {
          throw new IllegalArgumentException(
              "unknown feature '" + f + "'; features: " + String.join(", ", PairFeatures.NAMES));
        }
      }
    }

    /** Uniform (and random-walk) negatives only, no selection. */
    public Settings(
        Kind kind,
        int epochs,
        double learningRate,
        int negativesPerPositive,
        double hardNegativeShare,
        long seed,
        FastRpEmbedding.Settings embedding) {
      this(
          kind,
          epochs,
          learningRate,
          negativesPerPositive,
          hardNegativeShare,
          seed,
          embedding,
          Set.of(),
          0,
          0,
          1,
          false);
    }

    public static Settings defaults(long seed) {
      return new Settings(
          Kind.LOGISTIC,
          10,
          0.1,
          20,
          0.0,
          seed,
          FastRpEmbedding.Settings.defaults(seed),
          Set.of(),
          DEFAULT_TWO_HOP,
          DEFAULT_HIGH_DEGREE,
          DEFAULT_HARD_WEIGHT,
          true);
    }

    /** The same settings with another learner. */
    public Settings withKind(Kind k) {
      return new Settings(
          k,
          epochs,
          learningRate,
          negativesPerPositive,
          hardNegativeShare,
          seed,
          embedding,
          dropFeatures,
          twoHopPerPositive,
          highDegreePerPositive,
          hardWeight,
          selectByValidation);
    }

    /** The same settings with other extra negatives and selection. */
    public Settings withHardNegatives(
        int twoHop, int highDegree, double weight, boolean selectByValidation) {
      return new Settings(
          kind,
          epochs,
          learningRate,
          negativesPerPositive,
          hardNegativeShare,
          seed,
          embedding,
          dropFeatures,
          twoHop,
          highDegree,
          weight,
          selectByValidation);
    }

    /** The same settings with another seed (for the ranker and its embedding). */
    public Settings withSeed(long newSeed) {
      return new Settings(
          kind,
          epochs,
          learningRate,
          negativesPerPositive,
          hardNegativeShare,
          newSeed,
          embedding.withSeed(newSeed),
          dropFeatures,
          twoHopPerPositive,
          highDegreePerPositive,
          hardWeight,
          selectByValidation);
    }

    /** The same settings with some features left out of the model (for ablations). */
    public Settings withoutFeatures(Set<String> names) {
      return new Settings(
          kind,
          epochs,
          learningRate,
          negativesPerPositive,
          hardNegativeShare,
          seed,
          embedding,
          names,
          twoHopPerPositive,
          highDegreePerPositive,
          hardWeight,
          selectByValidation);
    }
  }

  private final Model<Label> model;
  private final FastRpEmbedding.Settings embedding;
  private final String[] names;

  /**
   * Pairs the model was fitted on and their AUC under it (NaN for a model read back from storage).
   */
  private final int positives;

  private final int negatives;
  private final double trainingAuc;
  private final String selection;

  /** Index of {@link #P_PRIMARY}'s feature, or -1. */
  private final int primary;

  private CollaboratorRanker(Model<Label> model, FastRpEmbedding.Settings embedding) {
    this(
        model,
        embedding,
        0,
        0,
        Double.NaN,
        instanceProvenance(model).getOrDefault(P_SELECTION, ""));
  }

  private CollaboratorRanker(
      Model<Label> model,
      FastRpEmbedding.Settings embedding,
      int positives,
      int negatives,
      double trainingAuc,
      String selection) {
    this.model = model;
    this.selection = selection;
    this.embedding = embedding;
    this.positives = positives;
    this.negatives = negatives;
    this.trainingAuc = trainingAuc;
    this.names = PairFeatures.NAMES.toArray(new String[0]);
    this.linear = LinearScorer.of(model, names);
    this.trees = linear == null ? TreeScorer.of(model, names) : null;
    String p = instanceProvenance(model).getOrDefault(P_PRIMARY, "");
    this.primary = p.isEmpty() ? -1 : PairFeatures.NAMES.indexOf(p);
  }

  /**
   * Plain-arithmetic scoring of a standardised logistic regression, checked against Tribuo; null
   * otherwise.
   */
  private final LinearScorer linear;

  /** Plain-Java scoring of a boosted-trees model, checked against Tribuo; null otherwise. */
  private final TreeScorer trees;

  /**
   * The same arithmetic as Tribuo's {@code TransformedModel(LinearSGDModel)} prediction without its
   * per-call allocations (an example, a sparse vector, a prediction, a map): the product scores
   * about a thousand candidates per request. Built only when it reproduces Tribuo's scores on probe
   * inputs.
   */
  static final class LinearScorer {
    final int[] featureIndex; // our feature j -> weight column, or -1 when the model ignores it
    final java.util.List<java.util.List<org.tribuo.transform.Transformer>> transformers;
    final double[][] weights; // label -> column
    final int biasColumn;
    final int linkRow;

    private LinearScorer(
        int[] featureIndex,
        java.util.List<java.util.List<org.tribuo.transform.Transformer>> transformers,
        double[][] weights,
        int biasColumn,
        int linkRow) {
      this.featureIndex = featureIndex;
      this.transformers = transformers;
      this.weights = weights;
      this.biasColumn = biasColumn;
      this.linkRow = linkRow;
    }

    static LinearScorer of(Model<Label> model, String[] names) {
      if (!(model instanceof org.tribuo.transform.TransformedModel<Label> tm)
          || !(tm.getInnerModel()
              instanceof org.tribuo.classification.sgd.linear.LinearSGDModel lin)
          || !tm.getDensify()) {
        return null;
      }
      var w = lin.getWeightsCopy();
      int labels = w.getDimension1Size();
      int cols = w.getDimension2Size();
      double[][] weights = new double[labels][cols];
      for (int l = 0; l < labels; l++) for (int c = 0; c < cols; c++) weights[l][c] = w.get(l, c);
      int[] index = new int[names.length];
      java.util.List<java.util.List<org.tribuo.transform.Transformer>> ts =
          new java.util.ArrayList<>();
      for (int j = 0; j < names.length; j++) {
        var info = lin.getFeatureIDMap().get(names[j]);
        index[j] = info == null ? -1 : info.getID();
        var list = tm.getTransformerMap().get(names[j]);
        ts.add(list == null ? java.util.List.of() : list);
      }
      int link = lin.getOutputIDInfo().getID(new Label(LINK));
      LinearScorer s = new LinearScorer(index, ts, weights, cols - 1, link);
      // trust but verify: identical to Tribuo on probe inputs, else use Tribuo itself
      SplittableRandom rnd = new SplittableRandom(42);
      for (int probe = 0; probe < 8; probe++) {
        double[] f = new double[names.length];
        for (int j = 0; j < f.length; j++) f[j] = probe == 0 ? 0 : rnd.nextDouble() * 3;
        Prediction<Label> p =
            model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, f));
        Label l = p.getOutputScores().get(LINK);
        if (l == null || Math.abs(l.getScore() - s.score(f)) > 1e-9) return null;
      }
      return s;
    }

    double score(double[] f) {
      double[] z = new double[weights.length];
      for (int l = 0; l < weights.length; l++) {
        double[] row = weights[l];
        double sum = row[biasColumn];
        for (int j = 0; j < f.length; j++) {
          if (featureIndex[j] < 0) continue;
          sum +=
              row[featureIndex[j]]
                  * org.tribuo.transform.TransformerMap.applyTransformerList(
                      f[j], transformers.get(j));
        }
        z[l] = sum;
      }
      double max = Double.NEGATIVE_INFINITY;
      for (double x : z) max = Math.max(max, x);
      double total = 0;
      for (double x : z) total += Math.exp(x - max);
      return Math.exp(z[linkRow] - max) / total;
    }
  }

  /** Whether a boosted-trees model is scored in plain Java (false: Tribuo's predict). */
  boolean usesTreeFastPath() {
    return trees != null;
  }

  /** Whether scoring takes the allocation-free linear path (false: Tribuo's predict). */
  boolean usesLinearFastPath() {
    return linear != null;
  }

  /** Extra two-hop negatives per positive, by default. */
  static final int DEFAULT_TWO_HOP = 5;

  /** Extra high-degree negatives per positive, by default. */
  static final int DEFAULT_HIGH_DEGREE = 5;

  /** Weight of an extra negative in the loss, by default. */
  static final double DEFAULT_HARD_WEIGHT = 1.0;

  /** Share of the positives held out to choose between the candidates. */
  static final double VALIDATION_SHARE = 0.2;

  /** Fewest held-out positives a choice is made on; with fewer, the learned candidate is kept. */
  static final int MIN_VALIDATION_POSITIVES = 30;

  /**
   * Below this many held-out positives the choice is cross-validated: every positive is held out
   * once.
   */
  static final int CROSS_VALIDATE_BELOW = 500;

  /**
   * Uniform non-edges the held-out positives are ranked against, and the K of the Hits@K the choice
   * is made on: the same quantile as the evaluation's Hits@50 among 100,000.
   */
  static final int VALIDATION_NEGATIVES = 50_000;

  static final int VALIDATION_K = 25;

  static final String P_SELECTION = "collab.selection";

  /**
   * A heuristic feature that orders the pairs, the model's probability only breaking its ties
   * (empty: the probability alone).
   */
  static final String P_PRIMARY = "collab.primary";

  /**
   * Scale of the model's probability when it breaks a heuristic's ties: below any difference
   * between two distinct heuristic values that matters, above rounding noise.
   */
  static final double TIE_BREAK = 1e-9;

  /** Names of the candidates {@link Settings#selectByValidation()} chooses between. */
  static final String LEARNED_HARD = "learned";

  static final String LEARNED_UNIFORM = "learned, uniform negatives only";

  /** Boosted trees: rounds, learning rate, depth (fixed, not tuned on any evaluation). */
  static final int TREE_ROUNDS = 200;

  static final double TREE_ETA = 0.1;
  static final int TREE_DEPTH = 6;

  /**
   * Trains on one snapshot.
   *
   * @param snapshot the graph as it stood at the training cut
   * @param positives pairs (keys over snapshot indices) that linked after the cut, none linked in
   *     it
   * @param description where the snapshot came from, kept in the model's provenance
   */
  public static CollaboratorRanker train(
      CollabGraph snapshot, long[] positives, Settings s, String description) {
    if (positives.length == 0)
      throw new CollabDataException("no positive pairs to train the collaborator ranker on");
    FastRpEmbedding emb = FastRpEmbedding.compute(snapshot, s.embedding());
    PairFeatures pf = new PairFeatures(snapshot, emb);
    Set<Long> exclude = PairSampler.asSet(positives);
    int[] nodes = snapshot.connectedExperts();
    long[] pos = positives.clone();
    EdgeList.shuffle(pos, new SplittableRandom(s.seed() + 31));
    int held = (int) Math.round(pos.length * VALIDATION_SHARE);
    boolean select = s.selectByValidation() && held >= MIN_VALIDATION_POSITIVES;
    // without enough held-out positives to check them, hard negatives stay out: uniform ones are
    // what the model was known to do well with
    Settings chosen = select ? s : s.withHardNegatives(0, 0, 1, false);
    String selection = "";
    String primary = "";
    if (select) {
      // few held-out positives make a noisy choice: then every positive is held out once, in
      // 1 / VALIDATION_SHARE folds, and the figures pool the folds
      int folds = held < CROSS_VALIDATE_BELOW ? (int) Math.round(1 / VALIDATION_SHARE) : 1;
      long[] valNeg =
          PairSampler.nonEdges(snapshot, nodes, VALIDATION_NEGATIVES, exclude, s.seed() + 7);
      double[][] vn = features(pf, valNeg);
      int k =
          Math.max(
              1, (int) Math.round((double) VALIDATION_K * valNeg.length / VALIDATION_NEGATIVES));
      Map<String, Settings> candidates = new LinkedHashMap<>();
      candidates.put(LEARNED_HARD, s);
      if (s.twoHopPerPositive() + s.highDegreePerPositive() > 0)
        candidates.put(LEARNED_UNIFORM, s.withHardNegatives(0, 0, 1, false));
      // boosted trees are not a default candidate: their thresholds on counts and degrees are
      // learned on the training snapshot and do not carry over to the denser graph they serve
      // (they won the held-out choice and then lost to resource allocation on USAir); a
      // GRADIENT_BOOSTED_TREES setting makes them the first candidate
      Map<String, double[]> perPositive = new LinkedHashMap<>();
      Map<String, String> primaryOf = new LinkedHashMap<>();
      Map<String, Settings> settingsOf = new LinkedHashMap<>();
      int validated = 0;
      for (int fold = 0; fold < folds; fold++) {
        int from = fold * held;
        int to = fold == folds - 1 && folds > 1 ? pos.length : Math.min(pos.length, from + held);
        long[] valPos = Arrays.copyOfRange(pos, from, to);
        long[] fitPos = new long[pos.length - valPos.length];
        System.arraycopy(pos, 0, fitPos, 0, from);
        System.arraycopy(pos, to, fitPos, from, pos.length - to);
        int offset = validated;
        validated += valPos.length;
        // negatives are sampled for the fitting positives; the held-out ones stay unlabelled
        Pairs foldFit = Pairs.sample(snapshot, nodes, pf, fitPos, exclude, s);
        double[][] vp = features(pf, valPos);
        for (Map.Entry<String, Settings> c : candidates.entrySet()) {
          CollaboratorRanker r = fit(foldFit, c.getValue(), Map.of(), description);
          record(perPositive, c.getKey(), offset, hitsPer(r::score, vp, vn, k), pos.length);
          settingsOf.put(c.getKey(), c.getValue());
          primaryOf.put(c.getKey(), "");
          for (String h : List.of("adamic_adar", "resource_allocation")) {
            int hi = PairFeatures.NAMES.indexOf(h);
            String name = h + ", ties broken by " + c.getKey();
            record(
                perPositive,
                name,
                offset,
                hitsPer(f -> f[hi] + TIE_BREAK * r.score(f), vp, vn, k),
                pos.length);
            settingsOf.put(name, c.getValue());
            primaryOf.put(name, h);
          }
        }
        for (String h : List.of("adamic_adar", "resource_allocation")) {
          int hi = PairFeatures.NAMES.indexOf(h);
          record(perPositive, h, offset, hitsPer(f -> f[hi], vp, vn, k), pos.length);
          settingsOf.put(h, only(s, h));
          primaryOf.put(h, "");
        }
      }
      int total = validated;
      perPositive.replaceAll((n, v) -> Arrays.copyOf(v, total));
      Set<String> learned = new java.util.HashSet<>();
      primaryOf.forEach(
          (n, p) -> {
            if (p.isEmpty() && candidates.containsKey(n)) learned.add(n);
          });
      MarginChoice mc = MarginChoice.of(perPositive, learned);
      chosen = settingsOf.get(mc.chosen());
      primary = primaryOf.get(mc.chosen());
      StringBuilder sb = new StringBuilder("chose ").append(mc.chosen()).append(" on ");
      sb.append(
          String.format(
              Locale.ROOT,
              "%,d held-out positives%s, %s (mean Hits@K/2.5, K, 2K, K = %d of %,d:",
              validated,
              folds > 1 ? ", " + folds + " folds" : "",
              mc.describe(),
              k,
              valNeg.length));
      perPositive.forEach(
          (n, v) -> sb.append(String.format(Locale.ROOT, " %s %.3f", n, mean(v))).append(';'));
      sb.setLength(sb.length() - 1);
      selection = sb.append(')').toString();
    }
    // the winner is fitted on every positive
    Pairs fit = Pairs.sample(snapshot, nodes, pf, select ? positives : pos, exclude, chosen);
    Map<String, Provenance> extra = new LinkedHashMap<>();
    extra.put(P_SNAPSHOT, new StringProvenance(P_SNAPSHOT, description + " " + snapshot));
    extra.put(P_SELECTION, new StringProvenance(P_SELECTION, selection));
    extra.put(P_PRIMARY, new StringProvenance(P_PRIMARY, primary));
    CollaboratorRanker fitted = fit(fit, chosen, extra, description);
    return new CollaboratorRanker(
        fitted.model,
        s.embedding(),
        fitted.positives,
        fitted.negatives,
        fitted.trainingAuc,
        selection);
  }

  /** The settings fitting one heuristic alone: a monotone function of it, so the same ranking. */
  private static Settings only(Settings s, String feature) {
    Set<String> drop = new java.util.TreeSet<>(PairFeatures.NAMES);
    drop.remove(feature);
    return s.withoutFeatures(drop).withHardNegatives(0, 0, 1, false);
  }

  private static double[][] features(PairFeatures pf, long[] keys) {
    double[][] out = new double[keys.length][];
    for (int i = 0; i < keys.length; i++)
      out[i] = pf.compute(CollabGraph.pairFirst(keys[i]), CollabGraph.pairSecond(keys[i]));
    return out;
  }

  /** Copies one fold's per-positive figures into the candidate's row at {@code offset}. */
  private static void record(
      Map<String, double[]> rows, String name, int offset, double[] values, int capacity) {
    double[] row = rows.computeIfAbsent(name, n -> new double[capacity]);
    System.arraycopy(values, 0, row, offset, values.length);
  }

  static double mean(double[] v) {
    double sum = 0;
    for (double x : v) sum += x;
    return v.length == 0 ? 0 : sum / v.length;
  }

  /**
   * Per held-out positive, the mean of its hits at K/2.5, K and 2K (each 0 or 1, the OGB rule:
   * strictly above the K-th highest negative score): averaged over the positives, the validation
   * counterpart of the evaluation's Hits@20, 50 and 100 among 100,000, steadier than any one of
   * them on a few hundred positives.
   */
  static double[] hitsPer(
      java.util.function.ToDoubleFunction<double[]> score, double[][] p, double[][] n, int k) {
    double[] ns = new double[n.length];
    for (int i = 0; i < n.length; i++) ns[i] = score.applyAsDouble(n[i]);
    Arrays.sort(ns);
    int[] ks = {Math.max(1, (int) Math.round(k / 2.5)), k, 2 * k};
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      double ps = score.applyAsDouble(p[i]);
      int h = 0;
      for (int kk : ks) if (ns.length < kk || ps > ns[ns.length - kk]) h++;
      out[i] = h / 3.0;
    }
    return out;
  }

  /**
   * The margin rule between the learned candidates and the heuristic ones (a heuristic alone or one
   * whose ties a model breaks), on the same held-out positives: the best heuristic is kept unless
   * the best learned candidate beats it by more than the standard error of their paired
   * per-positive difference. A model that only matches the heuristic on the training graph brings
   * its variance and none of its gain to a graph it was not built on; a cheap heuristic that ties
   * costs nothing.
   *
   * @param chosen the candidate kept
   * @param bestLearned the learned candidate with the highest mean
   * @param bestHeuristic the heuristic candidate with the highest mean
   * @param difference mean per-positive figure of bestLearned minus bestHeuristic
   * @param standardError standard error of that difference
   */
  record MarginChoice(
      String chosen,
      String bestLearned,
      String bestHeuristic,
      double difference,
      double standardError) {

    /**
     * @param perPositive candidate to its figure per held-out positive (same positives, same order)
     * @param learned the names of the learned candidates; every other one is a heuristic
     */
    static MarginChoice of(Map<String, double[]> perPositive, Set<String> learned) {
      String bestL = null;
      String bestH = null;
      for (Map.Entry<String, double[]> e : perPositive.entrySet()) {
        double m = mean(e.getValue());
        if (learned.contains(e.getKey())) {
          if (bestL == null || m > mean(perPositive.get(bestL))) bestL = e.getKey();
        } else if (bestH == null || m > mean(perPositive.get(bestH))) bestH = e.getKey();
      }
      if (bestL == null || bestH == null) {
        String only = bestL == null ? bestH : bestL;
        return new MarginChoice(only, bestL, bestH, Double.NaN, Double.NaN);
      }
      double[] a = perPositive.get(bestL);
      double[] b = perPositive.get(bestH);
      int n = a.length;
      double[] d = new double[n];
      for (int i = 0; i < n; i++) d[i] = a[i] - b[i];
      double md = mean(d);
      double ss = 0;
      for (double x : d) ss += (x - md) * (x - md);
      double se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : Double.POSITIVE_INFINITY;
      return new MarginChoice(md > se ? bestL : bestH, bestL, bestH, md, se);
    }

    String describe() {
      if (Double.isNaN(difference)) return "one kind of candidate only";
      return String.format(
          Locale.ROOT,
          "margin rule: %s minus %s %+.4f, standard error %.4f",
          bestLearned,
          bestHeuristic,
          difference,
          standardError);
    }
  }

  /** Training pairs with their features: positives, uniform negatives, hard negatives. */
  private record Pairs(double[][] positives, double[][] uniform, double[][] hard) {
    static Pairs sample(
        CollabGraph g,
        int[] nodes,
        PairFeatures pf,
        long[] positives,
        Set<Long> exclude,
        Settings s) {
      int total = positives.length * s.negativesPerPositive();
      int walk = (int) Math.round(total * s.hardNegativeShare());
      long[] uniform = PairSampler.nonEdges(g, nodes, total - walk, exclude, s.seed() + 7919);
      long[] near = PairSampler.nearNonEdges(g, nodes, walk, exclude, s.seed() + 104729);
      Set<Long> taken = new java.util.HashSet<>(exclude);
      for (long k : uniform) taken.add(k);
      for (long k : near) taken.add(k);
      long[] twoHop =
          PairSampler.twoHopNonEdges(
              g, nodes, positives.length * s.twoHopPerPositive(), taken, s.seed() + 15485863);
      for (long k : twoHop) taken.add(k);
      long[] highDegree =
          PairSampler.highDegreeNonEdges(
              g, positives.length * s.highDegreePerPositive(), taken, s.seed() + 32452843);
      long[] uni = new long[uniform.length + near.length];
      System.arraycopy(uniform, 0, uni, 0, uniform.length);
      System.arraycopy(near, 0, uni, uniform.length, near.length);
      long[] hard = new long[twoHop.length + highDegree.length];
      System.arraycopy(twoHop, 0, hard, 0, twoHop.length);
      System.arraycopy(highDegree, 0, hard, twoHop.length, highDegree.length);
      return new Pairs(features(pf, positives), features(pf, uni), features(pf, hard));
    }
  }

  private static CollaboratorRanker fit(
      Pairs pairs, Settings s, Map<String, Provenance> extra, String description) {
    LabelFactory lf = new LabelFactory();
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance(description, lf), lf);
    String[] names = PairFeatures.NAMES.toArray(new String[0]);
    Label link = new Label(LINK);
    Label none = new Label(NO_LINK);
    double[][][] feats = {pairs.positives(), pairs.uniform(), pairs.hard()};
    // a feature constant over the training set (no skills in a bare edge list, say) carries no
    // information and would make standardisation divide by zero: leave it out of the model
    boolean[] keep = new boolean[names.length];
    double[] first = feats[0][0];
    for (double[][] fs : feats) {
      for (double[] f : fs) {
        for (int j = 0; j < names.length; j++) if (f[j] != first[j]) keep[j] = true;
      }
    }
    for (int j = 0; j < names.length; j++) if (s.dropFeatures().contains(names[j])) keep[j] = false;
    int kept = 0;
    for (boolean b : keep) if (b) kept++;
    if (kept == 0)
      throw new CollabDataException(
          "every pair feature is constant on the training snapshot: nothing to learn");
    String[] keptNames = new String[kept];
    int[] keptIdx = new int[kept];
    for (int j = 0, c = 0; j < names.length; j++) {
      if (keep[j]) {
        keptNames[c] = names[j];
        keptIdx[c++] = j;
      }
    }
    int hardUsed = s.twoHopPerPositive() + s.highDegreePerPositive() > 0 ? feats[2].length : 0;
    for (int gi = 0; gi < 3; gi++) {
      Label label = gi == 0 ? link : none;
      int count = gi == 2 ? hardUsed : feats[gi].length;
      for (int i = 0; i < count; i++) {
        double[] f = feats[gi][i];
        double[] v = new double[kept];
        for (int c = 0; c < kept; c++) v[c] = f[keptIdx[c]];
        ArrayExample<Label> ex = new ArrayExample<>(label, keptNames, v);
        if (gi == 2) ex.setWeight((float) s.hardWeight());
        data.add(ex);
      }
    }

    AdaGrad opt = new AdaGrad(s.learningRate(), 0.1);
    Trainer<Label> trainer =
        switch (s.kind()) {
          case LOGISTIC ->
              standardised(
                  new LinearSGDTrainer(
                      new LogMulticlass(), opt, s.epochs(), Integer.MAX_VALUE, 1, s.seed()));
          case FACTORIZATION_MACHINE ->
              standardised(
                  new FMClassificationTrainer(
                      new LogMulticlass(),
                      opt,
                      s.epochs(),
                      Integer.MAX_VALUE,
                      1,
                      s.seed(),
                      6,
                      0.1));
          // trees are invariant to monotone rescaling: no standardisation; one native thread,
          // since OpenMP threads spin and slow down badly on a loaded machine
          case GRADIENT_BOOSTED_TREES ->
              new XGBoostClassificationTrainer(
                  XGBoostTrainer.BoosterType.GBTREE,
                  XGBoostTrainer.TreeMethod.HIST,
                  TREE_ROUNDS,
                  TREE_ETA,
                  0,
                  TREE_DEPTH,
                  1,
                  0.8,
                  0.8,
                  1,
                  0,
                  1,
                  XGBoostTrainer.LoggingVerbosity.SILENT,
                  s.seed());
        };
    Map<String, Provenance> prov = new LinkedHashMap<>();
    prov.put(P_FEATURE_VERSION, new StringProvenance(P_FEATURE_VERSION, PairFeatures.VERSION));
    prov.put(P_FEATURES, new StringProvenance(P_FEATURES, String.join(",", PairFeatures.NAMES)));
    prov.put(P_EMB_DIM, new IntProvenance(P_EMB_DIM, s.embedding().dimension()));
    prov.put(
        P_EMB_WEIGHTS,
        new StringProvenance(P_EMB_WEIGHTS, Arrays.toString(s.embedding().iterationWeights())));
    prov.put(P_EMB_RATIO, new DoubleProvenance(P_EMB_RATIO, s.embedding().propertyRatio()));
    prov.put(P_EMB_SEED, new LongProvenance(P_EMB_SEED, s.embedding().seed()));
    prov.put(
        P_DROPPED,
        new StringProvenance(
            P_DROPPED, String.join(",", new java.util.TreeSet<>(s.dropFeatures()))));
    prov.put(P_POSITIVES, new IntProvenance(P_POSITIVES, feats[0].length));
    prov.put(P_NEGATIVES, new IntProvenance(P_NEGATIVES, feats[1].length + hardUsed));
    prov.putAll(extra);
    Model<Label> model = trainer.train(data, prov);
    CollaboratorRanker fitted = new CollaboratorRanker(model, s.embedding());
    double[] pos = new double[feats[0].length];
    double[] neg = new double[feats[1].length + hardUsed];
    for (int i = 0; i < pos.length; i++) pos[i] = fitted.score(feats[0][i]);
    for (int i = 0; i < feats[1].length; i++) neg[i] = fitted.score(feats[1][i]);
    for (int i = 0; i < hardUsed; i++) neg[feats[1].length + i] = fitted.score(feats[2][i]);
    double auc = neg.length == 0 ? Double.NaN : LinkPredictionMetrics.auc(pos, neg);
    return new CollaboratorRanker(model, s.embedding(), pos.length, neg.length, auc, "");
  }

  private static Trainer<Label> standardised(Trainer<Label> inner) {
    return new TransformTrainer<>(
        inner, new TransformationMap(List.of(new MeanStdDevTransformation())), true);
  }

  /**
   * Which candidate the held-out positives chose and their figures (empty when no choice was made).
   */
  public String selection() {
    return selection;
  }

  /**
   * The choice alone out of a text holding a {@link #selection()}: which candidate, on how many
   * held-out positives, and the margin rule's figures (empty when no choice was made).
   */
  static String choiceIn(String text) {
    int from = text.indexOf("chose ");
    if (from < 0) return "";
    int to = text.indexOf(" (mean Hits", from);
    return to < 0 ? text.substring(from) : text.substring(from, to);
  }

  /** Positive pairs the model was fitted on (0 for a model read back from storage). */
  public int trainingPositives() {
    return positives;
  }

  /** Sampled non-edges the model was fitted on (0 for a model read back from storage). */
  public int trainingNegatives() {
    return negatives;
  }

  /**
   * AUC of the fitted model on its own training pairs: a check that it learned the snapshot, not a
   * measure of quality on new pairs (that is {@code eval collaborators}).
   */
  public double trainingAuc() {
    return trainingAuc;
  }

  /**
   * Wraps a model read from a file or the registry, after checking it was trained on this feature
   * definition (a model of another version would be fed meaningless inputs).
   */
  @SuppressWarnings("unchecked")
  public static CollaboratorRanker of(Model<?> model) {
    Map<String, String> p = instanceProvenance(model);
    String version = p.get(P_FEATURE_VERSION);
    if (!PairFeatures.COMPATIBLE_VERSIONS.contains(version)) {
      throw new CollabDataException(
          "model "
              + model.getName()
              + " was trained on features '"
              + version
              + "', this code computes '"
              + PairFeatures.VERSION
              + "'");
    }
    if (!(model.getOutputIDInfo().getDomain().iterator().next() instanceof Label)) {
      throw new CollabDataException("model " + model.getName() + " is not a classification model");
    }
    double[] weights =
        Arrays.stream(p.get(P_EMB_WEIGHTS).replaceAll("[\\[\\] ]", "").split(","))
            .mapToDouble(Double::parseDouble)
            .toArray();
    FastRpEmbedding.Settings emb =
        new FastRpEmbedding.Settings(
            Integer.parseInt(p.get(P_EMB_DIM)),
            weights,
            Double.parseDouble(p.get(P_EMB_RATIO)),
            Long.parseLong(p.get(P_EMB_SEED)));
    return new CollaboratorRanker((Model<Label>) model, emb);
  }

  static Map<String, String> instanceProvenance(Model<?> model) {
    Map<String, String> out = new HashMap<>();
    model
        .getProvenance()
        .getInstanceProvenance()
        .getMap()
        .forEach(
            (k, v) ->
                out.put(
                    k,
                    String.valueOf(
                        v instanceof com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance<?> pp
                            ? pp.getValue()
                            : v)));
    return out;
  }

  /** Writes the model as a Tribuo protobuf file. */
  public void save(Path file) throws IOException {
    model.serializeToFile(file);
  }

  public static CollaboratorRanker load(Path file) {
    try {
      return of(Model.deserializeFromFile(file));
    } catch (IOException | RuntimeException e) {
      if (e instanceof CollabDataException c) throw c;
      throw new CollabDataException(
          "cannot read collaborator model " + file + ": " + e.getMessage(), e);
    }
  }

  /** The Tribuo model, for the model registry. */
  public Model<Label> model() {
    return model;
  }

  /** The embedding the features must be computed with. */
  public FastRpEmbedding.Settings embeddingSettings() {
    return embedding;
  }

  /**
   * The pair's score from its {@link PairFeatures}: the probability that it links, or, when
   * held-out positives chose a heuristic ({@link #P_PRIMARY}), that heuristic's value with the
   * probability breaking its ties.
   */
  public double score(double[] features) {
    double p =
        linear != null
            ? linear.score(features)
            : trees != null ? trees.score(features) : tribuoScore(features);
    return primary < 0 ? p : features[primary] + TIE_BREAK * p;
  }

  /** The score through Tribuo's own prediction path. */
  double tribuoScore(double[] features) {
    Prediction<Label> p =
        model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, features));
    Label l = p.getOutputScores().get(LINK);
    return l == null ? 0 : l.getScore();
  }
}
