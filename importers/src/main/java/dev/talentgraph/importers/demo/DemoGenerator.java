package dev.talentgraph.importers.demo;

import dev.talentgraph.importers.demo.DemoData.About;
import dev.talentgraph.importers.demo.DemoData.Application;
import dev.talentgraph.importers.demo.DemoData.Assessment;
import dev.talentgraph.importers.demo.DemoData.Authored;
import dev.talentgraph.importers.demo.DemoData.Candidate;
import dev.talentgraph.importers.demo.DemoData.Collaboration;
import dev.talentgraph.importers.demo.DemoData.Course;
import dev.talentgraph.importers.demo.DemoData.Enrollment;
import dev.talentgraph.importers.demo.DemoData.Expert;
import dev.talentgraph.importers.demo.DemoData.Feedback;
import dev.talentgraph.importers.demo.DemoData.HasSkill;
import dev.talentgraph.importers.demo.DemoData.HiringTeam;
import dev.talentgraph.importers.demo.DemoData.Interview;
import dev.talentgraph.importers.demo.DemoData.JobOpening;
import dev.talentgraph.importers.demo.DemoData.Manages;
import dev.talentgraph.importers.demo.DemoData.Measured;
import dev.talentgraph.importers.demo.DemoData.Membership;
import dev.talentgraph.importers.demo.DemoData.Mentorship;
import dev.talentgraph.importers.demo.DemoData.Personal;
import dev.talentgraph.importers.demo.DemoData.Prerequisite;
import dev.talentgraph.importers.demo.DemoData.Project;
import dev.talentgraph.importers.demo.DemoData.Promotion;
import dev.talentgraph.importers.demo.DemoData.Publication;
import dev.talentgraph.importers.demo.DemoData.Related;
import dev.talentgraph.importers.demo.DemoData.Requires;
import dev.talentgraph.importers.demo.DemoData.Review;
import dev.talentgraph.importers.demo.DemoData.Skill;
import dev.talentgraph.importers.demo.DemoData.StageChange;
import dev.talentgraph.importers.demo.DemoData.Teaches;
import dev.talentgraph.importers.demo.DemoData.Team;
import dev.talentgraph.importers.demo.DemoData.WorkedOn;
import dev.talentgraph.importers.demo.DemoTables.Country;
import dev.talentgraph.importers.demo.DemoTables.Department;
import dev.talentgraph.importers.demo.DemoTables.Family;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.PersonalFields;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.fairness.VoluntaryDemographics;
import dev.talentgraph.schema.recruiting.Stage;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Generates the seeded demo graph: employees in teams across countries and regions, their skills on
 * a BROADER hierarchy, courses with prerequisites and enrolments that raise skill levels, projects
 * and job openings that require skills, publications, collaborations, mentoring, yearly reviews,
 * promotions, departures and a recruiting pipeline.
 *
 * <p><b>Why a latent model and not independent random columns.</b> Later issues train and evaluate
 * on this graph (high-potential scoring, training effect, collaborator and course recommendation).
 * Independent noise would give them nothing to learn and make every demo answer look arbitrary. So
 * each expert carries a hidden "talent" drawn from a standard normal and a career is simulated year
 * by year: ratings depend on talent plus yearly form, promotions on ratings, time in grade and
 * talent, departures on low ratings and stalled careers; course gains depend on exam score and
 * starting level; collaborations follow shared projects and papers. Recruiting (ADR 0006) is
 * simulated per application, stage by stage: screening follows skill coverage and experience, the
 * assessment measures true levels with noise, interview scores follow a hidden aptitude and
 * coverage, and each decision is a draw from a logistic of that evidence, so the hire model has a
 * learnable, imperfect signal (formulas in docs/demo-graph.md). Protected attributes (gender, age,
 * nationality, marital status) are drawn independently of talent, so any disparity a model shows on
 * the demo graph is the model's own. The planted effects are written down here, so the demo never
 * pretends to be evidence about real people.
 *
 * <p>Everything is drawn from {@link SplittableRandom} streams split from the seed in a fixed
 * order, collections are iterated in insertion order, and Gaussian draws use Box-Muller on {@code
 * nextDouble()} rather than the JDK's unspecified {@code nextGaussian}, so one seed gives one graph
 * on every JVM.
 */
public final class DemoGenerator {
  /** Value of the {@code source} property on everything the demo writes. */
  public static final String SOURCE = "demo";

  /**
   * Graph values of the stages of an Application ({@link Stage}), in pipeline order; the last three
   * are final.
   */
  public static final List<String> STAGES = Stage.graphNames();

  /** Graph values of the final stages: no move out of them. */
  public static final Set<String> FINAL_STAGES = Set.copyOf(Stage.graph(Stage.FINAL));

  private final DemoSettings settings;
  private final SkillCatalog catalog;
  private final LocalDate asOf;

  // working state, filled phase by phase
  private final List<Team> teams = new ArrayList<>();
  private final List<Department> teamDept = new ArrayList<>();
  private final List<Map<String, Double>> teamCore = new ArrayList<>();
  private final List<Expert> experts = new ArrayList<>();
  private final List<Person> people = new ArrayList<>();
  private final List<Review> reviews = new ArrayList<>();
  private final List<Promotion> promotions = new ArrayList<>();

  /** What the generator knows about an expert beyond the written record. */
  private static final class Person {
    int index;
    String id;
    double talent;
    boolean female;
    String gender;
    Country country;
    Department dept;
    Family family;
    int teamIndex;
    LocalDate birthDate;
    LocalDate hiredAt;
    LocalDate departedAt;
    String departureReason;
    int grade;
    String firstName;
    String lastName;
    String nationality;

    /** skill id to current level, in insertion order. */
    final Map<String, Integer> levels = new LinkedHashMap<>();

    final Map<String, String> evidence = new HashMap<>();
    final Map<String, LocalDate> since = new HashMap<>();
    final Set<String> completedCourses = new HashSet<>();

    boolean activeOn(LocalDate d) {
      return !hiredAt.isAfter(d) && (departedAt == null || departedAt.isAfter(d));
    }
  }

  private DemoGenerator(DemoSettings settings) {
    this.settings = settings;
    this.catalog = SkillCatalog.load();
    this.asOf = settings.asOf();
  }

  /** The demo graph for these settings; the same settings always give an equal result. */
  public static DemoData generate(DemoSettings settings) {
    return new DemoGenerator(settings).run();
  }

  private DemoData run() {
    SplittableRandom root = new SplittableRandom(settings.seed());
    SplittableRandom teamRng = root.split();
    SplittableRandom expertRng = root.split();
    SplittableRandom skillRng = root.split();
    SplittableRandom courseRng = root.split();
    SplittableRandom projectRng = root.split();
    SplittableRandom paperRng = root.split();
    SplittableRandom mentorRng = root.split();
    SplittableRandom hiringRng = root.split();
    SplittableRandom contestRng = root.split();

    List<Skill> skills =
        catalog.entries().stream()
            .map(
                e ->
                    new Skill(
                        e.id(), e.name(), e.aliases(), e.broader(), e.group(), e.assignable()))
            .toList();
    List<Related> related = catalog.related().stream().map(p -> new Related(p[0], p[1])).toList();
    checkTables();

    makeTeams(teamRng);
    makeExperts(expertRng);
    makeBaseSkills(skillRng);
    List<Course> courses = new ArrayList<>();
    List<Teaches> teaches = new ArrayList<>();
    List<Prerequisite> prereqs = new ArrayList<>();
    makeCourses(courseRng, courses, teaches, prereqs);
    List<Enrollment> enrollments = makeEnrollments(courseRng, courses, prereqs);

    List<Project> projects = new ArrayList<>();
    List<Requires> requires = new ArrayList<>();
    List<WorkedOn> workedOn = new ArrayList<>();
    makeProjects(projectRng, projects, requires, workedOn);

    List<Publication> pubs = new ArrayList<>();
    List<Authored> authored = new ArrayList<>();
    List<About> about = new ArrayList<>();
    makePublications(paperRng, pubs, authored, about);

    List<Collaboration> collaborations = makeCollaborations(projects, workedOn, pubs, authored);
    List<Membership> memberships = new ArrayList<>();
    List<Manages> manages = new ArrayList<>();
    makeMemberships(memberships, manages);
    List<Mentorship> mentorships = makeMentorships(mentorRng);

    Recruiting hiring = makeHiring(hiringRng, requires, manages, memberships);

    List<HasSkill> hasSkills = new ArrayList<>();
    for (Person p : people) {
      p.levels.forEach(
          (skill, level) ->
              hasSkills.add(
                  new HasSkill(
                      Labels.EXPERT,
                      p.id,
                      skill,
                      level,
                      p.evidence.get(skill),
                      p.since.get(skill))));
    }
    hasSkills.addAll(hiring.candidateSkills);
    List<DemoData.Contest> contests = makeContests(contestRng, hasSkills, manages);
    List<Personal> personal = new ArrayList<>(people.stream().map(this::personal).toList());
    personal.addAll(hiring.hiredPersonal);
    // titles reflect the final grade and management role, so build the records last
    List<Expert> finalExperts = new ArrayList<>(finalExperts(manages));
    finalExperts.addAll(hiring.hiredExperts);
    memberships.addAll(hiring.hiredMemberships);

    return new DemoData(
        settings,
        skills,
        related,
        List.copyOf(teams),
        finalExperts,
        personal,
        memberships,
        manages,
        mentorships,
        hasSkills,
        courses,
        teaches,
        prereqs,
        enrollments,
        projects,
        requires,
        workedOn,
        pubs,
        authored,
        about,
        collaborations,
        List.copyOf(reviews),
        List.copyOf(promotions),
        hiring.openings,
        hiring.hiringTeams,
        hiring.candidates,
        hiring.applications,
        hiring.stageChanges,
        hiring.assessments,
        hiring.measured,
        hiring.interviews,
        hiring.feedback,
        contests,
        hiring.candidateDemographics);
  }

  /**
   * Fails fast when a table names a skill the catalog does not have (a typo would silently thin the
   * demo).
   */
  private void checkTables() {
    Set<String> ids = new HashSet<>();
    catalog.entries().forEach(e -> ids.add(e.id()));
    List<String> wanted = new ArrayList<>();
    DemoTables.DEPARTMENTS.forEach(
        d -> d.families().forEach(f -> wanted.addAll(f.pool().keySet())));
    wanted.addAll(DemoTables.TECH_COMMON.keySet());
    wanted.addAll(DemoTables.LEADER_COMMON.keySet());
    DemoTables.COUNTRIES.stream()
        .map(Country::languageSkill)
        .filter(s -> s != null)
        .forEach(wanted::add);
    wanted.add("s-english");
    for (String id : wanted) {
      if (!ids.contains(id)) {
        throw new IllegalStateException("demo tables name unknown skill id " + id);
      }
    }
  }

