package dev.talentgraph.ml.courses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.fm.FMClassificationModel;
import org.tribuo.ensemble.EnsembleModel;

/**
 * The factorization-machine ranker on index-based data (the evaluation's view): learner features
 * are the history, course features the course and, with concepts, its concepts; see {@link
 * CourseFeatures}. Trains with {@link FmTraining} and scores with {@link FmScorer}.
 */
final class FmRecommender implements ItemRecommender {
  private final CourseFeatures features;
  private final FmSettings settings;
  private final int conceptsPerCourse;
  private Model<Label> model;
  private final List<FmScorer> scorers = new ArrayList<>();
  private String[] historyNames;

  /** The FM without concepts ({@code conceptsPerCourse} unused) or with them. */
  public FmRecommender(boolean useConcepts, FmSettings settings) {
    this(useConcepts, settings, Integer.MAX_VALUE);
  }

  /**
   * @param conceptsPerCourse with concepts, how many of each course's most specific concepts to use
   *     (see {@link Interactions#withSpecificConcepts})
   */
  public FmRecommender(boolean useConcepts, FmSettings settings, int conceptsPerCourse) {
    if (conceptsPerCourse < 1) {
      throw new IllegalArgumentException(
          "conceptsPerCourse must be >= 1, was " + conceptsPerCourse);
    }
    this.features = new CourseFeatures(useConcepts);
    this.settings = settings;
    this.conceptsPerCourse = conceptsPerCourse;
  }

  @Override
  public String name() {
    return features.useConcepts() ? "FM + concepts" : "FM";
  }

  /** The trained Tribuo model (after {@link #fit}): one FM or an ensemble of FMs. */
  public Model<Label> model() {
    return model;
  }

  @Override
  public void fit(Interactions train) {
    if (features.useConcepts() && conceptsPerCourse < Integer.MAX_VALUE) {
      train = train.withSpecificConcepts(conceptsPerCourse);
    }
    List<CourseFeatures.Course> catalogue = catalogue(train);
    List<FmTraining.LearnerRecord> learners = new ArrayList<>();
    for (int[] items : train.userItems()) {
      if (items.length > 0) {
        learners.add(new FmTraining.LearnerRecord(ids(items), Map.of()));
      }
    }
    model = FmTraining.train(learners, catalogue, features, settings, "mooccube-train");
    int n = train.numItems();
    scorers.clear();
    List<Model<Label>> members =
        model instanceof EnsembleModel<Label> ens ? ens.getModels() : List.of(model);
    for (Model<Label> member : members) {
      FMClassificationModel fm = (FMClassificationModel) member;
      int[][] fids = new int[n][];
      double[][] fvals = new double[n][];
      for (int i = 0; i < n; i++) {
        var ex =
            features.example(
                new CourseFeatures.Learner(List.of(), Map.of()),
                catalogue.get(i),
                CourseFeatures.POSITIVE);
        fids[i] = new int[ex.size()];
        fvals[i] = new double[ex.size()];
        int a = 0;
        for (var f : ex) {
          fids[i][a] = fm.getFeatureIDMap().getID(f.getName());
          fvals[i][a++] = f.getValue();
        }
      }
      scorers.add(new FmScorer(fm, fids, fvals));
    }
    historyNames = new String[n];
    for (int i = 0; i < n; i++) {
      historyNames[i] = CourseFeatures.HISTORY + i;
    }
  }

  static List<CourseFeatures.Course> catalogue(Interactions data) {
    List<CourseFeatures.Course> out = new ArrayList<>(data.numItems());
    for (int i = 0; i < data.numItems(); i++) {
      int[] cs = data.itemConcepts()[i];
      List<String> concepts = new ArrayList<>(cs.length);
      for (int c : cs) {
        concepts.add(Integer.toString(c));
      }
      out.add(new CourseFeatures.Course(Integer.toString(i), concepts));
    }
    return out;
  }

  private static List<String> ids(int[] items) {
    List<String> out = new ArrayList<>(items.length);
    for (int i : items) {
      out.add(Integer.toString(i));
    }
    return out;
  }

  /**
   * P(enrolled) of every course, averaged over the ensemble members exactly as Tribuo's {@code
   * FullyWeightedVotingCombiner} averages their probabilities.
   */
  @Override
  public double[] score(int[] history) {
    double[] out = new double[historyNames.length];
    double w = history.length == 0 ? 0 : 1.0 / Math.sqrt(history.length);
    for (FmScorer scorer : scorers) {
      int[] fid = new int[history.length];
      double[] val = new double[history.length];
      for (int a = 0; a < history.length; a++) {
        fid[a] = scorer.featureId(historyNames[history[a]]);
        val[a] = w;
      }
      double learner = scorer.learnerTerm(fid, val);
      double[] logit = scorer.score(fid, val);
      for (int i = 0; i < out.length; i++) {
        out[i] += 1.0 / (1.0 + Math.exp(-(logit[i] + learner))) / scorers.size();
      }
    }
    return out;
  }
}
