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
    // 2,000 employees; hired external candidates are Experts too (ADR 0006)
    assertThat(demo.experts().stream().filter(e -> e.id().startsWith("e"))).hasSize(2_000);
    assertThat(demo.skills()).hasSizeGreaterThanOrEqualTo(250);
    assertThat(demo.skills().stream().filter(s -> s.broaderId() != null))
        .hasSizeGreaterThanOrEqualTo(240);
    assertThat(demo.experts().stream().map(DemoData.Expert::country).distinct())
        .hasSizeGreaterThanOrEqualTo(10);
    assertThat(demo.experts().stream().map(DemoData.Expert::region).distinct())
        .containsExactlyInAnyOrder("EMEA", "Americas", "APAC");
    assertThat(demo.teams()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(demo.courses()).hasSizeGreaterThanOrEqualTo(150);
    assertThat(demo.prerequisites()).hasSizeGreaterThanOrEqualTo(50);
    assertThat(demo.enrollments().stream().filter(e -> e.status().equals("completed")))
        .hasSizeGreaterThanOrEqualTo(2_000);
    assertThat(demo.projects()).hasSizeGreaterThanOrEqualTo(200);
    assertThat(demo.openings()).hasSizeGreaterThanOrEqualTo(50);
    assertThat(demo.requires().stream().filter(r -> r.ownerLabel().equals(Labels.JOB_OPENING)))
        .hasSizeGreaterThanOrEqualTo(200);
    assertThat(demo.collaborations()).hasSizeGreaterThanOrEqualTo(2_000);
    assertThat(demo.publications()).hasSizeGreaterThanOrEqualTo(300);
    assertThat(demo.reviews()).hasSizeGreaterThanOrEqualTo(5_000);
    assertThat(demo.promotions()).hasSizeGreaterThanOrEqualTo(500);
    assertThat(demo.mentorships()).isNotEmpty();
    assertThat(demo.experts().stream().filter(e -> !e.active())).hasSizeBetween(100, 500);
    // every expert holds skills; the skills in use cover most of the catalog
    Map<String, Long> perExpert =
        demo.hasSkills().stream()
            .filter(h -> h.ownerLabel().equals(Labels.EXPERT))
            .collect(Collectors.groupingBy(DemoData.HasSkill::ownerId, Collectors.counting()));
    assertThat(perExpert).hasSize(2_000);
    assertThat(perExpert.values()).allMatch(n -> n >= 4);
    assertThat(demo.hasSkills().stream().map(DemoData.HasSkill::skillId).distinct())
        .hasSizeGreaterThanOrEqualTo(200);
  }

  @Test
  void everyApplicationStageIsPresentSoEveryPipelineQueryAnswers() {
    assertThat(
            demo.applications().stream()
                .map(DemoData.Application::stage)
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(DemoGenerator.STAGES);
    assertThat(demo.applications().stream().map(DemoData.Application::applicantLabel).distinct())
        .containsExactlyInAnyOrder(Labels.CANDIDATE, Labels.EXPERT);
    // each closed opening hired exactly its headcount; open and on-hold ones fewer
    Map<String, Long> hires =
        demo.applications().stream()
            .filter(a -> a.stage().equals("hired"))
            .collect(Collectors.groupingBy(DemoData.Application::openingId, Collectors.counting()));
    demo.openings()
        .forEach(
            o -> {
              long n = hires.getOrDefault(o.id(), 0L);
              if (o.status().equals("closed")) {
                assertThat(n).as(o.id()).isEqualTo(o.headcount());
                assertThat(o.closedAt()).as(o.id()).isNotNull();
              } else {
                assertThat(n).as(o.id()).isLessThan(o.headcount());
              }
            });
    assertThat(demo.openings().stream().map(DemoData.JobOpening::status).distinct())
        .containsExactlyInAnyOrder("open", "closed", "on_hold");
    assertThat(demo.openings().stream().map(DemoData.JobOpening::headcount).distinct())
        .containsExactlyInAnyOrder(1, 2);
    assertThat(demo.openings().stream().map(DemoData.JobOpening::interviewRounds).distinct())
        .containsExactlyInAnyOrder(1, 2, 3, 4);
    assertThat(demo.openings().stream().map(DemoData.JobOpening::remotePolicy).distinct())
        .containsExactlyInAnyOrder("onsite", "hybrid", "remote");
    // every opening has a hiring manager (its team's manager when the team has one) and
    // interviewers
    Map<String, String> managerOf =
        demo.manages().stream()
            .collect(Collectors.toMap(DemoData.Manages::teamId, DemoData.Manages::expertId));
    demo.openings()
        .forEach(
            o -> {
              List<DemoData.HiringTeam> team =
                  demo.hiringTeams().stream().filter(h -> h.openingId().equals(o.id())).toList();
              assertThat(team)
                  .as(o.id())
                  .anyMatch(
                      h -> h.role().equals("interviewer") || h.role().equals("hiring_manager"));
              if (managerOf.containsKey(o.teamId())) {
                assertThat(team)
                    .as(o.id())
                    .contains(
                        new DemoData.HiringTeam(
                            managerOf.get(o.teamId()), o.id(), "hiring_manager"));
              }
            });
    assertThat(demo.hiringTeams().stream().map(DemoData.HiringTeam::role).distinct())
        .containsExactlyInAnyOrder("hiring_manager", "interviewer", "recruiter");
    // and even the smallest demo covers every stage
    DemoData small =
        DemoGenerator.generate(DemoSettings.defaults().withExperts(DemoSettings.MIN_EXPERTS));
    assertThat(
            small.applications().stream()
                .map(DemoData.Application::stage)
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(DemoGenerator.STAGES);
    assertThat(DemoValidator.validate(small)).isEmpty();
  }

  /**
   * The move history, assessments and interviews of ADR 0006, and realistic places for rejections
   * and withdrawals.
   */
  @Test
  void everyApplicationHasItsHistoryAndTheFunnelLooksLikeOne() {
    Map<String, List<DemoData.StageChange>> moves =
        demo.stageChanges().stream()
            .collect(Collectors.groupingBy(DemoData.StageChange::applicationId));
    assertThat(moves.keySet()).hasSize(demo.applications().size());
    for (DemoData.Application a : demo.applications()) {
      List<String> path = moves.get(a.id()).stream().map(DemoData.StageChange::to).toList();
      assertThat(path.get(0)).isEqualTo("applied");
      assertThat(path.get(path.size() - 1)).isEqualTo(a.stage());
    }
    Map<String, Long> rejectedFrom =
        demo.stageChanges().stream()
            .filter(m -> "rejected".equals(m.to()))
            .collect(Collectors.groupingBy(DemoData.StageChange::from, Collectors.counting()));
    long rejected = rejectedFrom.values().stream().mapToLong(Long::longValue).sum();
    assertThat(rejectedFrom.get("applied"))
        .as("most rejections at screening")
        .isGreaterThan(rejected / 2);
    assertThat(rejectedFrom.get("assessment")).isPositive();
    assertThat(rejectedFrom.get("interview")).isPositive();
    // offers: most accepted, some declined (withdrawn from the offer stage)
    long accepted = demo.stageChanges().stream().filter(m -> "hired".equals(m.to())).count();
    long declined =
        demo.stageChanges().stream()
            .filter(m -> "offer".equals(m.from()) && "withdrawn".equals(m.to()))
            .count();
    assertThat(declined).isPositive();
    assertThat(accepted / (double) (accepted + declined)).isBetween(0.7, 0.95);
    assertThat(
            demo.stageChanges().stream()
                .filter(m -> "withdrawn".equals(m.to()))
                .map(DemoData.StageChange::reason))
        .contains("accepted another offer");
    assertThat(
            demo.stageChanges().stream()
                .filter(m -> "rejected".equals(m.to()))
                .map(DemoData.StageChange::reason))
        .contains("skills below requirement");
    // an assessment for everyone who got past the assessment stage, an interview per round reached
    Set<String> assessed =
        demo.assessments().stream()
            .map(DemoData.Assessment::applicationId)
            .collect(Collectors.toSet());
    Map<String, Long> interviews =
        demo.interviews().stream()
            .collect(
                Collectors.groupingBy(DemoData.Interview::applicationId, Collectors.counting()));
    for (DemoData.Application a : demo.applications()) {
      List<DemoData.StageChange> h = moves.get(a.id());
      boolean pastAssessment =
          h.stream().anyMatch(m -> "interview".equals(m.to()))
              || h.stream()
                  .anyMatch(
                      m ->
                          "assessment".equals(m.from())
                              && "rejected".equals(m.to())
                              && !"position filled".equals(m.reason()));
      if (pastAssessment) {
        assertThat(assessed).as(a.id()).contains(a.id());
      }
      long roundsDecided =
          h.stream()
              .filter(m -> "interview".equals(m.from()) && !"position filled".equals(m.reason()))
              .count();
      assertThat(interviews.getOrDefault(a.id(), 0L))
          .as(a.id())
          .isGreaterThanOrEqualTo(roundsDecided);
    }
    assertThat(demo.feedback()).hasSameSizeAs(demo.interviews());
    assertThat(demo.measured()).hasSizeGreaterThanOrEqualTo(demo.assessments().size() * 3);
  }

  /**
   * ADR 0006 hiring: a hired external candidate is the same id as an Expert, a member of the
   * opening's team since the hire.
   */
  @Test
  void hiredCandidatesAreExpertsOnTheHiringTeam() {
    Set<String> hired = demo.hiredCandidates();
    assertThat(hired).hasSizeGreaterThan(50);
    assertThat(demo.experts()).hasSize(2_000 + hired.size());
    Map<String, DemoData.Expert> experts =
        demo.experts().stream().collect(Collectors.toMap(DemoData.Expert::id, e -> e));
    Map<String, DemoData.JobOpening> openings =
        demo.openings().stream().collect(Collectors.toMap(DemoData.JobOpening::id, o -> o));
    Set<String> withPersonal =
        demo.personal().stream().map(DemoData.Personal::expertId).collect(Collectors.toSet());
    demo.applications().stream()
        .filter(a -> a.stage().equals("hired") && a.applicantLabel().equals(Labels.CANDIDATE))
        .forEach(
            a -> {
              DemoData.Expert e = experts.get(a.applicantId());
              DemoData.JobOpening o = openings.get(a.openingId());
              assertThat(e.status()).isEqualTo("active");
              assertThat(e.hiredAt()).isEqualTo(a.closedAt());
              assertThat(e.teamId()).isEqualTo(o.teamId());
              assertThat(e.title()).isEqualTo(o.title());
              assertThat(e.grade()).isEqualTo(o.grade());
              assertThat(demo.memberships())
                  .contains(new DemoData.Membership(e.id(), o.teamId(), a.closedAt(), null));
              assertThat(withPersonal).contains(e.id());
            });
  }

  /**
   * A few contested skills (ADR 0006 Contest), some resolved by the expert's manager; the HAS_SKILL
   * stays, marked.
   */
  @Test
  void aFewExpertsContestASkill() {
    assertThat(demo.contests()).hasSize(20);
    assertThat(demo.contests().stream().map(DemoData.Contest::status).distinct())
        .containsExactlyInAnyOrder("open", "upheld", "dismissed");
    Map<String, DemoData.HasSkill> skills =
        demo.hasSkills().stream()
            .filter(h -> h.ownerLabel().equals(Labels.EXPERT))
            .collect(Collectors.toMap(h -> h.ownerId() + "|" + h.skillId(), h -> h));
    Map<String, String> managerOf =
        demo.manages().stream()
            .collect(Collectors.toMap(DemoData.Manages::teamId, DemoData.Manages::expertId));
    Map<String, DemoData.Expert> experts =
        demo.experts().stream().collect(Collectors.toMap(DemoData.Expert::id, e -> e));
    demo.contests()
        .forEach(
            c -> {
              assertThat(skills.get(c.expertId() + "|" + c.skillId()).contested())
                  .as(c.id())
                  .isTrue();
              assertThat(experts.get(c.expertId()).active()).isTrue();
              assertThat(c.at().toLocalDate()).isBeforeOrEqualTo(demo.settings().asOf());
              if (c.resolvedBy() != null) {
                assertThat(c.resolvedBy())
                    .isIn(managerOf.get(experts.get(c.expertId()).teamId()), "admin");
                assertThat(c.resolvedAt()).isAfter(c.at());
              }
            });
    assertThat(demo.hasSkills().stream().filter(h -> Boolean.TRUE.equals(h.contested())))
        .hasSize(20);
  }

  /**
   * The planted hire signal (docs/demo-graph.md): among applications that passed screening and
   * ended hired or rejected, the outcome follows skill coverage, assessment and interview scores
   * and experience, with noise, so a model can learn it but not perfectly.
   */
  @Test
  void theHireOutcomeCarriesALearnableSignal() {
    Map<String, Map<String, Integer>> levels = new HashMap<>();
    demo.hasSkills()
        .forEach(
            h ->
                levels
                    .computeIfAbsent(h.ownerId(), k -> new HashMap<>())
                    .put(h.skillId(), h.level()));
    Map<String, Map<String, Integer>> req = new HashMap<>();
    Map<String, List<String>> required = new HashMap<>();
    demo.requires().stream()
        .filter(r -> r.ownerLabel().equals(Labels.JOB_OPENING))
        .forEach(
            r -> {
              req.computeIfAbsent(r.ownerId(), k -> new java.util.LinkedHashMap<>())
                  .put(r.skillId(), r.level());
              if (r.required()) {
                required
                    .computeIfAbsent(r.ownerId(), k -> new java.util.ArrayList<>())
                    .add(r.skillId());
              }
            });
    Map<String, Double> assessment =
        demo.assessments().stream()
            .collect(
                Collectors.toMap(DemoData.Assessment::applicationId, DemoData.Assessment::overall));
    Map<String, Double> interview =
        demo.interviews().stream()
            .collect(
                Collectors.groupingBy(
                    DemoData.Interview::applicationId,
                    Collectors.averagingDouble(DemoData.Interview::overall)));
    Set<String> screened =
        demo.stageChanges().stream()
            .filter(m -> "screened".equals(m.to()))
            .map(DemoData.StageChange::applicationId)
            .collect(Collectors.toSet());
    List<DemoData.Application> outcomes =
        demo.applications().stream()
            .filter(
                a ->
                    screened.contains(a.id())
                        && (a.stage().equals("hired") || a.stage().equals("rejected")))
            .toList();
    assertThat(outcomes).as("final outcomes after screening").hasSizeGreaterThan(400);
    boolean[] label = new boolean[outcomes.size()];
    double[] coverage = new double[outcomes.size()];
    double[] combined = new double[outcomes.size()];
    for (int i = 0; i < outcomes.size(); i++) {
      DemoData.Application a = outcomes.get(i);
      label[i] = a.stage().equals("hired");
      coverage[i] =
          DemoGenerator.coverage(
              req.get(a.openingId()),
              required.get(a.openingId()),
              levels.getOrDefault(a.applicantId(), Map.of()));
      combined[i] =
          2 * coverage[i]
              + assessment.getOrDefault(a.id(), 1.0)
              + 2 * interview.getOrDefault(a.id(), 1.0)
              + 0.05 * Math.min(a.experienceYears(), 15);
    }
    long positives =
        java.util.stream.IntStream.range(0, label.length).filter(i -> label[i]).count();
    System.out.printf(
        "hire signal: %d outcomes, %d hired; AUC coverage %.3f, combined %.3f%n",
        outcomes.size(), positives, auc(coverage, label), auc(combined, label));
    assertThat(positives).isGreaterThan(100);
    assertThat(auc(coverage, label)).isGreaterThan(0.6);
    assertThat(auc(combined, label)).isBetween(0.75, 0.99);
  }

  /** Area under the ROC curve by the rank-sum (ties count half). */
  static double auc(double[] score, boolean[] label) {
    double sum = 0;
    long pos = 0;
    long neg = 0;
    for (int i = 0; i < score.length; i++) {
      if (!label[i]) {
        continue;
      }
      pos++;
      for (int j = 0; j < score.length; j++) {
        if (!label[j]) {
          sum += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
        }
      }
    }
    for (boolean l : label) {
      neg += l ? 0 : 1;
    }
    return sum / (pos * neg);
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
   * The served demo, digested. Same seed, same graph must hold across JVMs, not only within one (an
   * unordered {@code Map.of} once broke exactly that); surefire forks a fresh JVM, so this pins it.
   * When the generator changes on purpose, update the digest and say so in the commit.
   */
  @Test
  void theServedDemoIsTheSameGraphInEveryJvm() throws Exception {
    java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
    for (java.lang.reflect.RecordComponent c : DemoData.class.getRecordComponents()) {
      md.update(
          (c.getName() + "=" + c.getAccessor().invoke(demo) + "\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(java.util.HexFormat.of().formatHex(md.digest())).isEqualTo(SERVED_DEMO_SHA256);
  }

  static final String SERVED_DEMO_SHA256 =
      "9f3ebdc6b2c7bd62d8c65e6c4249f974945bde52869063d5ecf34885f4e38c87";

  @Test
  void completedCoursesAndSkillsAgree() {
    Map<String, Integer> level = new HashMap<>();
    demo.hasSkills().forEach(h -> level.put(h.ownerId() + "|" + h.skillId(), h.level()));
    long checked = 0;
    for (DemoData.Enrollment e : demo.enrollments()) {
      switch (e.status()) {
        case "completed" -> {
          assertThat(e.completedAt())
              .isAfter(e.startedAt())
              .isBeforeOrEqualTo(demo.settings().asOf());
          assertThat(e.score()).isBetween(0, 100);
          assertThat(e.levelAfter()).isGreaterThanOrEqualTo(e.levelBefore());
          if (e.levelAfter() > 0) {
            assertThat(level.get(e.expertId() + "|" + e.skillId()))
                .as("HAS_SKILL after %s", e)
                .isGreaterThanOrEqualTo(e.levelAfter());
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
    Set<String> completed =
        demo.enrollments().stream()
            .filter(e -> e.status().equals("completed"))
            .map(e -> e.expertId() + "|" + e.courseId())
            .collect(Collectors.toSet());
    demo.hasSkills().stream()
        .filter(h -> h.evidence().startsWith("course "))
        .forEach(
            h ->
                assertThat(completed)
                    .contains(
                        h.ownerId() + "|" + h.evidence().substring(7, h.evidence().indexOf(':'))));
  }

  @Test
  void collaborationsComeFromSharedProjectsAndPapers() {
    Map<String, Set<String>> together = new HashMap<>();
    demo.workedOn()
        .forEach(
            w -> together.computeIfAbsent(w.expertId(), k -> new HashSet<>()).add(w.projectId()));
    demo.authored()
        .forEach(
            a ->
                together
                    .computeIfAbsent(a.expertId(), k -> new HashSet<>())
                    .add(a.publicationId()));
    for (DemoData.Collaboration c : demo.collaborations()) {
      Set<String> shared = new HashSet<>(together.getOrDefault(c.fromId(), Set.of()));
      shared.retainAll(together.getOrDefault(c.toId(), Set.of()));
      assertThat(shared)
          .as("%s and %s share a project or paper", c.fromId(), c.toId())
          .isNotEmpty();
      assertThat(c.count()).isLessThanOrEqualTo(shared.size());
    }
    // every pair of co-authors is connected
    Set<String> pairs =
        demo.collaborations().stream()
            .map(c -> c.fromId() + "|" + c.toId())
            .collect(Collectors.toSet());
    Map<String, List<String>> authors =
        demo.authored().stream()
            .collect(
                Collectors.groupingBy(
                    DemoData.Authored::publicationId,
                    Collectors.mapping(DemoData.Authored::expertId, Collectors.toList())));
    authors
        .values()
        .forEach(
            list -> {
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
    Set<String> promotedAfter =
        demo.promotions().stream()
            .map(p -> p.expertId() + "|" + (p.date().getYear() - 1))
            .collect(Collectors.toSet());
    double promotedMean =
        demo.reviews().stream()
            .filter(r -> promotedAfter.contains(r.expertId() + "|" + r.year()))
            .mapToInt(DemoData.Review::rating)
            .average()
            .orElseThrow();
    double othersMean =
        demo.reviews().stream()
            .filter(r -> !promotedAfter.contains(r.expertId() + "|" + r.year()))
            .mapToInt(DemoData.Review::rating)
            .average()
            .orElseThrow();
    assertThat(promotedMean - othersMean).isGreaterThan(0.5);

    // course gain grows with the exam score
    List<DemoData.Enrollment> done =
        demo.enrollments().stream().filter(e -> e.status().equals("completed")).toList();
    double[] score = done.stream().mapToDouble(DemoData.Enrollment::score).toArray();
    double[] gain = done.stream().mapToDouble(e -> e.levelAfter() - e.levelBefore()).toArray();
    assertThat(pearson(score, gain)).isGreaterThan(0.2);

    // leavers had worse last reviews than stayers
    Map<String, Integer> lastRating = new HashMap<>();
    demo.reviews().forEach(r -> lastRating.merge(r.expertId(), r.rating(), (a, b) -> b));
    double leavers =
        demo.experts().stream()
            .filter(e -> !e.active() && lastRating.containsKey(e.id()))
            .mapToInt(e -> lastRating.get(e.id()))
            .average()
            .orElseThrow();
    double stayers =
        demo.experts().stream()
            .filter(e -> e.active() && lastRating.containsKey(e.id()))
            .mapToInt(e -> lastRating.get(e.id()))
            .average()
            .orElseThrow();
    assertThat(stayers - leavers).isGreaterThan(0.3);
  }

  /** Gender is drawn independently of talent: promotion rates per review must not differ much. */
  @Test
  void protectedAttributesCarryNoPlantedEffect() {
    Map<String, String> gender = new HashMap<>();
    demo.personal().forEach(p -> gender.put(p.expertId(), p.values().get(PersonalFields.GENDER)));
    Map<String, Long> reviews =
        demo.reviews().stream()
            .collect(Collectors.groupingBy(r -> gender.get(r.expertId()), Collectors.counting()));
    Map<String, Long> promos =
        demo.promotions().stream()
            .collect(Collectors.groupingBy(p -> gender.get(p.expertId()), Collectors.counting()));
    double female = promos.get("female") / (double) reviews.get("female");
    double male = promos.get("male") / (double) reviews.get("male");
    assertThat(Math.abs(female - male)).isLessThan(0.03);
  }

  @Test
  void personalValuesStayOffTheExpertNode() {
    assertThat(demo.personal()).hasSize(demo.experts().size()); // hired candidates included
    for (DemoData.Expert e : demo.experts().subList(0, 50)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> props = (Map<String, Object>) e.row().get("props");
      assertThat(props.keySet()).doesNotContainAnyElementsOf(PersonalFields.ALL);
    }
    assertThat(demo.personal().stream().map(p -> p.values().get(PersonalFields.EMAIL)).distinct())
        .hasSize(demo.experts().size());
    assertThat(demo.personal().get(0).values().get(PersonalFields.EMAIL))
        .matches("[a-z]+\\.[a-z]+\\.0001@talentgraph\\.example");
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