  // ---------------------------------------------------------------- teams

  private void makeTeams(SplittableRandom rng) {
    int total = Math.max(DemoTables.DEPARTMENTS.size(), settings.experts() / 45);
    double weightSum = DemoTables.DEPARTMENTS.stream().mapToDouble(Department::weight).sum();
    Map<String, Integer> nameUse = new HashMap<>();
    for (Department d : DemoTables.DEPARTMENTS) {
      int n = Math.max(1, (int) Math.round(total * d.weight() / weightSum));
      for (int i = 0; i < n; i++) {
        Country c = pickCountry(rng);
        String city = c.cities().get(rng.nextInt(c.cities().size()));
        String focus = d.teamFocuses().get(i % d.teamFocuses().size());
        String name = focus + " (" + city + ")";
        int use = nameUse.merge(name, 1, Integer::sum);
        if (use > 1) {
          name = focus + " " + use + " (" + city + ")";
        }
        teams.add(
            new Team(
                String.format(Locale.ROOT, "t%03d", teams.size() + 1),
                name,
                d.name(),
                c.name(),
                c.region(),
                city));
        teamDept.add(d);
        // a team's focus: a handful of skills its members share more than the department does
        Map<String, Double> deptPool = new LinkedHashMap<>();
        d.families()
            .forEach(
                f ->
                    expandPool(f.pool())
                        .forEach((k, v) -> deptPool.merge(k, v * f.weight(), Double::sum)));
        Map<String, Double> core = new LinkedHashMap<>();
        int coreSize = 5 + rng.nextInt(4);
        for (int k = 0; k < coreSize * 3 && core.size() < coreSize; k++) {
          core.put(weighted(rng, deptPool), 1.0);
        }
        teamCore.add(core);
      }
    }
  }

  private Country pickCountry(SplittableRandom rng) {
    double sum = DemoTables.COUNTRIES.stream().mapToDouble(Country::weight).sum();
    double x = rng.nextDouble() * sum;
    for (Country c : DemoTables.COUNTRIES) {
      x -= c.weight();
      if (x < 0) {
        return c;
      }
    }
    return DemoTables.COUNTRIES.get(DemoTables.COUNTRIES.size() - 1);
  }

  private final Map<Map<String, Double>, Map<String, Double>> expanded =
      new java.util.IdentityHashMap<>();

  /**
   * Replaces group ids by their assignable skills, splitting the group's weight among them.
   * Memoised per pool (the pools are the constant maps of {@link DemoTables}); callers copy before
   * changing.
   */
  private Map<String, Double> expandPool(Map<String, Double> pool) {
    return expanded.computeIfAbsent(pool, this::expand);
  }

  private Map<String, Double> expand(Map<String, Double> pool) {
    Map<String, Double> out = new LinkedHashMap<>();
    pool.forEach(
        (id, w) -> {
          SkillCatalog.Entry e = catalog.get(id);
          if (e.group()) {
            List<SkillCatalog.Entry> under = catalog.assignableUnder(id);
            under.forEach(u -> out.merge(u.id(), w / under.size() * 2.5, Double::sum));
          } else {
            out.merge(id, w, Double::sum);
          }
        });
    return java.util.Collections.unmodifiableMap(out);
  }

  // ---------------------------------------------------------------- experts and careers

  private void makeExperts(SplittableRandom rng) {
    int n = settings.experts();
    double deptSum = DemoTables.DEPARTMENTS.stream().mapToDouble(Department::weight).sum();
    for (int i = 0; i < n; i++) {
      Person p = new Person();
      p.index = i;
      p.id = String.format(Locale.ROOT, n < 10_000 ? "e%04d" : "e%06d", i + 1);
      p.talent = gaussian(rng);
      // department, then one of its teams
      double x = rng.nextDouble() * deptSum;
      Department dept = DemoTables.DEPARTMENTS.get(0);
      for (Department d : DemoTables.DEPARTMENTS) {
        x -= d.weight();
        if (x < 0) {
          dept = d;
          break;
        }
      }
      p.dept = dept;
      List<Integer> deptTeams = new ArrayList<>();
      for (int t = 0; t < teams.size(); t++) {
        if (teamDept.get(t) == dept) {
          deptTeams.add(t);
        }
      }
      p.teamIndex = deptTeams.get(rng.nextInt(deptTeams.size()));
      Map<Family, Double> fam = new LinkedHashMap<>();
      dept.families().forEach(f -> fam.put(f, f.weight()));
      p.family = weighted(rng, fam);
      Team team = teams.get(p.teamIndex);
      Country teamCountry =
          DemoTables.COUNTRIES.stream()
              .filter(c -> c.name().equals(team.country()))
              .findFirst()
              .orElseThrow();
      p.country = teamCountry;
      if (rng.nextDouble() < 0.1) { // remote in another country of the same region
        List<Country> sameRegion =
            DemoTables.COUNTRIES.stream()
                .filter(c -> c.region().equals(teamCountry.region()))
                .toList();
        p.country = sameRegion.get(rng.nextInt(sameRegion.size()));
      }
      // names: mostly the country's pool, some colleagues from elsewhere
      DemoTables.Names names =
          rng.nextDouble() < 0.85 ? p.country.names() : pickCountry(rng).names();
      p.nationality =
          names == p.country.names()
              ? p.country.name()
              : DemoTables.COUNTRIES.stream()
                  .filter(c -> c.names() == names)
                  .findFirst()
                  .orElseThrow()
                  .name();
      double g = rng.nextDouble();
      p.female = g < 0.46;
      p.gender = g < 0.46 ? "female" : g < 0.985 ? "male" : "non-binary";
      List<String> firsts = p.female ? names.female() : names.male();
      p.firstName = firsts.get(rng.nextInt(firsts.size()));
      p.lastName = names.last().get(rng.nextInt(names.last().size()));
      if (names == DemoTables.POLISH && p.female) {
        p.lastName = p.lastName.replaceAll("ski$", "ska").replaceAll("cki$", "cka");
      }
      simulateCareer(rng, p);
      people.add(p);
    }
  }

  /**
   * Hire, yearly reviews, promotions and a possible departure. Reviews happen each December for the
   * calendar year, promotions the following 1 March, departures any day of the next year.
   */
  private void simulateCareer(SplittableRandom rng, Person p) {
    // experience before joining, in years, and tenure so far: recent hires are more common (growth)
    double priorYears = Math.max(0, 12 * Math.pow(rng.nextDouble(), 1.6) + 0.3 * gaussian(rng));
    double tenureYears = 0.1 + 13.9 * Math.pow(rng.nextDouble(), 1.8);
    p.hiredAt = asOf.minusDays(Math.round(tenureYears * 365.25));
    int age = (int) Math.round(22 + priorYears + tenureYears + Math.abs(gaussian(rng)) * 2);
    p.birthDate = asOf.minusYears(age).minusDays(rng.nextInt(365));
    int grade =
        clamp((int) Math.floor(1 + priorYears / 3.5 + 0.35 * p.talent + 0.4 * gaussian(rng)), 1, 5);
    LocalDate lastPromotion = p.hiredAt;
    double form = 0;
    int sinceReview = 0;
    for (int year = p.hiredAt.getYear(); year < asOf.getYear(); year++) {
      LocalDate reviewDate = LocalDate.of(year, 12, 15);
      if (reviewDate.isBefore(p.hiredAt.plusMonths(4))) {
        continue; // joined too late in the year to be reviewed
      }
      form = 0.5 * form + 0.6 * gaussian(rng);
      int rating =
          clamp((int) Math.round(3 + 0.75 * p.talent + 0.35 * form + 0.45 * gaussian(rng)), 1, 5);
      sinceReview++;
      reviews.add(
          new Review(
              String.format(Locale.ROOT, "r-%s-%d", p.id, year), p.id, year, reviewDate, rating));
      double yearsInGrade = ChronoUnit.DAYS.between(lastPromotion, reviewDate) / 365.25;
      LocalDate promoDate = LocalDate.of(year + 1, 3, 1);
      if (grade < 6 && yearsInGrade >= 1 && promoDate.isBefore(asOf)) {
        double z =
            -2.6
                + 1.2 * (rating - 3)
                + 0.6 * p.talent
                - 0.35 * (grade - 1)
                + 0.35 * Math.min(yearsInGrade, 4);
        if (rng.nextDouble() < sigmoid(z)) {
          promotions.add(
              new Promotion(
                  String.format(Locale.ROOT, "pr-%s-%d", p.id, year + 1),
                  p.id,
                  promoDate,
                  grade,
                  grade + 1));
          grade++;
          lastPromotion = promoDate;
          continue; // promoted people do not leave the same year
        }
      }
      // departures: low ratings push out, stalled strong performers get poached
      double z =
          -3.4
              + 0.7 * (3 - rating)
              + 0.45 * Math.max(0, yearsInGrade - 2.5) * Math.max(0, p.talent);
      if (rng.nextDouble() < sigmoid(z)) {
        LocalDate d = LocalDate.of(year + 1, 1, 1).plusDays(rng.nextInt(365));
        if (d.isBefore(asOf)) {
          p.departedAt = d;
          p.departureReason =
              rating <= 2 && rng.nextDouble() < 0.6
                  ? "involuntary"
                  : age - (asOf.getYear() - year) > 60 ? "retirement" : "voluntary";
          break;
        }
      }
    }
    p.grade = grade;
  }

  // ---------------------------------------------------------------- skills

  private void makeBaseSkills(SplittableRandom rng) {
    for (Person p : people) {
      Map<String, Double> pool = new LinkedHashMap<>(expandPool(p.family.pool()));
      teamCore.get(p.teamIndex).keySet().forEach(k -> pool.merge(k, 4.0, Double::sum));
      if (p.dept.technical()) {
        DemoTables.TECH_COMMON.forEach((k, v) -> pool.merge(k, v, Double::sum));
      }
      if (p.grade >= 4) {
        DemoTables.LEADER_COMMON.forEach((k, v) -> pool.merge(k, v * (p.grade - 2), Double::sum));
      }
      double years = ChronoUnit.DAYS.between(p.birthDate, asOf) / 365.25 - 22;
      int n = clamp(4 + p.grade + rng.nextInt(4), 4, 14);
      for (int k = 0; k < n * 4 && p.levels.size() < n; k++) {
        String skill = weighted(rng, pool);
        if (p.levels.containsKey(skill)) {
          continue;
        }
        double core = teamCore.get(p.teamIndex).containsKey(skill) ? 0.5 : 0;
        int level =
            clamp(
                (int) Math.round(1.3 + 0.18 * years + 0.5 * p.talent + core + 0.7 * gaussian(rng)),
                1,
                5);
        giveSkill(
            p,
            skill,
            level,
            DemoTables.EVIDENCE.get(rng.nextInt(DemoTables.EVIDENCE.size())),
            randomDate(rng, p.hiredAt.minusYears(3), asOf.minusDays(30)));
      }
      // languages: English for nearly everyone, the local language for natives
      giveSkill(
          p,
          "s-english",
          p.country.names() == DemoTables.ENGLISH ? 5 : clamp(3 + rng.nextInt(3), 1, 5),
          "self-assessment",
          p.hiredAt);
      if (p.country.languageSkill() != null && p.nationality.equals(p.country.name())) {
        giveSkill(p, p.country.languageSkill(), 5, "self-assessment", p.hiredAt);
      }
    }
  }

