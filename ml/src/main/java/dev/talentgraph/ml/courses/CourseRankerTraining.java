package dev.talentgraph.ml.courses;

import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Trains the product's course ranker from the talent graph: learners are experts with ENROLLED
 * edges (any status: an enrolment shows interest, like MOOCCube's), their history is those courses
 * and their skills are HAS_SKILL levels; a course's concepts are the skills it TEACHES. The same
 * {@link CourseFeatures} and {@link FmTraining} as the MOOCCube evaluation.
 */
public final class CourseRankerTraining {
  private static final Logger log = LoggerFactory.getLogger(CourseRankerTraining.class);

  private CourseRankerTraining() {}

  /** What the training read and produced. */
  public record Result(CourseRanker ranker, int learners, int courses, int enrolments) {}

  /** Reads the graph and trains; throws IllegalArgumentException when there is nothing to learn. */
  public static Result train(Driver driver, String database, FmSettings settings) {
    log.info("training the course ranker on the graph's enrolments (seed {})", settings.seed());
    List<CourseFeatures.Course> catalogue = new ArrayList<>();
    List<FmTraining.LearnerRecord> learners = new ArrayList<>();
    int enrolments = 0;
    try (var session = driver.session(GraphSessions.read(driver, database))) {
      var courses =
          session
              .run(
                  "MATCH (c:"
                      + Labels.COURSE
                      + ") RETURN c."
                      + Props.ID
                      + " AS id, "
                      + "[(c)-[:"
                      + RelTypes.TEACHES
                      + "]->(s:"
                      + Labels.SKILL
                      + ") | s."
                      + Props.ID
                      + "] AS skills ORDER BY id")
              .list();
      for (var r : courses) {
        catalogue.add(
            new CourseFeatures.Course(
                r.get("id").asString(), r.get("skills").asList(v -> v.asString())));
      }
      var rows =
          session
              .run(
                  "MATCH (e:"
                      + Labels.EXPERT
                      + ")-[:"
                      + RelTypes.ENROLLED
                      + "]->(c:"
                      + Labels.COURSE
                      + ") WITH e, collect(DISTINCT c."
                      + Props.ID
                      + ") AS courses "
                      + "RETURN e."
                      + Props.ID
                      + " AS id, courses, [(e)-[h:"
                      + RelTypes.HAS_SKILL
                      + "]->(s:"
                      + Labels.SKILL
                      + ") | [s."
                      + Props.ID
                      + ", coalesce(h."
                      + Props.LEVEL
                      + ", 3)]] AS skills "
                      + "ORDER BY id")
              .list();
      for (var r : rows) {
        List<String> enrolled = r.get("courses").asList(v -> v.asString());
        Map<String, Integer> skills = new HashMap<>();
        for (var pair : r.get("skills").asList(v -> v.asList())) {
          skills.put(pair.get(0).toString(), ((Number) pair.get(1)).intValue());
        }
        enrolments += enrolled.size();
        learners.add(new FmTraining.LearnerRecord(enrolled, skills));
      }
    }
    if (learners.isEmpty()) {
      throw new IllegalArgumentException("no ENROLLED edges in the graph: nothing to train on");
    }
    CourseFeatures features = new CourseFeatures(true);
    Model<Label> model =
        FmTraining.train(learners, catalogue, features, settings, "talent-graph-enrolments");
    return new Result(
        new CourseRanker(model, features), learners.size(), catalogue.size(), enrolments);
  }
}
