package dev.talentgraph.ml.courses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * The feature definition of the course ranker, shared by the evaluation on MOOCCube and the product
 * on the talent graph, so that the model measured is the model served.
 *
 * <p>A (learner, course) pair becomes a sparse vector for a factorization machine (Rendle,
 * "Factorization Machines", ICDM 2010):
 *
 * <ul>
 *   <li>{@code c=<course>} (1.0): the candidate course;
 *   <li>{@code k=<concept>} (1/sqrt(#concepts)): the candidate's concepts or taught skills, only
 *       when {@link #useConcepts()}; the course-concept graph lets courses with few enrolments
 *       borrow from courses that teach the same things;
 *   <li>{@code h=<course>} (1/sqrt(#history)): the learner's other enrolments. The learner is
 *       represented by what they took, not by an id (as in FISM, Kabbur et al., KDD 2013, and
 *       SVD++), so the pairwise factors of {@code h=i} and {@code c=j} learn course-to-course
 *       affinity and a learner unseen at training time can be scored;
 *   <li>{@code s=<skill>} (level/5, divided by sqrt(#skills)): the learner's skills, in the product
 *       only (MOOC learners have none).
 * </ul>
 *
 * Labels are {@link #POSITIVE} (enrolled) and {@link #NEGATIVE} (a sampled course not taken).
 *
 * @param useConcepts whether course concepts/skills are features
 */
record CourseFeatures(boolean useConcepts) {
  public static final String POSITIVE = "enrolled";
  public static final String NEGATIVE = "not-enrolled";
  public static final String COURSE = "c=";
  public static final String CONCEPT = "k=";
  public static final String HISTORY = "h=";
  public static final String SKILL = "s=";

  /**
   * A learner as the ranker sees them.
   *
   * @param history course ids the learner enrolled in (without the candidate)
   * @param skills skill id to level 1-5 (may be empty)
   */
  public record Learner(List<String> history, Map<String, Integer> skills) {
    public Learner {
      history = List.copyOf(history);
      skills = Map.copyOf(skills);
    }
  }

  /**
   * A candidate course as the ranker sees it.
   *
   * @param id the course id
   * @param concepts concept or skill ids the course covers
   */
  public record Course(String id, List<String> concepts) {
    public Course {
      concepts = List.copyOf(concepts);
    }
  }

  /** The feature vector of a pair, labelled {@code label}, as a Tribuo example. */
  public Example<Label> example(Learner learner, Course course, String label) {
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    names.add(COURSE + course.id());
    values.add(1.0);
    if (useConcepts && !course.concepts().isEmpty()) {
      double w = 1.0 / Math.sqrt(course.concepts().size());
      for (String k : course.concepts()) {
        names.add(CONCEPT + k);
        values.add(w);
      }
    }
    List<String> history = learner.history().stream().filter(h -> !h.equals(course.id())).toList();
    if (!history.isEmpty()) {
      double w = 1.0 / Math.sqrt(history.size());
      for (String h : history) {
        names.add(HISTORY + h);
        values.add(w);
      }
    }
    if (!learner.skills().isEmpty()) {
      double norm = 1.0 / Math.sqrt(learner.skills().size());
      learner
          .skills()
          .forEach(
              (s, level) -> {
                names.add(SKILL + s);
                values.add(norm * level / 5.0);
              });
    }
    double[] v = new double[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = values.get(i);
    }
    return new ArrayExample<>(new Label(label), names.toArray(new String[0]), v);
  }
}