  private static void giveSkill(
      Person p, String skill, int level, String evidence, LocalDate since) {
    Integer old = p.levels.get(skill);
    if (old == null || level > old) {
      p.levels.put(skill, level);
      p.evidence.put(skill, evidence);
      p.since.put(skill, since);
    }
  }

  // ---------------------------------------------------------------- courses and enrolments

  /**
   * Introductory courses (level 2) for most skills and advanced ones (level 4) for some, each
   * advanced course requiring its introduction; introductions to a narrower skill sometimes require
   * the introduction to its broader skill. Prerequisites only ever point from an earlier course to
   * a later one, which keeps PREREQUISITE_OF acyclic by construction.
   */
  private void makeCourses(
      SplittableRandom rng,
      List<Course> courses,
      List<Teaches> teaches,
      List<Prerequisite> prereqs) {
    List<SkillCatalog.Entry> assignable = catalog.assignable();
    // groups first so that their introductions precede (and can be prerequisites of) their members'
    List<SkillCatalog.Entry> ordered =
        new ArrayList<>(assignable.stream().filter(SkillCatalog.Entry::group).toList());
    assignable.stream().filter(e -> !e.group()).forEach(ordered::add);
    Map<String, String> introOf = new HashMap<>();
    String[] introTitles = {
      "%s Fundamentals", "Introduction to %s", "%s Essentials", "Getting Started with %s"
    };
    String[] advancedTitles = {"Advanced %s", "%s in Practice", "Mastering %s"};
    for (SkillCatalog.Entry e : ordered) {
      if (!e.group() && rng.nextDouble() < 0.22) {
        continue; // not every skill has a course: gaps the recommender must route around
      }
      String id = String.format(Locale.ROOT, "c%03d", courses.size() + 1);
      String title = String.format(introTitles[rng.nextInt(introTitles.length)], e.name());
      int hours = 4 + rng.nextInt(13);
      courses.add(
          new Course(
              id,
              title,
              "An introduction to " + e.name() + " for practitioners new to it.",
              DemoTables.PROVIDERS.get(rng.nextInt(DemoTables.PROVIDERS.size())),
              hours,
              2,
              e.id()));
      teaches.add(new Teaches(id, e.id(), 2));
      introOf.put(e.id(), id);
      // a group course also touches a few of its members at level 1
      if (e.group()) {
        List<SkillCatalog.Entry> members =
            catalog.assignableUnder(e.id()).stream().filter(m -> !m.id().equals(e.id())).toList();
        for (int k = 0; k < Math.min(2, members.size()); k++) {
          teaches.add(new Teaches(id, members.get(k).id(), 1));
        }
      }
      String broaderIntro = e.broader() == null ? null : introOf.get(e.broader());
      if (broaderIntro != null && rng.nextDouble() < 0.5) {
        prereqs.add(new Prerequisite(broaderIntro, id));
      }
    }
    // advanced courses come after all introductions
    List<Course> intros = List.copyOf(courses);
    for (Course intro : intros) {
      if (rng.nextDouble() >= 0.45) {
        continue;
      }
      SkillCatalog.Entry e = catalog.get(intro.mainSkillId());
      String id = String.format(Locale.ROOT, "c%03d", courses.size() + 1);
      String title = String.format(advancedTitles[rng.nextInt(advancedTitles.length)], e.name());
      int hours = 12 + rng.nextInt(29);
      courses.add(
          new Course(
              id,
              title,
              "Hands-on, in-depth " + e.name() + " for experienced practitioners.",
              DemoTables.PROVIDERS.get(rng.nextInt(DemoTables.PROVIDERS.size())),
              hours,
              4,
              e.id()));
      teaches.add(new Teaches(id, e.id(), 4));
      prereqs.add(new Prerequisite(intro.id(), id));
      // sometimes a related skill is taught along
      for (String[] pair : catalog.related()) {
        String other = pair[0].equals(e.id()) ? pair[1] : pair[1].equals(e.id()) ? pair[0] : null;
        if (other != null && catalog.get(other).assignable() && rng.nextDouble() < 0.5) {
          teaches.add(new Teaches(id, other, 3));
          break;
        }
      }
    }
  }

