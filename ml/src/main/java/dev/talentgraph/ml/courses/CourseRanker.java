package dev.talentgraph.ml.courses;

import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * The learned part of the course ranking: a plain Tribuo {@link Model} plus the {@link
 * CourseFeatures} it was trained with. It carries no storage of its own, so the model registry can
 * store {@link #model()} (with its Tribuo provenance) and rebuild a ranker with the same features.
 *
 * @param model a classifier over {@link CourseFeatures} with the labels {@link
 *     CourseFeatures#POSITIVE} and {@link CourseFeatures#NEGATIVE}
 * @param features the feature definition the model was trained with
 */
public record CourseRanker(Model<Label> model, CourseFeatures features) {

  public CourseRanker {
    boolean ok = model.getOutputIDInfo().getDomain().contains(new Label(CourseFeatures.POSITIVE));
    if (!ok) {
      throw new IllegalArgumentException(
          "model does not predict the label '"
              + CourseFeatures.POSITIVE
              + "': not a course ranker");
    }
  }

  /** P(enrolled) of each course for the learner, in the order of {@code courses}. */
  public double[] score(CourseFeatures.Learner learner, List<CourseFeatures.Course> courses) {
    double[] out = new double[courses.size()];
    for (int i = 0; i < out.length; i++) {
      var p = model.predict(features.example(learner, courses.get(i), CourseFeatures.POSITIVE));
      out[i] = p.getOutputScores().get(CourseFeatures.POSITIVE).getScore();
    }
    return out;
  }

  /** Short provenance line: model class, training data and time. */
  public String describe() {
    var prov = model.getProvenance();
    String kind =
        model instanceof org.tribuo.ensemble.EnsembleModel<Label> ens
            ? "ensemble of "
                + ens.getNumModels()
                + " "
                + ens.getModels().get(0).getClass().getSimpleName()
            : model.getClass().getSimpleName();
    return kind
        + " trained on "
        + prov.getDatasetProvenance().getNumExamples()
        + " pairs at "
        + prov.getTrainingTime()
        + (features.useConcepts() ? " with course skills" : "");
  }

  /**
   * A ranker around a model read back from storage (a file or the model registry): the feature
   * definition is recovered from the model's feature names ({@code k=} features mean concepts).
   */
  @SuppressWarnings("unchecked")
  public static CourseRanker of(Model<?> model) {
    if (!(model.getOutputIDInfo().getDomain().iterator().next() instanceof Label)) {
      throw new IllegalArgumentException("not a classification model: " + model.getClass());
    }
    boolean concepts = false;
    for (var info : model.getFeatureIDMap()) {
      if (info.getName().startsWith(CourseFeatures.CONCEPT)) {
        concepts = true;
        break;
      }
    }
    return new CourseRanker((Model<Label>) model, new CourseFeatures(concepts));
  }

  /** Writes the model in Tribuo's protobuf format (provenance included). */
  public void save(java.nio.file.Path file) throws java.io.IOException {
    model.serializeToFile(file);
  }

  /** Reads a model written by {@link #save}. */
  public static CourseRanker load(java.nio.file.Path file) throws java.io.IOException {
    return of(Model.deserializeFromFile(file));
  }

  /** For tests and callers without a learner: an empty learner. */
  public static CourseFeatures.Learner anonymous() {
    return new CourseFeatures.Learner(List.of(), Map.of());
  }
}
