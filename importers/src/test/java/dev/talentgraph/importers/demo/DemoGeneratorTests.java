package dev.talentgraph.importers.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.PersonalFields;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The served demo (defaults: seed 42, 2,000 experts), checked without a database. */
class DemoGeneratorTests {
  static DemoData demo;

  @BeforeAll
  static void generate() {
    demo = DemoGenerator.generate(DemoSettings.defaults());
  }

  @Test
  void meetsTheScaleIssue2AsksFor() {
    assertThat(demo.experts()).hasSize(2_000);
    assertThat(demo.skills()).hasSizeGreaterThanOrEqualTo(250);
    assertThat(demo.skills().stream().filter(s -> s.broaderId() != null)).hasSizeGreaterThanOrEqualTo(240);
    assertThat(demo.experts().stream().map(DemoData.Expert::country).distinct()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(demo.experts().stream().map(DemoData.Expert::region).distinct()).containsExactlyInAnyOrder("EMEA", "Americas", "APAC");
    assertThat(demo.teams()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(demo.courses()).hasSizeGreaterThanOrEqualTo(150);
    assertThat(demo.prerequisites()).hasSizeGreaterThanOrEqualTo(50);
    assertThat(demo.enrollments().stream().filter(e -> e.status().equals("completed"))).hasSizeGreaterThanOrEqualTo(2_000);
    assertThat(demo.projects()).hasSizeGreaterThanOrEqualTo(200);
    assertThat(demo.openings()).hasSizeGreaterThanOrEqualTo(50);
    assertThat(demo.requires().stream().filter(r -> r.ownerLabel().equals(Labels.JOB_OPENING))).hasSizeGreaterThanOrEqualTo(200);
    assertThat(demo.collaborations()).hasSizeGreaterThanOrEqualTo(2_000);
    assertThat(demo.publications()).hasSizeGreaterThanOrEqualTo(300);
    assertThat(demo.reviews()).hasSizeGreaterThanOrEqualTo(5_000);
    assertThat(demo.promotions()).hasSizeGreaterThanOrEqualTo(500);
    assertThat(demo.mentorships()).isNotEmpty();
    assertThat(demo.experts().stream().filter(e -> !e.active())).hasSizeBetween(100, 500);
    // every expert holds skills; the skills in use cover most of the catalog
    Map<String, Long> perExpert = demo.hasSkills().stream().filter(h -> h.ownerLabel().equals(Labels.EXPERT))
        .collect(Collectors.groupingBy(DemoData.HasSkill::ownerId, Collectors.counting()));
    assertThat(perExpert).hasSize(2_000);
    assertThat(perExpert.values()).allMatch(n -> n >= 4);
    assertThat(demo.hasSkills().stream().map(DemoData.HasSkill::skillId).distinct()).hasSizeGreaterThanOrEqualTo(200);
  }

  @Test
  void everyApplicationStageIsPresentSoEveryPipelineQueryAnswers() {
    assertThat(demo.applications().stream().map(DemoData.Application::stage).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(DemoGenerator.STAGES);
    assertThat(demo.applications().stream().map(DemoData.Application::applicantLabel).distinct())
        .containsExactlyInAnyOrder(Labels.CANDIDATE, Labels.EXPERT);
    // each closed opening with applicants hired exactly one of them
    Map<String, List<DemoData.Application>> byOpening = demo.applications().stream()
        .collect(Collectors.groupingBy(DemoData.Application::openingId));
    demo.openings().stream().filter(o -> o.status().equals("closed") && byOpening.containsKey(o.id())).forEach(o ->
        assertThat(byOpening.get(o.id()).stream().filter(a -> a.stage().equals("hired"))).as(o.id()).hasSize(1));
    // and even the smallest demo covers every stage
    DemoData small = DemoGenerator.generate(DemoSettings.defaults().withExperts(DemoSettings.MIN_EXPERTS));
    assertThat(small.applications().stream().map(DemoData.Application::stage).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(DemoGenerator.STAGES);
  }

  @Test
  void passesItsOwnValidation() {
    assertThat(DemoValidator.validate(demo)).isEmpty();
  }

  @Test
  void sameSeedGivesTheSameGraphAndAnotherSeedAnotherOne() {
    DemoSettings s = DemoSettings.defaults().withExperts(300);
    DemoData a = DemoGenerator.generate(s);
    DemoData b = DemoGenerator.generate(s);
    assertThat(b).isEqualTo(a);
    DemoData c = DemoGenerator.generate(s.withSeed(7));
    assertThat(c.experts()).isNotEqualTo(a.experts());
    assertThat(c.hasSkills()).isNotEqualTo(a.hasSkills());
    // the served demo is pinned (a golden value): README examples and other issues' tests name it,
    // so a change here is a change they must follow
    DemoData.Expert first = demo.experts().get(0);
    assertThat(first.id()).isEqualTo("e0001");
    assertThat(first.name()).isEqualTo("Joshua Green");
    assertThat(first.teamId()).isEqualTo("t026");
    assertThat(first.hiredAt()).isEqualTo(java.time.LocalDate.of(2019, 8, 23));
  }

  /**
   * The served demo, digested. Same seed, same graph must hold across JVMs, not only within one
   * (an unordered {@code Map.of} once broke exactly that); surefire forks a fresh JVM, so this pins
   * it. When the generator changes on purpose, update the digest and say so in the commit.
   */
  @Test
  void theServedDemoIsTheSameGraphInEveryJvm() throws Exception {
    java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
    for (java.lang.reflect.RecordComponent c : DemoData.class.getRecordComponents()) {
      md.update((c.getName() + "=" + c.getAccessor().invoke(demo) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(java.util.HexFormat.of().formatHex(md.digest())).isEqualTo(SERVED_DEMO_SHA256);
  }

  static final String SERVED_DEMO_SHA256 = "5d05ac0f1dbb17818fdb3fd1700d9d01b1720617b852a7ab8f1d6c9ac854ba54";

  @Test
  void completedCoursesAndSkillsAgree() {
    Map<String, Integer> level = new HashMap<>();
    demo.hasSkills().forEach(h -> level.put(h.ownerId() + "|" + h.skillId(), h.level()));
    long checked = 0;
    for (DemoData.Enrollment e : demo.enrollments()) {
      switch (e.status()) {
        case "completed" -> {
          assertThat(e.completedAt()).isAfter(e.startedAt()).isBeforeOrEqualTo(demo.settings().asOf());
          assertThat(e.score()).isBetween(0, 100);
          assertThat(e.levelAfter()).isGreaterThanOrEqualTo(e.levelBefore());
          if (e.levelAfter() > 0) {
            assertThat(level.get(e.expertId() + "|" + e.skillId())).as("HAS_SKILL after %s", e).isGreaterThanOrEqualTo(e.levelAfter());
            checked++;
          }
        }
        case "in_progress", "dropped" -> {
          assertThat(e.completedAt()).isNull();
          assertThat(e.levelAfter()).isNull();
        }
        default -> throw new AssertionError("unknown status " + e.status());
      }
    }
    assertThat(checked).isGreaterThan(1_000);
    // a course's evidence names a course the expert completed
    Set<String> completed = demo.enrollments().stream().filter(e -> e.status().equals("completed"))
        .map(e -> e.expertId() + "|" + e.courseId()).collect(Collectors.toSet());
    demo.hasSkills().stream().filter(h -> h.evidence().startsWith("course ")).forEach(h ->
        assertThat(completed).contains(h.ownerId() + "|" + h.evidence().substring(7, h.evidence().indexOf(':'))));
  }

  @Test
  void collaborationsComeFromSharedProjectsAndPapers() {
    Map<String, Set<String>> together = new HashMap<>();
    demo.workedOn().forEach(w -> together.computeIfAbsent(w.expertId(), k -> new HashSet<>()).add(w.projectId()));
    demo.authored().forEach(a -> together.computeIfAbsent(a.expertId(), k -> new HashSet<>()).add(a.publicationId()));
    for (DemoData.Collaboration c : demo.collaborations()) {
      Set<String> shared = new HashSet<>(together.getOrDefault(c.fromId(), Set.of()));
      shared.retainAll(together.getOrDefault(c.toId(), Set.of()));
      assertThat(shared).as("%s and %s share a project or paper", c.fromId(), c.toId()).isNotEmpty();
      assertThat(c.count()).isLessThanOrEqualTo(shared.size());
    }
    // every pair of co-authors is connected
    Set<String> pairs = demo.collaborations().stream().map(c -> c.fromId() + "|" + c.toId()).collect(Collectors.toSet());
    Map<String, List<String>> authors = demo.authored().stream().collect(Collectors.groupingBy(DemoData.Authored::publicationId,
        Collectors.mapping(DemoData.Authored::expertId, Collectors.toList())));
    authors.values().forEach(list -> {
      for (String x : list) {
        for (String y : list) {
          if (x.compareTo(y) < 0) {
            assertThat(pairs).contains(x + "|" + y);
          }
        }
      }
    });
  }

  /**
   * The effects the career simulation plants (see {@link DemoGenerator}), measured on the output:
   * the models of later issues can only learn what is there.
   */
  @Test
  void plantedSignalsArePresentForTheModelsToLearn() {
    // promotions follow good reviews: mean rating in the review before a promotion vs. all reviews
    Set<String> promotedAfter = demo.promotions().stream()
        .map(p -> p.expertId() + "|" + (p.date().getYear() - 1)).collect(Collectors.toSet());
    double promotedMean = demo.reviews().stream().filter(r -> promotedAfter.contains(r.expertId() + "|" + r.year()))
        .mapToInt(DemoData.Review::rating).average().orElseThrow();
    double othersMean = demo.reviews().stream().filter(r -> !promotedAfter.contains(r.expertId() + "|" + r.year()))
        .mapToInt(DemoData.Review::rating).average().orElseThrow();
    assertThat(promotedMean - othersMean).isGreaterThan(0.5);

    // course gain grows with the exam score
    List<DemoData.Enrollment> done = demo.enrollments().stream().filter(e -> e.status().equals("completed")).toList();
    double[] score = done.stream().mapToDouble(DemoData.Enrollment::score).toArray();
    double[] gain = done.stream().mapToDouble(e -> e.levelAfter() - e.levelBefore()).toArray();
    assertThat(pearson(score, gain)).isGreaterThan(0.2);

    // leavers had worse last reviews than stayers
    Map<String, Integer> lastRating = new HashMap<>();
    demo.reviews().forEach(r -> lastRating.merge(r.expertId(), r.rating(), (a, b) -> b));
    double leavers = demo.experts().stream().filter(e -> !e.active() && lastRating.containsKey(e.id()))
        .mapToInt(e -> lastRating.get(e.id())).average().orElseThrow();
    double stayers = demo.experts().stream().filter(e -> e.active() && lastRating.containsKey(e.id()))
        .mapToInt(e -> lastRating.get(e.id())).average().orElseThrow();
    assertThat(stayers - leavers).isGreaterThan(0.3);
  }

  /** Gender is drawn independently of talent: promotion rates per review must not differ much. */
  @Test
  void protectedAttributesCarryNoPlantedEffect() {
    Map<String, String> gender = new HashMap<>();
    demo.personal().forEach(p -> gender.put(p.expertId(), p.values().get(PersonalFields.GENDER)));
    Map<String, Long> reviews = demo.reviews().stream().collect(Collectors.groupingBy(r -> gender.get(r.expertId()), Collectors.counting()));
    Map<String, Long> promos = demo.promotions().stream().collect(Collectors.groupingBy(p -> gender.get(p.expertId()), Collectors.counting()));
    double female = promos.get("female") / (double) reviews.get("female");
    double male = promos.get("male") / (double) reviews.get("male");
    assertThat(Math.abs(female - male)).isLessThan(0.03);
  }

  @Test
  void personalValuesStayOffTheExpertNode() {
    assertThat(demo.personal()).hasSize(demo.experts().size());
    for (DemoData.Expert e : demo.experts().subList(0, 50)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> props = (Map<String, Object>) e.row().get("props");
      assertThat(props.keySet()).doesNotContainAnyElementsOf(PersonalFields.ALL);
    }
    assertThat(demo.personal().stream().map(p -> p.values().get(PersonalFields.EMAIL)).distinct()).hasSize(demo.experts().size());
    assertThat(demo.personal().get(0).values().get(PersonalFields.EMAIL)).matches("[a-z]+\\.[a-z]+\\.0001@talentgraph\\.example");
  }

  static double pearson(double[] x, double[] y) {
    double mx = java.util.Arrays.stream(x).average().orElseThrow();
    double my = java.util.Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