  /**
   * Each expert takes a few courses, mostly in skills of their team and family, preferring a
   * course's prerequisite when they have not completed it. Completed courses move the main skill
   * from {@code levelBefore} to {@code levelAfter}; the gain grows with the exam score and shrinks
   * when the expert already knows more than the course teaches. HAS_SKILL ends at the higher level
   * with the course as evidence, so enrolments and skills agree.
   */
  private List<Enrollment> makeEnrollments(
      SplittableRandom rng, List<Course> courses, List<Prerequisite> prereqs) {
    Map<String, List<Course>> bySkill = new LinkedHashMap<>();
    courses.forEach(c -> bySkill.computeIfAbsent(c.mainSkillId(), k -> new ArrayList<>()).add(c));
    Map<String, Course> byId = new HashMap<>();
    courses.forEach(c -> byId.put(c.id(), c));
    Map<String, List<String>> prereqOf = new HashMap<>();
    prereqs.forEach(
        pr ->
            prereqOf
                .computeIfAbsent(pr.courseId(), k -> new ArrayList<>())
                .add(pr.prerequisiteId()));

    List<Enrollment> out = new ArrayList<>();
    LocalDate windowStart = asOf.minusYears(5);
    for (Person p : people) {
      LocalDate start = p.hiredAt.isAfter(windowStart) ? p.hiredAt : windowStart;
      LocalDate end = p.departedAt != null ? p.departedAt : asOf;
      if (!start.isBefore(end.minusDays(14))) {
        continue;
      }
      int k = poisson(rng, 2.6);
      Map<String, Double> pool = new LinkedHashMap<>(expandPool(p.family.pool()));
      teamCore.get(p.teamIndex).keySet().forEach(s -> pool.merge(s, 3.0, Double::sum));
      pool.keySet().removeIf(s -> !bySkill.containsKey(s));
      if (pool.isEmpty()) {
        continue;
      }
      List<LocalDate> starts = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        starts.add(randomDate(rng, start, end.minusDays(7)));
      }
      starts.sort(Comparator.naturalOrder());
      Set<String> taken = new HashSet<>();
      for (LocalDate startedAt : starts) {
        String skill =
            rng.nextDouble() < 0.15
                ? pick(rng, List.copyOf(bySkill.keySet()))
                : weighted(rng, pool);
        List<Course> options = bySkill.get(skill);
        int current = p.levels.getOrDefault(skill, 0);
        // the advanced course when already past the introduction, else the introduction
        Course course = options.get(0);
        for (Course c : options) {
          if (current >= 2 && c.level() > course.level()) {
            course = c;
          }
        }
        for (String pre : prereqOf.getOrDefault(course.id(), List.of())) {
          if (!p.completedCourses.contains(pre) && !taken.contains(pre) && rng.nextDouble() < 0.7) {
            course = byId.get(pre);
            break;
          }
        }
        if (!taken.add(course.id())) {
          continue;
        }
        String main = course.mainSkillId();
        int before = p.levels.getOrDefault(main, 0);
        LocalDate done = startedAt.plusDays(7 + course.hours() * 2L + rng.nextInt(21));
        if (done.isAfter(asOf)) {
          out.add(
              new Enrollment(
                  p.id, course.id(), "in_progress", startedAt, null, null, main, before, null));
          continue;
        }
        if (p.departedAt != null && done.isAfter(p.departedAt)
            || rng.nextDouble() < 0.12 - 0.03 * p.talent) {
          out.add(
              new Enrollment(
                  p.id, course.id(), "dropped", startedAt, null, null, main, before, null));
          continue;
        }
        int score = clamp((int) Math.round(72 + 8 * p.talent + 7 * gaussian(rng)), 35, 100);
        double raw =
            0.1
                + 0.045 * (score - 60)
                + (before < course.level() ? 0.7 : 0)
                - 0.45 * Math.max(0, before - course.level())
                + 0.02 * course.hours()
                + 0.35 * gaussian(rng);
        int gain = Math.max(0, (int) Math.round(raw));
        int after =
            Math.min(
                Props.MAX_LEVEL, Math.min(Math.max(before, course.level() + 1), before + gain));
        if (before == 0 && score >= 50) {
          after = Math.max(after, 1);
        }
        p.completedCourses.add(course.id());
        out.add(
            new Enrollment(
                p.id, course.id(), "completed", startedAt, done, score, main, before, after));
        if (after > before) {
          giveSkill(p, main, after, "course " + course.id() + ": " + course.title(), done);
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- projects

  private void makeProjects(
      SplittableRandom rng,
      List<Project> projects,
      List<Requires> requires,
      List<WorkedOn> workedOn) {
    int n = Math.max(10, settings.experts() / 8);
    Map<String, Integer> nameUse = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int homeTeam = rng.nextInt(teams.size());
      Department dept = teamDept.get(homeTeam);
      String purpose = dept.projectPurposes().get(rng.nextInt(dept.projectPurposes().size()));
      String codename = DemoTables.CODENAMES.get(rng.nextInt(DemoTables.CODENAMES.size()));
      String name = codename + ": " + purpose;
      int use = nameUse.merge(name, 1, Integer::sum);
      if (use > 1) {
        name = codename + " " + use + ": " + purpose;
      }
      LocalDate from = randomDate(rng, asOf.minusYears(6), asOf.plusMonths(3));
      LocalDate to = from.plusDays(90 + rng.nextInt(640));
      String status = from.isAfter(asOf) ? "planned" : to.isBefore(asOf) ? "completed" : "active";
      String id = String.format(Locale.ROOT, "p%03d", i + 1);
      projects.add(
          new Project(
              id,
              name,
              purpose + " for the " + teams.get(homeTeam).name() + " team.",
              dept.name(),
              status,
              from,
              to));

      // required skills: mostly the home team's focus, some from the department at large
      Map<String, Double> pool = new LinkedHashMap<>();
      dept.families()
          .forEach(
              f ->
                  expandPool(f.pool())
                      .forEach((k, v) -> pool.merge(k, v * f.weight(), Double::sum)));
      teamCore.get(homeTeam).keySet().forEach(k -> pool.merge(k, 6.0, Double::sum));
      int nSkills = 3 + rng.nextInt(4);
      Map<String, Integer> req = new LinkedHashMap<>();
      for (int k = 0; k < nSkills * 4 && req.size() < nSkills; k++) {
        req.putIfAbsent(weighted(rng, pool), 2 + rng.nextInt(3));
      }
      int r = 0;
      for (Map.Entry<String, Integer> e : req.entrySet()) {
        requires.add(new Requires(Labels.PROJECT, id, e.getKey(), e.getValue(), r++ < 3));
      }
      if (status.equals("planned")) {
        continue; // staffed later: the staffing recommender's job
      }
      // staff it: people employed during the project, ranked by skill fit, home team first
      LocalDate staffDate = from.isBefore(asOf) ? from : asOf;
      int size = 3 + rng.nextInt(8);
      List<double[]> ranked = new ArrayList<>();
      for (Person p : people) {
        if (!p.activeOn(staffDate) && !(p.hiredAt.isBefore(to) && p.activeOn(p.hiredAt))) {
          continue;
        }
        if (p.hiredAt.isAfter(to.minusDays(30))
            || (p.departedAt != null && p.departedAt.isBefore(from.plusDays(30)))) {
          continue;
        }
        double fit = 0;
        for (Map.Entry<String, Integer> e : req.entrySet()) {
          fit += Math.min(1.0, p.levels.getOrDefault(e.getKey(), 0) / (double) e.getValue());
        }
        fit =
            fit / req.size() * 3
                + (p.teamIndex == homeTeam ? 2.0 : 0)
                + (p.dept == dept ? 0.7 : 0)
                + 0.8 * gaussian(rng);
        ranked.add(new double[] {fit, p.index});
      }
      ranked.sort((a, b) -> Double.compare(b[0], a[0]));
      List<Person> members = new ArrayList<>();
      for (int k = 0; k < Math.min(size, ranked.size()); k++) {
        members.add(people.get((int) ranked.get(k)[1]));
      }
      Person lead =
          members.stream()
              .max(
                  Comparator.comparingInt((Person p) -> p.grade).thenComparingDouble(p -> -p.index))
              .orElse(null);
      for (Person p : members) {
        LocalDate wFrom = p.hiredAt.isAfter(from) ? p.hiredAt : from;
        LocalDate wTo = status.equals("active") ? null : to;
        if (p.departedAt != null && (wTo == null || p.departedAt.isBefore(wTo))) {
          wTo = p.departedAt;
        }
        String role =
            p == lead ? "lead" : p.grade >= 5 && rng.nextDouble() < 0.5 ? "advisor" : "contributor";
        workedOn.add(new WorkedOn(p.id, id, role, wFrom, wTo));
      }
    }
  }

  // ---------------------------------------------------------------- publications

  private void makePublications(
      SplittableRandom rng, List<Publication> pubs, List<Authored> authored, List<About> about) {
    Map<Person, Double> pool = new LinkedHashMap<>();
    for (Person p : people) {
      double w =
          switch (p.dept.name()) {
            case "Research" -> 1.0;
            case "Data" -> 0.25;
            case "Engineering", "Infrastructure", "Security" -> 0.02;
            default -> 0;
          };
      if (w > 0) {
        pool.put(p, w * Math.exp(0.5 * p.talent));
      }
    }
    if (pool.isEmpty()) {
      return;
    }
    int n = Math.max(5, (int) Math.round(settings.experts() * 0.3));
    String[] templates = {
      "Towards Robust %s for %s",
      "%s at Scale: Lessons from %s",
      "Improving %s with %s",
      "An Empirical Study of %s in %s",
      "Efficient %s for %s",
      "Revisiting %s for %s"
    };
    Set<String> titles = new HashSet<>();
    for (int i = 0; i < n; i++) {
      Person first = weighted(rng, pool);
      int startYear = Math.max(first.hiredAt.getYear(), asOf.getYear() - 10);
      int endYear = first.departedAt != null ? first.departedAt.getYear() : asOf.getYear();
      if (startYear > endYear) {
        continue;
      }
      int year = startYear + rng.nextInt(endYear - startYear + 1);
      LocalDate mid = LocalDate.of(year, 6, 30);
      List<String> topics =
          first.levels.keySet().stream()
              .filter(
                  s ->
                      catalog.isUnder(catalog.get(s), "s-data-and-ai")
                          || catalog.isUnder(catalog.get(s), "s-software-engineering"))
              .toList();
      if (topics.isEmpty()) {
        continue;
      }
      String topic = pick(rng, topics);
      String domain = pick(rng, DemoTables.PAPER_DOMAINS);
      String template = templates[rng.nextInt(templates.length)];
      String topicName = catalog.get(topic).name();
      String title =
          template.startsWith("Improving")
              ? String.format(template, capitalise(domain), topicName)
              : String.format(template, topicName, domain);
      if (!titles.add(title)) {
        continue;
      }
      String id = String.format(Locale.ROOT, "pub%04d", pubs.size() + 1);
      pubs.add(new Publication(id, title, year, pick(rng, DemoTables.VENUES)));
      // co-authors: teammates first, then the research pool, all employed that year
      List<Person> authors = new ArrayList<>(List.of(first));
      int coauthors = rng.nextInt(5);
      for (int k = 0; k < coauthors * 4 && authors.size() < coauthors + 1; k++) {
        Person c;
        if (rng.nextDouble() < 0.65) {
          List<Person> mates = people.stream().filter(q -> q.teamIndex == first.teamIndex).toList();
          c = pick(rng, mates);
        } else {
          c = weighted(rng, pool);
        }
        if (!authors.contains(c) && c.activeOn(mid)) {
          authors.add(c);
        }
      }
      authors.forEach(a -> authored.add(new Authored(a.id, id)));
      Set<String> aboutSkills = new HashSet<>(List.of(topic));
      about.add(new About(id, topic));
      String second = pick(rng, topics);
      if (!aboutSkills.contains(second) && rng.nextDouble() < 0.5) {
        aboutSkills.add(second);
        about.add(new About(id, second));
      }
      // a paper is evidence of its topic for every author
      for (Person a : authors) {
        int level = Math.max(3, a.levels.getOrDefault(topic, 0));
        giveSkill(a, topic, level, "publication " + id + ": " + title, mid);
        if (a.levels.get(topic) == level) {
          a.evidence.put(topic, "publication " + id + ": " + title);
        }
      }
    }
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  // ---------------------------------------------------------------- collaborations

  /** COLLABORATED_WITH for every pair who shared a project (with overlapping time) or a paper. */
  private List<Collaboration> makeCollaborations(
      List<Project> projects,
      List<WorkedOn> workedOn,
      List<Publication> pubs,
      List<Authored> authored) {
    record Span(String expert, LocalDate from, LocalDate to) {}
    Map<String, List<Span>> byProject = new LinkedHashMap<>();
    for (WorkedOn w : workedOn) {
      byProject
          .computeIfAbsent(w.projectId(), k -> new ArrayList<>())
          .add(new Span(w.expertId(), w.from(), w.to() == null ? asOf : w.to()));
    }
    TreeMap<String, int[]> pairs = new TreeMap<>(); // "a|b" -> count, firstYear, lastYear
    byProject
        .values()
        .forEach(
            members -> {
              for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                  Span a = members.get(i);
                  Span b = members.get(j);
                  LocalDate from = a.from().isAfter(b.from()) ? a.from() : b.from();
                  LocalDate to = a.to().isBefore(b.to()) ? a.to() : b.to();
                  if (from.isBefore(to)) {
                    addPair(pairs, a.expert(), b.expert(), from.getYear(), to.getYear());
                  }
                }
              }
            });
    Map<String, Integer> yearOf = new HashMap<>();
    pubs.forEach(p -> yearOf.put(p.id(), p.year()));
    Map<String, List<String>> authorsOf = new LinkedHashMap<>();
    authored.forEach(
        a ->
            authorsOf.computeIfAbsent(a.publicationId(), k -> new ArrayList<>()).add(a.expertId()));
    authorsOf.forEach(
        (pub, authors) -> {
          for (int i = 0; i < authors.size(); i++) {
            for (int j = i + 1; j < authors.size(); j++) {
              addPair(pairs, authors.get(i), authors.get(j), yearOf.get(pub), yearOf.get(pub));
            }
          }
        });
    List<Collaboration> out = new ArrayList<>(pairs.size());
    pairs.forEach(
        (key, v) -> {
          int bar = key.indexOf('|');
          out.add(
              new Collaboration(key.substring(0, bar), key.substring(bar + 1), v[0], v[1], v[2]));
        });
    return out;
  }

  private static void addPair(
      Map<String, int[]> pairs, String x, String y, int firstYear, int lastYear) {
    String key = x.compareTo(y) < 0 ? x + "|" + y : y + "|" + x;
    int[] v = pairs.get(key);
    if (v == null) {
      pairs.put(key, new int[] {1, firstYear, lastYear});
    } else {
      v[0]++;
      v[1] = Math.min(v[1], firstYear);
      v[2] = Math.max(v[2], lastYear);
    }
  }

  // ---------------------------------------------------------------- teams, managers, mentors

  private void makeMemberships(List<Membership> memberships, List<Manages> manages) {
    for (Person p : people) {
      memberships.add(new Membership(p.id, teams.get(p.teamIndex).id(), p.hiredAt, p.departedAt));
    }
    // the most senior current member manages the team (ties: longest tenure)
    for (int t = 0; t < teams.size(); t++) {
      final int team = t;
      people.stream()
          .filter(p -> p.teamIndex == team && p.departedAt == null)
          .max(
              Comparator.comparingInt((Person p) -> p.grade)
                  .thenComparing(p -> p.hiredAt, Comparator.reverseOrder()))
          .ifPresent(m -> manages.add(new Manages(m.id, teams.get(team).id())));
    }
  }

  private List<Mentorship> makeMentorships(SplittableRandom rng) {
    List<Mentorship> out = new ArrayList<>();
    Map<String, Integer> load = new HashMap<>();
    for (Person mentee : people) {
      if (mentee.departedAt != null || mentee.grade > 2 || rng.nextDouble() >= 0.4) {
        continue;
      }
      List<Person> sameTeam = new ArrayList<>();
      List<Person> sameDept = new ArrayList<>();
      for (Person m : people) {
        if (m.departedAt == null && m.grade >= 4 && load.getOrDefault(m.id, 0) < 3) {
          if (m.teamIndex == mentee.teamIndex) {
            sameTeam.add(m);
          } else if (m.dept == mentee.dept) {
            sameDept.add(m);
          }
        }
      }
      List<Person> options =
          !sameTeam.isEmpty() && rng.nextDouble() < 0.7
              ? sameTeam
              : sameDept.isEmpty() ? sameTeam : sameDept;
      if (options.isEmpty()) {
        continue;
      }
      Person mentor = pick(rng, options);
      load.merge(mentor.id, 1, Integer::sum);
      LocalDate from = mentee.hiredAt.isAfter(mentor.hiredAt) ? mentee.hiredAt : mentor.hiredAt;
      out.add(new Mentorship(mentor.id, mentee.id, randomDate(rng, from, asOf)));
    }
    return out;
  }

  // ---------------------------------------------------------------- recruiting

  /** Everything the recruiting phase produces (ADR 0006). */
  private static final class Recruiting {
    final List<JobOpening> openings = new ArrayList<>();
    final List<HiringTeam> hiringTeams = new ArrayList<>();
    final List<Candidate> candidates = new ArrayList<>();
    final List<HasSkill> candidateSkills = new ArrayList<>();
    final List<Application> applications = new ArrayList<>();
    final List<StageChange> stageChanges = new ArrayList<>();
    final List<Assessment> assessments = new ArrayList<>();
    final List<Measured> measured = new ArrayList<>();
    final List<Interview> interviews = new ArrayList<>();
    final List<Feedback> feedback = new ArrayList<>();
    final List<Expert> hiredExperts = new ArrayList<>();
    final List<Membership> hiredMemberships = new ArrayList<>();
    final List<Personal> hiredPersonal = new ArrayList<>();

    /** Voluntary demographics some candidates gave (ADR 0017), keyed by candidate id. */
    final List<Personal> candidateDemographics = new ArrayList<>();
  }

  /** What the generator knows about an external candidate beyond the written record. */
  private record CandidateInfo(
      int index,
      String firstName,
      String lastName,
      boolean female,
      Country country,
      double years,
      double aptitude,
      Map<String, Integer> levels) {}

  /** An opening while its applications are simulated. */
  private static final class OpeningPlan {
    int index;
    String id;
    int team;
    Department dept;
    Family family;
    int grade;
    String plannedStatus;
    LocalDate postedAt;
    int rounds;
    int headcount;
    String remotePolicy;
    String location;
    Map<String, Integer> req;
    List<String> required;
    String manager;
    List<String> interviewers;
    String recruiter;
    Set<String> hiringTeam;
  }

  /** One simulated event of an application: a stage move, an assessment or an interview. */
  private record Move(String to, Integer round, OffsetDateTime at, String actor, String reason) {}

  /**
   * The simulated path of one applicant through one opening, before the opening's fill truncates
   * it.
   */
  private static final class Trace {
    String label;
    double years;
    String applicantId;
    final List<Move> moves = new ArrayList<>();

    /**
     * measured levels per required skill, with the assessment's time and overall; null if not
     * reached.
     */
    Map<String, Integer> measuredLevels;

    OffsetDateTime assessedAt;
    double assessment;
    String assessor;
    String method;
    final List<Object[]> interviews = new ArrayList<>(); // round, at, interviewer, scores, overall

    String stage() {
      return moves.get(moves.size() - 1).to();
    }

    OffsetDateTime hiredAt() {
      Move last = moves.get(moves.size() - 1);
      return last.to().equals(Stage.HIRED.graph()) ? last.at() : null;
    }
  }

  static final List<String> COMPETENCIES =
      List.of("technical depth", "problem solving", "communication", "collaboration");
  private static final List<String> WITHDRAW_REASONS =
      List.of(
          "accepted another offer",
          "no longer interested",
          "personal reasons",
          "salary expectations");
  private static final List<String> DECLINE_REASONS =
      List.of(
          "declined offer: accepted another offer",
          "declined offer: compensation",
          "declined offer: relocation");

  /**
   * Openings with their hiring teams, external candidates and internal applicants, and each
   * application simulated stage by stage (the planted hire signal; see docs/demo-graph.md). The
   * first opening walks one applicant into each non-final stage and the second is filled, so every
   * stage exists even in the smallest demo.
   */
  private Recruiting makeHiring(
      SplittableRandom rng,
      List<Requires> requires,
      List<Manages> manages,
      List<Membership> memberships) {
    Recruiting out = new Recruiting();
    Map<String, String> managerOf = new HashMap<>();
    manages.forEach(m -> managerOf.put(m.teamId(), m.expertId()));
    Set<String> managers = new HashSet<>(managerOf.values());
    List<Person> recruiters =
        people.stream()
            .filter(
                p ->
                    p.departedAt == null
                        && p.dept.name().equals("People")
                        && p.family.title().equals("Recruiter"))
            .toList();

    int nOpenings = Math.max(8, settings.experts() / 10);
    List<OpeningPlan> plans = new ArrayList<>();
    for (int i = 0; i < nOpenings; i++) {
      OpeningPlan o = new OpeningPlan();
      o.index = i;
      o.team = rng.nextInt(teams.size());
      Team team = teams.get(o.team);
      o.dept = teamDept.get(o.team);
      Map<Family, Double> fam = new LinkedHashMap<>();
      o.dept.families().forEach(f -> fam.put(f, f.weight()));
      o.family = weighted(rng, fam);
      o.grade = 1 + rng.nextInt(5);
      double u = rng.nextDouble();
      o.plannedStatus =
          i == 0 ? "open" : i == 1 ? "closed" : u < 0.3 ? "open" : u < 0.9 ? "closed" : "on_hold";
      o.postedAt =
          switch (o.plannedStatus) {
            case "open" -> i == 0 ? asOf.minusDays(120) : asOf.minusDays(5 + rng.nextInt(146));
            case "closed" -> asOf.minusDays(60 + rng.nextInt(701));
            default -> asOf.minusDays(30 + rng.nextInt(171));
          };
      double r = rng.nextDouble();
      o.rounds = r < 0.1 ? 1 : r < 0.55 ? 2 : r < 0.9 ? 3 : 4;
      o.headcount = rng.nextDouble() < 0.12 ? 2 : 1;
      double w = rng.nextDouble();
      o.remotePolicy = w < 0.45 ? "onsite" : w < 0.85 ? "hybrid" : "remote";
      o.location =
          o.remotePolicy.equals("remote")
              ? "Remote (" + team.region() + ")"
              : team.city() + ", " + team.country();
      o.id = String.format(Locale.ROOT, "j%03d", i + 1);
      Map<String, Double> pool = new LinkedHashMap<>(expandPool(o.family.pool()));
      teamCore.get(o.team).keySet().forEach(k -> pool.merge(k, 3.0, Double::sum));
      int nReq = 3 + rng.nextInt(3);
      int nPref = 1 + rng.nextInt(3);
      o.req = new LinkedHashMap<>();
      for (int k = 0; k < (nReq + nPref) * 4 && o.req.size() < nReq + nPref; k++) {
        o.req.putIfAbsent(weighted(rng, pool), clamp(1 + (o.grade + 1) / 2 + rng.nextInt(2), 1, 5));
      }
      o.required = new ArrayList<>();
      int k = 0;
      for (Map.Entry<String, Integer> e : o.req.entrySet()) {
        boolean req = k++ < nReq;
        requires.add(new Requires(Labels.JOB_OPENING, o.id, e.getKey(), e.getValue(), req));
        if (req) {
          o.required.add(e.getKey());
        }
      }
      // the hiring team: the team's manager, 1-3 interviewers from the team (then the department),
      // maybe a recruiter
      String mgr = managerOf.get(team.id());
      if (mgr == null) {
        mgr =
            people.stream()
                .filter(p -> p.departedAt == null && p.dept == o.dept)
                .max(
                    Comparator.comparingInt((Person p) -> p.grade)
                        .thenComparing(p -> p.hiredAt, Comparator.reverseOrder()))
                .map(p -> p.id)
                .orElseThrow();
      }
      o.manager = mgr;
      o.hiringTeam = new LinkedHashSet<>(List.of(mgr));
      out.hiringTeams.add(new HiringTeam(mgr, o.id, "hiring_manager"));
      final String manager = mgr;
      List<Person> mates =
          people.stream()
              .filter(
                  p ->
                      p.departedAt == null
                          && p.teamIndex == o.team
                          && p.grade >= 2
                          && !p.id.equals(manager))
              .toList();
      List<Person> deptMates =
          people.stream()
              .filter(
                  p ->
                      p.departedAt == null
                          && p.dept == o.dept
                          && p.teamIndex != o.team
                          && p.grade >= 3)
              .toList();
      int nInterviewers = 1 + rng.nextInt(3);
      o.interviewers = new ArrayList<>();
      for (int a = 0; a < nInterviewers * 4 && o.interviewers.size() < nInterviewers; a++) {
        List<Person> from =
            !mates.isEmpty() && (rng.nextDouble() < 0.75 || deptMates.isEmpty())
                ? mates
                : deptMates;
        if (from.isEmpty()) {
          break;
        }
        Person p = pick(rng, from);
        if (o.hiringTeam.add(p.id)) {
          o.interviewers.add(p.id);
          out.hiringTeams.add(new HiringTeam(p.id, o.id, "interviewer"));
        }
      }
      if (o.interviewers.isEmpty()) { // a tiny department: the manager interviews alone
        o.interviewers.add(mgr);
      }
      if (!recruiters.isEmpty() && rng.nextDouble() < 0.7) {
        Person rec = pick(rng, recruiters);
        if (o.hiringTeam.add(rec.id)) {
          o.recruiter = rec.id;
          out.hiringTeams.add(new HiringTeam(rec.id, o.id, "recruiter"));
        }
      }
      plans.add(o);
    }

    // external candidates, each aimed at a department
    int nCandidates = Math.max(80, settings.experts() / 2);
    Map<String, List<Integer>> candidatesByDept = new LinkedHashMap<>();
    List<CandidateInfo> infos = new ArrayList<>();
    for (int i = 0; i < nCandidates; i++) {
      Department dept = DemoTables.DEPARTMENTS.get(rng.nextInt(DemoTables.DEPARTMENTS.size()));
      Family family = pick(rng, dept.families());
      Country c = pickCountry(rng);
      boolean female = rng.nextDouble() < 0.47;
      String first = pick(rng, female ? c.names().female() : c.names().male());
      String last = pick(rng, c.names().last());
      if (c.names() == DemoTables.POLISH && female) {
        last = last.replaceAll("ski$", "ska").replaceAll("cki$", "cka");
      }
      String id = String.format(Locale.ROOT, "cand%04d", i + 1);
      candidatesByDept.computeIfAbsent(dept.name(), k -> new ArrayList<>()).add(i);
      candidatesByDept
          .computeIfAbsent(dept.name() + "|" + family.title(), k -> new ArrayList<>())
          .add(i);
      // a candidate's skills: their job family's, plus what one team of the department works on
      Map<String, Double> pool = new LinkedHashMap<>(expandPool(family.pool()));
      List<Integer> deptTeams = new ArrayList<>();
      for (int t = 0; t < teams.size(); t++) {
        if (teamDept.get(t) == dept) {
          deptTeams.add(t);
        }
      }
      if (!deptTeams.isEmpty()) {
        teamCore.get(pick(rng, deptTeams)).keySet().forEach(k -> pool.merge(k, 3.0, Double::sum));
      }
      Map<String, Integer> levels = new LinkedHashMap<>();
      int n = 5 + rng.nextInt(9);
      double years = rng.nextDouble() * 15;
      double aptitude = gaussian(rng);
      for (int k = 0; k < n * 4 && levels.size() < n; k++) {
        levels.putIfAbsent(
            weighted(rng, pool),
            clamp(
                (int) Math.round(1.3 + 0.18 * years + 0.4 * aptitude + 0.7 * gaussian(rng)), 1, 5));
      }
      out.candidates.add(
          new Candidate(
              id, first + " " + last, c.name(), c.region(), Math.round(years * 10) / 10.0));
      infos.add(new CandidateInfo(i, first, last, female, c, years, aptitude, levels));
      // about 60% answer the voluntary questions; a generator of its own, so the rest of the demo
      // is drawn exactly as without them
      SplittableRandom voluntary =
          new SplittableRandom(settings.seed() * 41 + 7_000_003L * (i + 1));
      if (voluntary.nextDouble() < 0.6) {
        double g = voluntary.nextDouble();
        out.candidateDemographics.add(
            new Personal(
                id,
                new java.util.TreeMap<>(
                    Map.of(
                        VoluntaryDemographics.GENDER,
                        g < 0.02 ? "non-binary" : female ? "female" : "male",
                        VoluntaryDemographics.AGE_BAND,
                        22 + years + 1.5 < 40 ? "under-40" : "40-and-over",
                        VoluntaryDemographics.PURPOSE_FIELD,
                        VoluntaryDemographics.PURPOSE,
                        VoluntaryDemographics.GIVEN_AT,
                        asOf.toString()))));
      }
      LocalDate since = asOf.minusDays(rng.nextInt(3650));
      levels.forEach(
          (s, l) ->
              out.candidateSkills.add(new HasSkill(Labels.CANDIDATE, id, s, l, "resume", since)));
    }

    Set<String> hiredCandidates = new HashSet<>();
    Set<String> movedInternally = new HashSet<>();
    Map<String, Integer> membershipIndex = new HashMap<>();
    for (int m = 0; m < memberships.size(); m++) {
      membershipIndex.put(memberships.get(m).expertId(), m);
    }
    OffsetDateTime endOfDemo = OffsetDateTime.of(asOf, LocalTime.of(23, 59), ZoneOffset.UTC);
    for (OpeningPlan o : plans) {
      OffsetDateTime cutoff =
          o.plannedStatus.equals("on_hold")
              ? OffsetDateTime.of(
                  randomDate(rng, o.postedAt.plusDays(14), asOf),
                  LocalTime.of(18, 0),
                  ZoneOffset.UTC)
              : endOfDemo;
      int n =
          switch (o.plannedStatus) {
            case "open" -> o.index == 0 ? 8 : 3 + rng.nextInt(15);
            case "closed" -> 5 + rng.nextInt(14);
            default -> 1 + rng.nextInt(6);
          };
      List<String> script =
          o.index == 0
              ? List.of(
                  Stage.APPLIED.graph(),
                  Stage.SCREENED.graph(),
                  Stage.ASSESSMENT.graph(),
                  Stage.INTERVIEW.graph(),
                  Stage.OFFER.graph(),
                  Stage.REJECTED.graph(),
                  Stage.WITHDRAWN.graph(),
                  Stage.INTERVIEW.graph())
              : null;
      List<Trace> traces = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      List<Integer> deptCandidates = candidatesByDept.getOrDefault(o.dept.name(), List.of());
      List<Integer> familyCandidates =
          candidatesByDept.getOrDefault(o.dept.name() + "|" + o.family.title(), List.of());
      LocalDate arrivalFrom = o.postedAt;
      int wanted = n;
      int hires = 0;
      // a planned-closed opening takes applicants in waves until its headcount is hired (or time
      // runs out)
      for (int wave = 0; wave < 6; wave++) {
        long room = Math.max(1, ChronoUnit.DAYS.between(arrivalFrom, asOf));
        for (int k = 0; k < wanted * 8 && traces.size() < n; k++) {
          Trace t = new Trace();
          Map<String, Integer> levels;
          double years;
          double aptitude;
          if (rng.nextDouble() < 0.15) {
            LocalDate postedAt = o.postedAt;
            List<Person> internal =
                people.stream()
                    .filter(
                        p ->
                            p.departedAt == null
                                && p.dept == o.dept
                                && p.grade >= o.grade - 2
                                && p.grade <= o.grade
                                && p.teamIndex != o.team
                                && p.hiredAt.isBefore(postedAt)
                                && !managers.contains(p.id)
                                && !o.hiringTeam.contains(p.id)
                                && !movedInternally.contains(p.id))
                    .toList();
            if (internal.isEmpty()) {
              continue;
            }
            Person p = pick(rng, internal);
            t.label = Labels.EXPERT;
            t.applicantId = p.id;
            levels = p.levels;
            years = Math.max(0, ChronoUnit.DAYS.between(p.birthDate, o.postedAt) / 365.25 - 22);
            aptitude = p.talent;
          } else {
            // people apply where they roughly fit: mostly the opening's job family, else its
            // department,
            // sometimes anything; the best fitting of three such candidates applies
            int ci = -1;
            for (int draw = 0; draw < 3; draw++) {
              double v = rng.nextDouble();
              List<Integer> from =
                  v < 0.65 && !familyCandidates.isEmpty()
                      ? familyCandidates
                      : v < 0.9 && !deptCandidates.isEmpty() ? deptCandidates : null;
              int x = from == null ? rng.nextInt(infos.size()) : pick(rng, from);
              if (ci < 0
                  || coverage(o.req, o.required, infos.get(x).levels())
                      > coverage(o.req, o.required, infos.get(ci).levels())) {
                ci = x;
              }
            }
            CandidateInfo c = infos.get(ci);
            t.label = Labels.CANDIDATE;
            t.applicantId = out.candidates.get(ci).id();
            if (hiredCandidates.contains(t.applicantId)) {
              continue;
            }
            levels = c.levels();
            years = c.years();
            aptitude = c.aptitude();
          }
          if (!seen.add(t.applicantId)) {
            continue;
          }
          LocalDate appliedAt = arrivalFrom.plusDays(rng.nextInt((int) Math.min(room, 30)));
          if (appliedAt.isAfter(cutoff.toLocalDate())) {
            appliedAt = cutoff.toLocalDate();
          }
          String target = script == null ? null : script.get(traces.size() % script.size());
          t.years = Math.round(years * 10) / 10.0;
          simulate(rng, o, t, levels, years, aptitude, appliedAt, cutoff, target);
          traces.add(t);
        }
        hires = (int) traces.stream().filter(t -> t.hiredAt() != null).count();
        if (!o.plannedStatus.equals("closed") || hires >= o.headcount) {
          break;
        }
        arrivalFrom =
            traces.stream()
                .map(t -> t.moves.get(0).at().toLocalDate())
                .max(Comparator.naturalOrder())
                .orElse(o.postedAt)
                .plusDays(7 + rng.nextInt(14));
        if (arrivalFrom.isAfter(asOf.minusDays(30))) {
          break;
        }
        wanted = 3 + rng.nextInt(4);
        n = traces.size() + wanted;
      }

      // the opening fills with its headcount-th hire: every other application still running is
      // closed then
      List<Trace> hired =
          traces.stream()
              .filter(t -> t.hiredAt() != null)
              .sorted(Comparator.comparing(Trace::hiredAt))
              .toList();
      OffsetDateTime closedAt =
          hired.size() >= o.headcount ? hired.get(o.headcount - 1).hiredAt() : null;
      if (closedAt != null) {
        traces.forEach(t -> truncate(t, closedAt));
        traces.removeIf(
            t -> t.moves.isEmpty()); // arrived after the opening was filled: never applied
        for (Trace t : traces) {
          if (!FINAL_STAGES.contains(t.stage())) {
            t.moves.add(
                new Move(
                    Stage.REJECTED.graph(),
                    null,
                    closedAt.plusMinutes(30),
                    o.manager,
                    "position filled"));
          }
        }
      }
      String status =
          closedAt != null ? "closed" : o.plannedStatus.equals("on_hold") ? "on_hold" : "open";
      Team team = teams.get(o.team);
      JobOpening opening =
          new JobOpening(
              o.id,
              title(o.dept, o.family, o.grade, false),
              o.dept.name(),
              team.id(),
              team.country(),
              team.region(),
              team.city(),
              o.grade,
              status,
              o.postedAt,
              closedAt == null ? null : closedAt.toLocalDate(),
              o.rounds,
              o.headcount,
              o.location,
              o.remotePolicy);
      out.openings.add(opening);
      for (Trace t : traces) {
        write(out, o, opening, t);
        OffsetDateTime hiredAt = t.hiredAt();
        if (hiredAt == null) {
          continue;
        }
        LocalDate day = hiredAt.toLocalDate();
        if (t.label.equals(Labels.CANDIDATE)) {
          hiredCandidates.add(t.applicantId);
          CandidateInfo c = infos.get(Integer.parseInt(t.applicantId.substring(4)) - 1);
          String city =
              c.country().name().equals(team.country()) ? team.city() : c.country().cities().get(0);
          out.hiredExperts.add(
              new Expert(
                  t.applicantId,
                  c.firstName() + " " + c.lastName(),
                  opening.title(),
                  o.dept.name(),
                  team.id(),
                  c.country().name(),
                  c.country().region(),
                  city,
                  o.grade,
                  day,
                  "active",
                  null,
                  null));
          out.hiredMemberships.add(new Membership(t.applicantId, team.id(), day, null));
          int age = (int) Math.round(22 + c.years() + 1.5);
          out.hiredPersonal.add(
              personal(
                  t.applicantId,
                  c.firstName(),
                  c.lastName(),
                  c.country(),
                  c.country().name(),
                  c.female() ? "female" : "male",
                  asOf.minusYears(age).minusDays(c.index() % 365),
                  o.grade,
                  new SplittableRandom(settings.seed() * 37 + 1_000_003L * (c.index() + 1))));
        } else { // an internal move: the old MEMBER_OF is replaced by the new team's, since the
          // move
          movedInternally.add(t.applicantId);
          Person p =
              people.stream().filter(x -> x.id.equals(t.applicantId)).findFirst().orElseThrow();
          p.teamIndex = o.team;
          memberships.set(membershipIndex.get(p.id), new Membership(p.id, team.id(), day, null));
        }
      }
    }
    return out;
  }

  /**
   * Coverage of an opening's skills: required count 1, preferred 0.5, each capped at the level
   * asked for.
   */
  static double coverage(
      Map<String, Integer> req, List<String> required, Map<String, Integer> levels) {
    double fit = 0;
    double weight = 0;
    for (Map.Entry<String, Integer> e : req.entrySet()) {
      double w = required.contains(e.getKey()) ? 1.0 : 0.5;
      fit += w * Math.min(1.0, levels.getOrDefault(e.getKey(), 0) / (double) e.getValue());
      weight += w;
    }
    return fit / weight;
  }

  /**
   * One applicant through one opening, stage by stage, until a final stage or the cutoff (today, or
   * the day the opening was put on hold). {@code target} scripts the path (the first opening's
   * showcase applicants): pass every decision up to that stage and stop there (rejected: at the
   * assessment; withdrawn: once screened).
   */
  private void simulate(
      SplittableRandom rng,
      OpeningPlan o,
      Trace t,
      Map<String, Integer> levels,
      double years,
      double aptitude,
      LocalDate appliedAt,
      OffsetDateTime cutoff,
      String target) {
    double cov = coverage(o.req, o.required, levels);
    double exp = Math.min(years, 15) - 5;
    String screener = o.recruiter != null ? o.recruiter : o.manager;
    OffsetDateTime at = at(rng, appliedAt);
    if (at.isAfter(cutoff)) {
      at = cutoff.minusHours(2);
    }
    t.moves.add(new Move(Stage.APPLIED.graph(), null, at, SOURCE, null));
    // screening: skills on paper and experience
    at = at(rng, at.toLocalDate().plusDays(1 + rng.nextInt(6)));
    if (at.isAfter(cutoff) || Stage.APPLIED.graph().equals(target)) {
      return;
    }
    if (target == null && rng.nextDouble() < 0.04) {
      t.moves.add(new Move(Stage.WITHDRAWN.graph(), null, at, SOURCE, pick(rng, WITHDRAW_REASONS)));
      return;
    }
    boolean pass =
        target != null || rng.nextDouble() < sigmoid(0.2 + 5.0 * (cov - 0.55) + 0.08 * exp);
    if (!pass) {
      t.moves.add(
          new Move(
              Stage.REJECTED.graph(),
              null,
              at,
              screener,
              cov < 0.5
                  ? "skills below requirement"
                  : exp < -2 ? "not enough experience" : "other applicants matched better"));
      return;
    }
    t.moves.add(new Move(Stage.SCREENED.graph(), null, at, screener, null));
    at = at(rng, at.toLocalDate().plusDays(1 + rng.nextInt(5)));
    if (at.isAfter(cutoff) || Stage.SCREENED.graph().equals(target)) {
      return;
    }
    if (Stage.WITHDRAWN.graph().equals(target) || target == null && rng.nextDouble() < 0.04) {
      t.moves.add(new Move(Stage.WITHDRAWN.graph(), null, at, SOURCE, pick(rng, WITHDRAW_REASONS)));
      return;
    }
    t.moves.add(new Move(Stage.ASSESSMENT.graph(), null, at, screener, null));
    // the assessment measures each required skill near the applicant's true level
    OffsetDateTime assessedAt = at(rng, at.toLocalDate().plusDays(2 + rng.nextInt(5)));
    if (assessedAt.isAfter(cutoff) || Stage.ASSESSMENT.graph().equals(target)) {
      return;
    }
    t.measuredLevels = new LinkedHashMap<>();
    double ratio = 0;
    for (String skill : o.required) {
      int level =
          clamp((int) Math.round(levels.getOrDefault(skill, 0) + 0.7 * gaussian(rng)), 1, 5);
      t.measuredLevels.put(skill, level);
      ratio += Math.min(1.0, level / (double) o.req.get(skill));
    }
    t.assessment = round2(clamp01(ratio / o.required.size()) * 4 + 1);
    t.assessedAt = assessedAt;
    t.assessor = pick(rng, o.interviewers);
    t.method =
        o.dept.technical()
            ? pick(rng, List.of("take-home", "coding test", "pair programming"))
            : pick(rng, List.of("case study", "work sample", "presentation"));
    at = at(rng, assessedAt.toLocalDate().plusDays(1 + rng.nextInt(3)));
    if (at.isAfter(cutoff)) {
      return;
    }
    pass =
        Stage.REJECTED.graph().equals(target)
            ? false
            : target != null
                || rng.nextDouble()
                    < sigmoid(0.4 + 1.6 * (t.assessment - 3) + 1.5 * (cov - 0.6) + 0.05 * exp);
    if (!pass) {
      t.moves.add(
          new Move(Stage.REJECTED.graph(), null, at, o.manager, "assessment below the bar"));
      return;
    }
    // interview rounds: the last one with the hiring manager
    for (int round = 1; round <= o.rounds; round++) {
      t.moves.add(new Move(Stage.INTERVIEW.graph(), round, at, o.manager, null));
      OffsetDateTime interviewedAt = at(rng, at.toLocalDate().plusDays(2 + rng.nextInt(7)));
      if (interviewedAt.isAfter(cutoff) || Stage.INTERVIEW.graph().equals(target)) {
        return;
      }
      String interviewer =
          round == o.rounds && o.rounds > 1
              ? o.manager
              : o.interviewers.get((round - 1) % o.interviewers.size());
      List<Integer> scores = new ArrayList<>();
      for (String c : COMPETENCIES) {
        double skillWeight =
            switch (c) {
              case "technical depth" -> 2.5;
              case "problem solving" -> 1.2;
              default -> 0.3;
            };
        scores.add(
            clamp(
                (int)
                    Math.round(
                        3 + 0.8 * aptitude + skillWeight * (cov - 0.6) + 0.6 * gaussian(rng)),
                1,
                5));
      }
      double overall = round2(scores.stream().mapToInt(Integer::intValue).average().orElseThrow());
      t.interviews.add(new Object[] {round, interviewedAt, interviewer, scores, overall});
      at = at(rng, interviewedAt.toLocalDate().plusDays(1 + rng.nextInt(3)));
      if (at.isAfter(cutoff)) {
        return;
      }
      if (target == null && rng.nextDouble() < 0.03) {
        t.moves.add(
            new Move(Stage.WITHDRAWN.graph(), null, at, SOURCE, pick(rng, WITHDRAW_REASONS)));
        return;
      }
      pass =
          target != null
              || rng.nextDouble()
                  < sigmoid(0.6 + 1.7 * (overall - 3) + 0.6 * (t.assessment - 3) + 0.05 * exp);
      if (!pass) {
        t.moves.add(
            new Move(
                Stage.REJECTED.graph(),
                null,
                at,
                o.manager,
                "not a fit after interview round " + round));
        return;
      }
    }
    t.moves.add(new Move(Stage.OFFER.graph(), null, at, o.manager, null));
    // the offer: most accept, some decline (withdrawn from the offer stage)
    at = at(rng, at.toLocalDate().plusDays(3 + rng.nextInt(10)));
    if (at.isAfter(cutoff) || Stage.OFFER.graph().equals(target)) {
      return;
    }
    if (rng.nextDouble() < 0.8) {
      t.moves.add(new Move(Stage.HIRED.graph(), null, at, o.manager, null));
    } else {
      t.moves.add(new Move(Stage.WITHDRAWN.graph(), null, at, SOURCE, pick(rng, DECLINE_REASONS)));
    }
  }

  /** Drops every move, assessment and interview after {@code end}. */
  private static void truncate(Trace t, OffsetDateTime end) {
    t.moves.removeIf(m -> m.at().isAfter(end));
    if (t.assessedAt != null && t.assessedAt.isAfter(end)) {
      t.measuredLevels = null;
      t.assessedAt = null;
    }
    t.interviews.removeIf(i -> ((OffsetDateTime) i[1]).isAfter(end));
  }

  /** A working-hours time on {@code day}, UTC. */
  private static OffsetDateTime at(SplittableRandom rng, LocalDate day) {
    return OffsetDateTime.of(
        day, LocalTime.of(8 + rng.nextInt(9), rng.nextInt(60)), ZoneOffset.UTC);
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double clamp01(double v) {
    return Math.max(0, Math.min(1, v));
  }

  /**
   * The records of one trace: the application, its moves, assessment and interviews with their
   * feedback.
   */
  private void write(Recruiting out, OpeningPlan o, JobOpening opening, Trace t) {
    String appId = String.format(Locale.ROOT, "a%05d", out.applications.size() + 1);
    String stage = t.stage();
    Move last = t.moves.get(t.moves.size() - 1);
    boolean fin = FINAL_STAGES.contains(stage);
    out.applications.add(
        new Application(
            appId,
            t.label,
            t.applicantId,
            o.id,
            stage,
            stage.equals(Stage.INTERVIEW.graph()) ? last.round() : null,
            t.moves.get(0).at().toLocalDate(),
            last.at().toLocalDate(),
            fin ? last.at().toLocalDate() : null,
            t.years));
    String prev = null;
    for (int i = 0; i < t.moves.size(); i++) {
      Move m = t.moves.get(i);
      out.stageChanges.add(
          new StageChange(
              appId + "-" + (i + 1),
              appId,
              i + 1,
              prev,
              m.to(),
              m.round(),
              m.at(),
              m.actor(),
              m.reason()));
      prev = m.to();
    }
    if (t.assessedAt != null) {
      String id = "as-" + appId;
      out.assessments.add(
          new Assessment(id, appId, t.assessedAt, t.method, t.assessor, t.assessment));
      t.measuredLevels.forEach((skill, level) -> out.measured.add(new Measured(id, skill, level)));
    }
    SplittableRandom words = new SplittableRandom(settings.seed() * 41 + out.applications.size());
    String skillName = catalog.get(o.required.get(0)).name();
    for (Object[] iv : t.interviews) {
      int round = (Integer) iv[0];
      @SuppressWarnings("unchecked")
      List<Integer> scores = (List<Integer>) iv[3];
      double overall = (Double) iv[4];
      String rec =
          overall >= 4 ? "strong_yes" : overall >= 3 ? "yes" : overall >= 2.25 ? "no" : "strong_no";
      String id = "iv-" + appId + "-" + round;
      out.interviews.add(
          new Interview(
              id,
              appId,
              round,
              (OffsetDateTime) iv[1],
              (String) iv[2],
              COMPETENCIES,
              List.copyOf(scores),
              overall,
              rec));
      out.feedback.add(new Feedback(id, feedback(words, scores, rec, skillName)));
    }
  }

  private static final Map<String, String[][]> FEEDBACK = new LinkedHashMap<>();

  static {
    FEEDBACK.put(
        "technical depth",
        new String[][] {
          {"Could not show working knowledge of %s.", "Answers on %s stayed vague."},
          {
            "Struggled with %s beyond the basics.", "Knows the vocabulary of %s, less the practice."
          },
          {
            "Adequate %s fundamentals, with gaps under follow-up questions.",
            "Solid on the basics of %s."
          },
          {
            "Good command of %s; answered the follow-ups well.",
            "Has clearly used %s in production."
          },
          {
            "Deep command of %s; explained the trade-offs without prompting.",
            "Taught me something about %s."
          }
        });
    FEEDBACK.put(
        "problem solving",
        new String[][] {
          {"Did not get to a workable approach on the exercise."},
          {"Needed many hints to structure the problem."},
          {"Reached a reasonable solution with some help."},
          {"Broke the problem down cleanly and checked edge cases."},
          {"Found an elegant solution and discussed alternatives."}
        });
    FEEDBACK.put(
        "communication",
        new String[][] {
          {"Hard to follow."},
          {"Explanations were often unclear."},
          {"Communicated clearly enough."},
          {"Clear and concise throughout."},
          {"Exceptionally clear; adapted the explanation to the audience."}
        });
    FEEDBACK.put(
        "collaboration",
        new String[][] {
          {"Dismissive of other views."},
          {"Worked mostly alone when a team effort was asked for."},
          {"Takes feedback on board."},
          {"Built on my suggestions and asked good questions."},
          {"Would raise the team's game; strong examples of helping others."}
        });
  }

  /** Generated feedback text: one sentence per competency by its score, then the recommendation. */
  private static String feedback(
      SplittableRandom rng, List<Integer> scores, String recommendation, String skillName) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < COMPETENCIES.size(); i++) {
      String[] options = FEEDBACK.get(COMPETENCIES.get(i))[scores.get(i) - 1];
      b.append(String.format(Locale.ROOT, options[rng.nextInt(options.length)], skillName))
          .append(' ');
    }
    b.append(
        switch (recommendation) {
          case "strong_yes" -> "Strong hire.";
          case "yes" -> "Hire.";
          case "no" -> "No hire.";
          default -> "Strong no hire.";
        });
    return b.toString();
  }

