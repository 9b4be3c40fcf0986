package dev.talentgraph.ml.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.talentgraph.schema.MigrationRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/** Skill gap, ranking and learning path on the fixture graph {@code courses/fixture.cypher}. */
class TrainingAdvisorIT {
  static Neo4j neo4j;
  static Driver driver;
  static TrainingAdvisor advisor;
  static final Target JOB = new Target.JobOpening("job-backend");

  @BeforeAll
  static void start() throws IOException {
    neo4j =
        Neo4jBuilders.newInProcessBuilder()
            .withDisabledServer()
            .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
            .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .withConfig(
                GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
            .build();
    driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
    new MigrationRunner(driver, "neo4j").migrate();
    try (InputStream in = TrainingAdvisorIT.class.getResourceAsStream("/courses/fixture.cypher");
        var s = driver.session()) {
      s.run(new String(in.readAllBytes(), StandardCharsets.UTF_8)).consume();
    }
    advisor = new TrainingAdvisor(driver, "neo4j", null);
  }

  @AfterAll
  static void stop() {
    driver.close();
    neo4j.close();
  }

  static SkillGap.Comparison find(List<SkillGap.Comparison> list, String skill) {
    return list.stream()
        .filter(c -> c.skillId().equals(skill))
        .findFirst()
        .orElseThrow(() -> new AssertionError(skill + " not in " + list));
  }

  @Nested
  class Gap {
    @Test
    void narrowerSkillCountsHalfPerStepAndSameAsInFull() {
      SkillGap gap = advisor.skillGap("alice", JOB);
      assertThat(gap.target().name()).isEqualTo("Backend engineer");
      // Spring Boot 4, one step narrower than Java: counts as Java 2 of the 4 wanted
      SkillGap.Comparison java = find(gap.gaps(), "java");
      assertThat(java.currentLevel()).isCloseTo(2.0, within(1e-9));
      assertThat(java.missing()).isCloseTo(2.0, within(1e-9));
      assertThat(java.creditedFrom()).isEqualTo("spring");
      assertThat(java.reason()).contains("Spring Boot", "narrower");
      assertThat(find(gap.gaps(), "sql").missing()).isCloseTo(1.0, within(1e-9));
      assertThat(find(gap.gaps(), "docker").currentLevel()).isZero();
      assertThat(find(gap.gaps(), "rust").missing()).isEqualTo(2.0);
      // the O*NET twin of Kubernetes at 3 meets Kubernetes 3
      SkillGap.Comparison k8s = find(gap.met(), "kubernetes");
      assertThat(k8s.creditedFrom()).isEqualTo("onet-kubernetes");
      // python is a nice-to-have (required: false): not part of the gap
      assertThat(gap.gaps()).extracting(SkillGap.Comparison::skillId).doesNotContain("python");
      assertThat(gap.gaps()).hasSize(4);
    }

    @Test
    void aStandInNeverMeetsMoreThanItsWeightAndTheOwnLevelCountsAsItIs() {
      SkillGap gap =
          advisor.skillGap(
              "alice",
              new Target.Skills(
                  List.of(
                      new Target.Requirement("programming", 1),
                      new Target.Requirement("spring", 5))));
      // Spring Boot 4 is two steps below programming: weight 0.25 of the level 1 wanted, however
      // high the Spring Boot level
      SkillGap.Comparison programming = find(gap.gaps(), "programming");
      assertThat(programming.currentLevel()).isCloseTo(0.25, within(1e-9));
      assertThat(programming.missing()).isCloseTo(0.75, within(1e-9));
      assertThat(programming.creditedFrom()).isEqualTo("spring");
      assertThat(programming.reason()).contains("2 step(s) narrower");
      assertThat(find(gap.gaps(), "spring").currentLevel()).isEqualTo(4.0);
      assertThat(find(gap.gaps(), "spring").missing()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void severalTargetsInOneReadEqualEachTargetReadAlone() {
      List<Target> targets =
          List.of(
              JOB,
              new Target.JobOpening("job-data"),
              new Target.Skills(List.of(new Target.Requirement("programming", 1))));
      List<SkillGap> together = advisor.skillGaps("alice", targets);
      assertThat(together).hasSize(3);
      for (int i = 0; i < targets.size(); i++) {
        assertThat(together.get(i)).isEqualTo(advisor.skillGap("alice", targets.get(i)));
      }
      assertThat(together.get(0).gaps()).hasSize(4);
      assertThatThrownBy(() -> advisor.skillGaps("alice", List.of(JOB, new Target.Project("x"))))
          .isInstanceOf(TrainingException.UnknownTarget.class);
    }

    @Test
    void jobOpeningWithoutRequirementsUsesItsOccupation() {
      SkillGap gap = advisor.skillGap("bob", new Target.JobOpening("job-data"));
      assertThat(gap.gaps()).extracting(SkillGap.Comparison::skillId).containsExactly("python");
    }

    @Test
    void typedErrors() {
      assertThatThrownBy(() -> advisor.skillGap("nobody", JOB))
          .isInstanceOf(TrainingException.UnknownExpert.class)
          .hasMessageContaining("nobody");
      assertThatThrownBy(() -> advisor.skillGap("alice", new Target.JobOpening("job-x")))
          .isInstanceOf(TrainingException.UnknownTarget.class)
          .hasMessageContaining("job-x");
      assertThatThrownBy(() -> advisor.skillGap("alice", new Target.Project("proj-empty")))
          .isInstanceOf(TrainingException.EmptyTarget.class)
          .hasMessageContaining("no required skills");
      assertThatThrownBy(() -> advisor.skillGap("alice", new Target.Skills(List.of())))
          .isInstanceOf(TrainingException.EmptyTarget.class);
      assertThatThrownBy(
              () ->
                  advisor.skillGap(
                      "alice", new Target.Skills(List.of(new Target.Requirement("cobol", 2)))))
          .isInstanceOf(TrainingException.UnknownTarget.class)
          .hasMessageContaining("cobol");
      assertThatThrownBy(
              () ->
                  advisor.skillGap(
                      "alice", new Target.Skills(List.of(new Target.Requirement("java", 7)))))
          .isInstanceOf(TrainingException.InvalidTarget.class)
          .hasMessageContaining("1-5");
      assertThatThrownBy(() -> advisor.courseEffect("c-nope"))
          .isInstanceOf(TrainingException.UnknownCourse.class);
    }
  }

  @Nested
  class Ranking {
    @Test
    void completedCoursesExcludedAndEveryResultSaysWhatItCloses() {
      Recommendations recs = advisor.recommendTrainings("alice", JOB, 20);
      List<String> ids = recs.items().stream().map(CourseRecommendation::courseId).toList();
      assertThat(ids).doesNotContain("c-sql-done", "c-linux", "c-py-a");
      assertThat(ids).contains("c-sql", "c-sql-bad", "c-docker", "c-java-basics", "c-spring");
      for (CourseRecommendation r : recs.items()) {
        assertThat(r.closes()).as(r.courseId()).isNotEmpty();
        assertThat(r.why()).contains("of the gap");
      }
      CourseRecommendation spring = recs.items().get(ids.indexOf("c-spring"));
      assertThat(spring.closes().get(0).credit()).isCloseTo(0.5, within(1e-9));
      assertThat(spring.closes().get(0).reason()).contains("narrower than Java");
      // Java Basics teaches up to level 3: half of Alice's Java gap (2 -> 3 of 4)
      CourseRecommendation basics = recs.items().get(ids.indexOf("c-java-basics"));
      assertThat(basics.closes().get(0).credit()).isCloseTo(0.5, within(1e-9));
      assertThat(recs.items()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void courseWithPoorMeasuredEffectSinks() {
      Recommendations recs = advisor.recommendTrainings("alice", JOB, 20);
      CourseRecommendation good =
          recs.items().stream().filter(r -> r.courseId().equals("c-sql")).findFirst().orElseThrow();
      CourseRecommendation bad =
          recs.items().stream()
              .filter(r -> r.courseId().equals("c-sql-bad"))
              .findFirst()
              .orElseThrow();
      assertThat(good.gapCoverage()).isEqualTo(bad.gapCoverage());
      assertThat(good.modelScore()).isEqualTo(bad.modelScore());
      assertThat(good.expectedGain()).isGreaterThan(bad.expectedGain());
      assertThat(good.score()).isGreaterThan(bad.score());
      assertThat(bad.why()).contains("poor measured effect");
      var effect = advisor.courseEffect("c-sql-bad");
      assertThat(effect.measured()).isEqualTo(2);
      assertThat(effect.rawMean()).isZero();
    }

    @Test
    void noGapMeansAnEmptyAnswerWithTheReason() {
      Recommendations recs =
          advisor.recommendTrainings(
              "alice", new Target.Skills(List.of(new Target.Requirement("kubernetes", 2))), 5);
      assertThat(recs.items()).isEmpty();
      assertThat(recs.note()).startsWith("no gap");
    }

    @Test
    void withoutTargetALearnerWithNoHistoryStillGetsAnAnswerAndTheReason() {
      Recommendations recs = advisor.recommendTrainings("bob", null, 3);
      assertThat(recs.items()).hasSize(3);
      assertThat(recs.note()).contains("no enrolment history");
      assertThat(recs.items().get(0).courseId()).isEqualTo("c-sql"); // most taken, best effect
    }

    @Test
    void trainedRankerServesTheSameContract(
        @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
      var trained =
          CourseRankerTraining.train(driver, "neo4j", new FmSettings(4, 5, 0.1, 2, 0.1, 1, 2));
      assertThat(trained.learners()).isEqualTo(5);
      assertThat(trained.ranker().features().useConcepts()).isTrue();
      // saved and read back (as the registry or `train trainings --out` would), it scores the same
      trained.ranker().save(dir.resolve("ranker.tribuo"));
      CourseRanker loaded = CourseRanker.load(dir.resolve("ranker.tribuo"));
      var learner = new CourseFeatures.Learner(List.of("c-sql"), Map.of("sql", 2));
      var courses =
          List.of(
              new CourseFeatures.Course("c-docker", List.of("docker")),
              new CourseFeatures.Course("c-java-basics", List.of("java")));
      assertThat(loaded.score(learner, courses))
          .containsExactly(trained.ranker().score(learner, courses), within(1e-12));
      TrainingAdvisor withModel = new TrainingAdvisor(driver, "neo4j", loaded);
      Recommendations recs = withModel.recommendTrainings("alice", JOB, 3);
      assertThat(recs.items()).hasSize(3);
      assertThat(recs.ranker()).contains("ensemble of 2 FMClassificationModel");
      for (CourseRecommendation r : recs.items()) {
        assertThat(r.modelScore()).isBetween(0.0, 1.0);
        assertThat(r.why()).contains("ranker P(enrol)");
      }
    }
  }

  @Nested
  class Path {
    @Test
    void prerequisitesComeFirstAndEveryCourseServesTheGap() {
      LearningPath path = advisor.learningPath("alice", JOB, null);
      List<String> order = path.steps().stream().map(LearningPath.Step::courseId).toList();
      assertThat(order).contains("c-linux", "c-docker", "c-sql", "c-java-basics");
      assertThat(order.indexOf("c-linux")).isLessThan(order.indexOf("c-docker"));
      if (order.contains("c-spring")) {
        assertThat(order.indexOf("c-java-basics")).isLessThan(order.indexOf("c-spring"));
      }
      if (order.contains("c-java-adv")) {
        assertThat(order.indexOf("c-java-basics")).isLessThan(order.indexOf("c-java-adv"));
      }
      Set<String> gapSkills =
          advisor.skillGap("alice", JOB).gaps().stream()
              .map(SkillGap.Comparison::skillId)
              .collect(Collectors.toSet());
      for (LearningPath.Step st : path.steps()) {
        boolean teaches = st.closes().stream().anyMatch(c -> gapSkills.contains(c.skillId()));
        boolean prerequisite = st.prerequisiteOf().stream().anyMatch(order::contains);
        assertThat(teaches || prerequisite).as(st.courseId()).isTrue();
      }
      // no redundant course: one SQL course, and the better one
      assertThat(order).contains("c-sql").doesNotContain("c-sql-bad", "c-sql-done");
      assertThat(new HashSet<>(order)).hasSameSizeAs(order);
      // Java: Basics (to 3) + Spring Boot (half credit) close it; Rust has no course
      assertThat(path.uncovered())
          .extracting(LearningPath.Uncovered::skillId)
          .containsExactly("rust");
      assertThat(path.uncovered().get(0).reason()).contains("no course");
      assertThat(path.totalHours())
          .isEqualTo(path.steps().stream().mapToInt(LearningPath.Step::hours).sum());
    }

    @Test
    void pathAgreesWithTheRanking() {
      LearningPath path = advisor.learningPath("alice", JOB, null);
      Set<String> recommended =
          advisor.recommendTrainings("alice", JOB, 50).items().stream()
              .map(CourseRecommendation::courseId)
              .collect(Collectors.toSet());
      for (LearningPath.Step st : path.steps()) {
        assertThat(recommended.contains(st.courseId()) || !st.prerequisiteOf().isEmpty())
            .as(st.courseId())
            .isTrue();
      }
    }

    @Test
    void maxHoursCutsThePathAndSaysWhatRemains() {
      LearningPath path = advisor.learningPath("alice", JOB, 14);
      assertThat(path.totalHours()).isLessThanOrEqualTo(14);
      assertThat(path.steps())
          .extracting(LearningPath.Step::courseId)
          .containsExactly("c-linux", "c-docker");
      assertThat(path.uncovered())
          .extracting(LearningPath.Uncovered::skillId)
          .containsExactlyInAnyOrder("java", "sql", "rust");
      assertThat(
              path.uncovered().stream()
                  .filter(u -> u.skillId().equals("sql"))
                  .findFirst()
                  .orElseThrow()
                  .reason())
          .contains("14 hours");
      assertThat(advisor.learningPath("alice", JOB, 0).steps()).isEmpty();
    }

    @Test
    void prerequisiteCycleIsReportedByNameNotLoopedOn() {
      assertThatThrownBy(() -> advisor.learningPath("bob", new Target.JobOpening("job-data"), null))
          .isInstanceOfSatisfying(
              TrainingException.PrerequisiteCycle.class,
              e -> {
                assertThat(e.courseIds()).containsExactlyInAnyOrder("c-py-a", "c-py-b");
                assertThat(e.getMessage()).contains("Python A", "Python B");
                assertThat(e.code()).isEqualTo("PREREQUISITE_CYCLE");
              });
    }
  }

  @Test
  void latencyOnTheFixture() {
    long[] rec = new long[100];
    long[] path = new long[100];
    for (int i = 0; i < 20; i++) {
      advisor.recommendTrainings("alice", JOB, 10);
      advisor.learningPath("alice", JOB, null);
    }
    for (int i = 0; i < rec.length; i++) {
      long t0 = System.nanoTime();
      advisor.recommendTrainings("alice", JOB, 10);
      long t1 = System.nanoTime();
      advisor.learningPath("alice", JOB, null);
      rec[i] = t1 - t0;
      path[i] = System.nanoTime() - t1;
    }
    Arrays.sort(rec);
    Arrays.sort(path);
    double p99Rec = rec[(int) Math.ceil(rec.length * 0.99) - 1] / 1e6;
    double p99Path = path[(int) Math.ceil(path.length * 0.99) - 1] / 1e6;
    System.out.printf(
        "recommendTrainings p50 %.1f ms p99 %.1f ms; learningPath p50 %.1f ms p99 %.1f ms%n",
        rec[rec.length / 2] / 1e6, p99Rec, path[path.length / 2] / 1e6, p99Path);
    // the 100 ms p99 target is measured on a quiet machine (see the closing note); on a
    // shared CI box only a gross regression (a query per course, a loop) is caught, via the median
    assertThat(rec[rec.length / 2] / 1e6).isLessThan(500);
    assertThat(path[path.length / 2] / 1e6).isLessThan(500);
  }
}
