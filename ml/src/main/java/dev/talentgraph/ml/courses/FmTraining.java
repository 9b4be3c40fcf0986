package dev.talentgraph.ml.courses;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.tribuo.ImmutableDataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.sgd.fm.FMClassificationModel;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Builds the training pairs of the course ranker and trains the Tribuo factorization machine.
 *
 * <p>Every enrolment (learner, course j) gives one positive pair whose learner features are the
 * learner's <em>other</em> enrolments (the target is never its own feature) and {@link
 * FmSettings#negatives()} negative pairs with the same learner features and a course the learner
 * did not take, drawn uniformly. Pointwise logistic loss on sampled negatives is the usual way to
 * fit an FM to implicit feedback (Rendle, ICDM 2010; He &amp; Chua, SIGIR 2017).
 */
final class FmTraining {
  private FmTraining() {}

  /** One learner's training material: all their enrolments and their skills. */
  public record LearnerRecord(List<String> enrolled, java.util.Map<String, Integer> skills) {}

  /**
   * Trains the ranker.
   *
   * @param learners every learner with at least one enrolment
   * @param catalogue every course that may be recommended (negatives are drawn from it)
   * @param features the feature definition
   * @param settings hyperparameters and seed
   * @param dataName a name of the training data for the model provenance
   */
  public static Model<Label> train(
      List<LearnerRecord> learners,
      List<CourseFeatures.Course> catalogue,
      CourseFeatures features,
      FmSettings settings,
      String dataName) {
    if (settings.members() == 1) {
      return trainOne(learners, catalogue, features, settings, dataName);
    }
    List<MutableDataset<Label>> sets = new ArrayList<>();
    for (int m = 0; m < settings.members(); m++) {
      sets.add(
          pairs(
              learners, catalogue, features, settings.withSeed(memberSeed(settings, m)), dataName));
    }
    // One feature domain for every member: each draws its own negatives, and on a small catalogue a
    // feature
    // may occur in one member's pairs only. Tribuo combines only models with equal domains ("Model
    // feature
    // domains are not equal"), so every member trains on its own pairs over the union of the
    // features.
    LabelFactory lf = new LabelFactory();
    MutableDataset<Label> union =
        new MutableDataset<>(new SimpleDataSourceProvenance(dataName, lf), lf);
    sets.forEach(set -> union.addAll(set.getData()));
    ImmutableFeatureMap domain = union.getFeatureIDMap();
    ImmutableOutputInfo<Label> outputs = union.getOutputIDInfo();
    List<Model<Label>> members = new ArrayList<>();
    for (int m = 0; m < sets.size(); m++) {
      var set = sets.get(m);
      members.add(
          trainer(settings.withSeed(memberSeed(settings, m)))
              .train(new ImmutableDataset<>(set, set.getProvenance(), lf, domain, outputs, false)));
    }
    return WeightedEnsembleModel.createEnsembleFromExistingModels(
        "course-ranker", members, new FullyWeightedVotingCombiner());
  }

  private static long memberSeed(FmSettings settings, int member) {
    return settings.seed() + 1000L * member;
  }

  /** One FM with the settings' seed. */
  static FMClassificationModel trainOne(
      List<LearnerRecord> learners,
      List<CourseFeatures.Course> catalogue,
      CourseFeatures features,
      FmSettings settings,
      String dataName) {
    return trainer(settings).train(pairs(learners, catalogue, features, settings, dataName));
  }

  private static FMClassificationTrainer trainer(FmSettings settings) {
    return new FMClassificationTrainer(
        new LogMulticlass(),
        new AdaGrad(settings.learningRate(), 0.1),
        settings.epochs(),
        Integer.MAX_VALUE,
        1,
        settings.seed(),
        settings.factors(),
        settings.variance());
  }

  /**
   * The training pairs: a positive per enrolment and its sampled negatives (the settings' seed
   * draws them).
   */
  static MutableDataset<Label> pairs(
      List<LearnerRecord> learners,
      List<CourseFeatures.Course> catalogue,
      CourseFeatures features,
      FmSettings settings,
      String dataName) {
    if (catalogue.size() < 2) {
      throw new IllegalArgumentException(
          "the course catalogue needs at least 2 courses, has " + catalogue.size());
    }
    LabelFactory lf = new LabelFactory();
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance(dataName, lf), lf);
    java.util.Map<String, CourseFeatures.Course> byId = new java.util.HashMap<>();
    catalogue.forEach(c -> byId.put(c.id(), c));
    SplittableRandom rnd = new SplittableRandom(settings.seed());
    for (LearnerRecord l : learners) {
      Set<String> taken = new HashSet<>(l.enrolled());
      if (taken.size() >= catalogue.size()) {
        continue;
      }
      for (String j : l.enrolled()) {
        CourseFeatures.Course course = byId.get(j);
        if (course == null) {
          throw new IllegalArgumentException(
              "enrolment in course '" + j + "' not in the catalogue");
        }
        List<String> others = new ArrayList<>(l.enrolled());
        others.remove(j);
        CourseFeatures.Learner learner = new CourseFeatures.Learner(others, l.skills());
        data.add(features.example(learner, course, CourseFeatures.POSITIVE));
        for (int n = 0; n < settings.negatives(); n++) {
          CourseFeatures.Course neg;
          do {
            neg = catalogue.get(rnd.nextInt(catalogue.size()));
          } while (taken.contains(neg.id()));
          data.add(features.example(learner, neg, CourseFeatures.NEGATIVE));
        }
      }
    }
    if (data.size() == 0) {
      throw new IllegalArgumentException("no enrolments to train on");
    }
    return data;
  }
}