  // ---------------------------------------------------------------- contests

  private static final String[] CONTEST_TOO_HIGH = {
    "I have not used %s in years; level %d overstates it.",
    "%s was a one-off task, not a skill at level %d.",
    "Endorsed for %s by mistake; I never worked with it."
  };
  private static final String[] CONTEST_TOO_LOW = {
    "Level %2$d undersells my %1$s: I lead that work on my team.",
    "I hold a certification in %s; level %d is out of date."
  };

  /**
   * A few employees (one in a hundred, at least two) contest a skill their profile shows from
   * second-hand evidence (an endorsement, a manager's or a prior role); some contests are resolved
   * by their manager. The HAS_SKILL concerned is marked {@code contested: true} and otherwise kept
   * (ADR 0006: history stays).
   */
  private List<DemoData.Contest> makeContests(
      SplittableRandom rng, List<HasSkill> hasSkills, List<Manages> manages) {
    Map<String, String> managerOf = new HashMap<>();
    manages.forEach(m -> managerOf.put(m.teamId(), m.expertId()));
    Set<String> evidence = Set.of("peer endorsement", "manager assessment", "prior role");
    List<Integer> options = new ArrayList<>();
    for (int i = 0; i < hasSkills.size(); i++) {
      HasSkill h = hasSkills.get(i);
      if (h.ownerLabel().equals(Labels.EXPERT) && evidence.contains(h.evidence())) {
        options.add(i);
      }
    }
    Map<String, Person> byId = new HashMap<>();
    people.forEach(p -> byId.put(p.id, p));
    int n = Math.max(2, settings.experts() / 100);
    List<DemoData.Contest> out = new ArrayList<>();
    Set<String> contested = new HashSet<>();
    for (int k = 0; k < n * 10 && out.size() < n && !options.isEmpty(); k++) {
      int idx = pick(rng, options);
      HasSkill h = hasSkills.get(idx);
      Person p = byId.get(h.ownerId());
      if (p == null || p.departedAt != null || !contested.add(h.ownerId())) {
        continue;
      }
      String skillName = catalog.get(h.skillId()).name();
      boolean tooHigh = h.level() >= 3 || rng.nextDouble() < 0.5;
      String[] templates = tooHigh ? CONTEST_TOO_HIGH : CONTEST_TOO_LOW;
      String reason =
          String.format(
              Locale.ROOT, templates[rng.nextInt(templates.length)], skillName, h.level());
      OffsetDateTime at = at(rng, asOf.minusDays(5 + rng.nextInt(120)));
      double u = rng.nextDouble();
      String status = u < 0.55 ? "open" : u < 0.8 ? "upheld" : "dismissed";
      String manager = managerOf.getOrDefault(teams.get(p.teamIndex).id(), "admin");
      OffsetDateTime resolvedAt = null;
      if (!status.equals("open")) {
        resolvedAt = at(rng, at.toLocalDate().plusDays(2 + rng.nextInt(20)));
        if (resolvedAt.toLocalDate().isAfter(asOf)) {
          status = "open";
          resolvedAt = null;
        }
      }
      String resolution =
          switch (status) {
            case "upheld" ->
                tooHigh
                    ? "Upheld: the level is to be re-assessed; the endorsement stays in the history."
                    : "Upheld: the higher level is confirmed by the certificate.";
            case "dismissed" -> "Dismissed: recent project work shows the skill at this level.";
            default -> null;
          };
      out.add(
          new DemoData.Contest(
              String.format(Locale.ROOT, "con%03d", out.size() + 1),
              h.ownerId(),
              h.skillId(),
              reason,
              status,
              at,
              resolvedAt,
              resolvedAt == null ? null : manager.equals(h.ownerId()) ? "admin" : manager,
              resolution));
      hasSkills.set(
          idx,
          new HasSkill(
              h.ownerLabel(), h.ownerId(), h.skillId(), h.level(), h.evidence(), h.since(), true));
    }
    return out;
  }

  // ---------------------------------------------------------------- final records

  private List<Expert> finalExperts(List<Manages> manages) {
    Set<String> managers = new HashSet<>();
    manages.forEach(m -> managers.add(m.expertId()));
    List<Expert> out = new ArrayList<>(people.size());
    for (Person p : people) {
      Team team = teams.get(p.teamIndex);
      String city =
          p.country.name().equals(team.country()) ? team.city() : p.country.cities().get(0);
      out.add(
          new Expert(
              p.id,
              p.firstName + " " + p.lastName,
              title(p.dept, p.family, p.grade, managers.contains(p.id)),
              p.dept.name(),
              team.id(),
              p.country.name(),
              p.country.region(),
              city,
              p.grade,
              p.hiredAt,
              p.departedAt == null ? "active" : "departed",
              p.departedAt,
              p.departureReason));
    }
    return out;
  }

  static String title(Department d, Family f, int grade, boolean manager) {
    if (manager && grade >= 4) {
      return grade == 4
          ? d.noun() + " Manager"
          : grade == 5 ? "Senior " + d.noun() + " Manager" : "Director of " + d.noun();
    }
    String[] prefix = d.technical() ? DemoTables.TECH_PREFIX : DemoTables.BUSINESS_PREFIX;
    String p = prefix[grade - 1];
    return p == null ? "Director of " + d.noun() : p + f.title();
  }

  private Personal personal(Person p) {
    return personal(
        p.id,
        p.firstName,
        p.lastName,
        p.country,
        p.nationality,
        p.gender,
        p.birthDate,
        p.grade,
        new SplittableRandom(settings.seed() * 31 + p.index));
  }

  private Personal personal(
      String id,
      String firstName,
      String lastName,
      Country country,
      String nationality,
      String gender,
      LocalDate birthDate,
      int grade,
      SplittableRandom r) {
    Map<String, String> v = new LinkedHashMap<>();
    String number = id.startsWith("e") ? id.substring(1) : id;
    v.put(
        PersonalFields.EMAIL,
        ascii(firstName) + "." + ascii(lastName) + "." + number + "@talentgraph.example");
    v.put(
        PersonalFields.PHONE,
        country.phonePrefix() + " " + (100_000_000L + r.nextLong(900_000_000L)));
    v.put(PersonalFields.BIRTH_DATE, birthDate.toString());
    v.put(PersonalFields.GENDER, gender);
    double band =
        DemoTables.SALARY_BY_GRADE[grade - 1] * country.salaryFactor() * (1 + 0.08 * gaussian(r));
    v.put(PersonalFields.SALARY, Long.toString(Math.round(band / 500) * 500));
    int age = (int) ChronoUnit.YEARS.between(birthDate, asOf);
    double u = r.nextDouble();
    String marital =
        age < 28
            ? (u < 0.8 ? "single" : "married")
            : u < 0.35 ? "single" : u < 0.85 ? "married" : u < 0.97 ? "divorced" : "widowed";
    v.put(PersonalFields.MARITAL_STATUS, marital);
    v.put(PersonalFields.NATIONALITY, nationality);
    return new Personal(id, v);
  }

  private static String ascii(String s) {
    return Normalizer.normalize(s.replace("ł", "l").replace("Ł", "L"), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z]+", "");
  }

  // ---------------------------------------------------------------- random helpers

  /** Standard normal by Box-Muller, from two uniform draws (portable across JDKs). */
  static double gaussian(SplittableRandom rng) {
    double u1 = rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Poisson by Knuth's multiplication method; fine for the small means used here. */
  static int poisson(SplittableRandom rng, double mean) {
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= rng.nextDouble();
    } while (p > l);
    return k - 1;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  static <T> T pick(SplittableRandom rng, List<T> list) {
    return list.get(rng.nextInt(list.size()));
  }

  static <T> T weighted(SplittableRandom rng, Map<T, Double> weights) {
    double sum = 0;
    for (double w : weights.values()) {
      sum += w;
    }
    double x = rng.nextDouble() * sum;
    T last = null;
    for (Map.Entry<T, Double> e : weights.entrySet()) {
      last = e.getKey();
      x -= e.getValue();
      if (x < 0) {
        return last;
      }
    }
    return last;
  }

  static LocalDate randomDate(SplittableRandom rng, LocalDate from, LocalDate to) {
    long days = ChronoUnit.DAYS.between(from, to);
    return days <= 0 ? from : from.plusDays(rng.nextLong(days + 1));
  }
}
