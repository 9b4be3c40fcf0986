package dev.talentgraph.importers.demo;

import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.schema.places.Places;
import dev.talentgraph.schema.recruiting.Posting;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated demo graph held in memory, before it is written. Keeping generation apart from
 * writing lets the unit tests check the graph's invariants (referential integrity, acyclic
 * hierarchies, consistent enrolment levels, planted signals) in milliseconds without a database,
 * and lets the loader validate everything before the first write.
 *
 * <p>Each record knows its parameter row ({@code id}/{@code from}/{@code to} plus a {@code props}
 * map keyed by {@link Props} constants). A {@code null} property value removes the property when
 * written, so a re-load with other settings leaves no stale facts behind.
 */
public record DemoData(
    DemoSettings settings,
    List<Skill> skills,
    List<Related> related,
    List<Team> teams,
    List<Expert> experts,
    List<Personal> personal,
    List<Membership> memberships,
    List<Manages> manages,
    List<Mentorship> mentorships,
    List<HasSkill> hasSkills,
    List<Course> courses,
    List<Teaches> teaches,
    List<Prerequisite> prerequisites,
    List<Enrollment> enrollments,
    List<Project> projects,
    List<Requires> requires,
    List<WorkedOn> workedOn,
    List<Publication> publications,
    List<Authored> authored,
    List<About> about,
    List<Collaboration> collaborations,
    List<Review> reviews,
    List<Promotion> promotions,
    List<JobOpening> openings,
    List<HiringTeam> hiringTeams,
    List<Candidate> candidates,
    List<Application> applications,
    List<StageChange> stageChanges,
    List<Assessment> assessments,
    List<Measured> measured,
    List<Interview> interviews,
    List<Feedback> feedback,
    List<Contest> contests,
    /* voluntary demographics (schema.fairness.VoluntaryDemographics) some candidates gave */
    List<Personal> candidateDemographics) {

  /** Every entity and relationship that becomes a graph element, with its Cypher-facing row. */
  interface Row {
    Map<String, Object> row();
  }

  static Map<String, Object> node(String id, Map<String, Object> props) {
    Map<String, Object> m = new HashMap<>(4);
    m.put("id", id);
    m.put("props", props);
    return m;
  }

  static Map<String, Object> rel(String from, String to, Map<String, Object> props) {
    Map<String, Object> m = new HashMap<>(4);
    m.put("from", from);
    m.put("to", to);
    m.put("props", props);
    return m;
  }

  /** A property map that keeps nulls (they remove a property on write) and insertion order. */
  static Map<String, Object> props(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  public record Skill(
      String id,
      String name,
      List<String> aliases,
      String broaderId,
      boolean group,
      boolean assignable)
      implements Row {
    public Map<String, Object> row() {
      return node(
          id, props(Props.NAME, name, Props.ALIASES, aliases, Props.SOURCE, DemoGenerator.SOURCE));
    }
  }

  public record Related(String fromSkill, String toSkill) implements Row {
    public Map<String, Object> row() {
      return rel(fromSkill, toSkill, props(Props.SOURCE, DemoGenerator.SOURCE));
    }
  }

  public record Team(
      String id, String name, String department, String country, String region, String city)
      implements Row {
    public Map<String, Object> row() {
      return node(
          id,
          props(
              Props.NAME,
              name,
              Props.DEPARTMENT,
              department,
              Props.COUNTRY,
              country,
              Props.REGION,
              region,
              Props.CITY,
              city,
              Places.COUNTRY_CODE,
              DemoPlaces.code(country),
              Places.TIME_ZONE,
              DemoPlaces.zone(city),
              Props.SOURCE,
              DemoGenerator.SOURCE));
    }
  }

  /**
   * An employee, current ({@code status = "active"}) or departed. Personal data is in {@link
   * Personal}.
   */
  public record Expert(
      String id,
      String name,
      String title,
      String department,
      String teamId,
      String country,
      String region,
      String city,
      int grade,
      LocalDate hiredAt,
      String status,
      LocalDate departedAt,
      String departureReason)
      implements Row {
    public boolean active() {
      return departedAt == null;
    }

    public Map<String, Object> row() {
      return node(
          id,
          props(
              Props.NAME,
              name,
              Props.TITLE,
              title,
              Props.DEPARTMENT,
              department,
              Props.COUNTRY,
              country,
              Props.REGION,
              region,
              Props.CITY,
              city,
              Props.GRADE,
              grade,
              Props.HIRED_AT,
              hiredAt,
              Props.STATUS,
              status,
              Props.DEPARTED_AT,
              departedAt,
              Props.DEPARTURE_REASON,
              departureReason,
              Places.COUNTRY_CODE,
              DemoPlaces.code(country),
              Places.TIME_ZONE,
              DemoPlaces.zone(city),
              Props.REMOTE_POLICY,
              DemoPlaces.expertPreference(id),
              Props.SOURCE,
              DemoGenerator.SOURCE));
    }
  }

  /**
   * Personal values of an expert in clear text, keyed by {@link
   * dev.talentgraph.schema.PersonalFields}. They exist in memory only: the loader encrypts each
   * with the FieldCipher before writing.
   */
  public record Personal(String expertId, Map<String, String> values) {}

  public record Membership(String expertId, String teamId, LocalDate since, LocalDate to)
      implements Row {
    public Map<String, Object> row() {
      return rel(expertId, teamId, props(Props.SINCE, since, Props.TO, to));
    }
  }

  public record Manages(String expertId, String teamId) implements Row {
    public Map<String, Object> row() {
      return rel(expertId, teamId, props());
    }
  }

  public record Mentorship(String mentorId, String menteeId, LocalDate since) implements Row {
    public Map<String, Object> row() {
      return rel(mentorId, menteeId, props(Props.SINCE, since));
    }
  }

  /**
   * HAS_SKILL of an Expert ({@code ownerLabel} Expert) or a Candidate; {@code contested} true when
   * a {@link Contest} concerns it.
   */
  public record HasSkill(
      String ownerLabel,
      String ownerId,
      String skillId,
      int level,
      String evidence,
      LocalDate since,
      Boolean contested)
      implements Row {
    public HasSkill(
        String ownerLabel,
        String ownerId,
        String skillId,
        int level,
        String evidence,
        LocalDate since) {
      this(ownerLabel, ownerId, skillId, level, evidence, since, null);
    }

    public Map<String, Object> row() {
      return rel(
          ownerId,
          skillId,
          props(
              Props.LEVEL,
              level,
              Props.EVIDENCE,
              evidence,
              Props.SOURCE,
              DemoGenerator.SOURCE,
              Props.SINCE,
              since,
              Props.CONTESTED,
              contested));
    }
  }

  /** {@code level}: the level the course brings its main skill to (2 introductory, 4 advanced). */
  public record Course(
      String id,
      String title,
      String description,
      String provider,
      int hours,
      int level,
      String mainSkillId)
      implements Row {
    public Map<String, Object> row() {
      return node(
          id,
          props(
              Props.TITLE,
              title,
              Props.NAME,
              title,
              Props.DESCRIPTION,
              description,
              Props.PROVIDER,
              provider,
              Props.HOURS,
              hours,
              Props.LEVEL,
              level,
              Props.SOURCE,
              DemoGenerator.SOURCE));
    }
  }

  public record Teaches(String courseId, String skillId, int level) implements Row {
    public Map<String, Object> row() {
      return rel(courseId, skillId, props(Props.LEVEL, level));
    }
  }

  /** {@code (prerequisite)-[:PREREQUISITE_OF]->(course)}. */
  public record Prerequisite(String prerequisiteId, String courseId) implements Row {
    public Map<String, Object> row() {
      return rel(prerequisiteId, courseId, props());
    }
  }

  /**
   * An ENROLLED fact. {@code status}: completed, in_progress or dropped. For a completed course,
   * {@code levelBefore}/{@code levelAfter} are the expert's level in the course's main skill
   * ({@code skillId}) before and after; 0 means "did not have it". The training-effect model of the
   * trainings issue learns the gain from these.
   */
  public record Enrollment(
      String expertId,
      String courseId,
      String status,
      LocalDate startedAt,
      LocalDate completedAt,
      Integer score,
      String skillId,
      Integer levelBefore,
      Integer levelAfter)
      implements Row {
    public Map<String, Object> row() {
      return rel(
          expertId,
          courseId,
          props(
              Props.STATUS,
              status,
              Props.STARTED_AT,
              startedAt,
              Props.COMPLETED_AT,
              completedAt,
              Props.SCORE,
              score,
              Props.SKILL_ID,
              skillId,
              Props.LEVEL_BEFORE,
              levelBefore,
              Props.LEVEL_AFTER,
              levelAfter));
    }
  }

  /** {@code status}: planned, active or completed; {@code to} is the planned or actual end. */
  public record Project(
      String id,
      String name,
      String description,
      String department,
      String status,
      LocalDate from,
      LocalDate to)
      implements Row {
    public Map<String, Object> row() {
      return node(
          id,
          props(
              Props.NAME,
              name,
              Props.DESCRIPTION,
              description,
              Props.DEPARTMENT,
              department,
              Props.STATUS,
              status,
              Props.FROM,
              from,
              Props.TO,
              to,
              Props.SOURCE,
              DemoGenerator.SOURCE));
    }
  }

  /**
   * REQUIRES of a Project or JobOpening ({@code ownerLabel}); {@code required=false} means
   * "preferred".
   */
  public record Requires(
      String ownerLabel, String ownerId, String skillId, int level, boolean required)
      implements Row {
    public Map<String, Object> row() {
      return rel(ownerId, skillId, props(Props.LEVEL, level, Props.REQUIRED, required));
    }
  }

  /** {@code to} is null while the expert is still on an active project. */
  public record WorkedOn(
      String expertId, String projectId, String role, LocalDate from, LocalDate to) implements Row {
    public Map<String, Object> row() {
      return rel(expertId, projectId, props(Props.ROLE, role, Props.FROM, from, Props.TO, to));
    }
  }

  public record Publication(String id, String title, int year, String venue) implements Row {
    public Map<String, Object> row() {
      return node(
          id,
          props(
              Props.TITLE,
              title,
              Props.YEAR,
              year,
              Props.VENUE,
              venue,
              Props.SOURCE,
              DemoGenerator.SOURCE));
    }
  }

  public record Authored(String expertId, String publicationId) implements Row {
    public Map<String, Object> row() {
      return rel(expertId, publicationId, props());
    }
  }

  public record About(String publicationId, String skillId) implements Row {
    public Map<String, Object> row() {
      return rel(publicationId, skillId, props());
    }
  }

  /**
   * Stored once, from the smaller id to the larger; {@code count} = shared projects + co-authored
   * papers.
   */
  public record Collaboration(String fromId, String toId, int count, int firstYear, int lastYear)
      implements Row {
    public Map<String, Object> row() {
      return rel(
          fromId,
          toId,
          props(Props.COUNT, count, Props.FIRST_YEAR, firstYear, Props.LAST_YEAR, lastYear));
    }
  }

  /** The yearly review of {@code year}, held on {@code date}; rating 1-5. */
  public record Review(String id, String expertId, int year, LocalDate date, int rating)
      implements Row {
    public Map<String, Object> row() {
      Map<String, Object> m =
          node(
              id,
              props(
                  Props.YEAR,
                  year,
                  Props.DATE,
                  date,
                  Props.RATING,
                  rating,
                  Props.SOURCE,
                  DemoGenerator.SOURCE));
      m.put("expert", expertId);
      return m;
    }
  }

  public record Promotion(String id, String expertId, LocalDate date, int fromGrade, int toGrade)
      implements Row {
    public Map<String, Object> row() {
      Map<String, Object> m =
          node(
              id,
              props(
                  Props.DATE,
                  date,
                  Props.FROM_GRADE,
                  fromGrade,
                  Props.TO_GRADE,
                  toGrade,
                  Props.SOURCE,
                  DemoGenerator.SOURCE));
      m.put("expert", expertId);
      return m;
    }
  }

  /**
   * {@code status}: open, on_hold or closed (filled: its hires reached {@code headcount}, on {@code
   * closedAt}). {@code remotePolicy}: onsite, hybrid or remote. Written with {@code
   * (opening)-[:HIRES_FOR]->(team)}.
   */
  public record JobOpening(
      String id,
      String title,
      String department,
      String teamId,
      String country,
      String region,
      String city,
      int grade,
      String status,
      LocalDate postedAt,
      LocalDate closedAt,
      int interviewRounds,
      int headcount,
      String location,
      String remotePolicy)
      implements Row {
    public Map<String, Object> row() {
      Map<String, Object> m =
          props(
              Props.TITLE,
              title,
              Props.NAME,
              title,
              Props.DEPARTMENT,
              department,
              Props.COUNTRY,
              country,
              Props.REGION,
              region,
              Props.CITY,
              city,
              Props.GRADE,
              grade,
              Props.STATUS,
              status,
              Props.POSTED_AT,
              postedAt,
              Props.CLOSED_AT,
              closedAt,
              Props.INTERVIEW_ROUNDS,
              interviewRounds,
              Props.HEADCOUNT,
              headcount,
              Props.LOCATION,
              location,
              Props.REMOTE_POLICY,
              remotePolicy,
              Props.SOURCE,
              DemoGenerator.SOURCE);
      m.putAll(postingProps());
      return node(id, m);
    }

    /**
     * Place and posting: the team's time zone; remote openings limited to their region's countries
     * (three in five) or to 4 hours of overlap with the team; visa sponsorship on two in five
     * onsite or hybrid openings; a salary band around the grade's, internal on every other opening.
     */
    private Map<String, Object> postingProps() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(Places.COUNTRY_CODE, DemoPlaces.code(country));
      m.put(Places.TIME_ZONE, DemoPlaces.zone(city));
      if ("remote".equals(remotePolicy)) {
        if (DemoPlaces.bucket(id, 4) < 60)
          m.put(Places.REMOTE_COUNTRIES, DemoPlaces.regionCountries(region));
        else m.put(Places.MIN_OVERLAP_HOURS, 4);
      } else {
        m.put(Places.VISA_SPONSORSHIP, DemoPlaces.bucket(id, 5) < 40);
      }
      m.put(Posting.EMPLOYMENT_TYPE, DemoPlaces.bucket(id, 6) < 10 ? "CONTRACTOR" : "FULL_TIME");
      DemoTables.Country c = DemoPlaces.country(country);
      if (c != null && grade >= 1 && grade <= DemoTables.SALARY_BY_GRADE.length) {
        double band = DemoTables.SALARY_BY_GRADE[grade - 1] * c.salaryFactor();
        m.put(Posting.SALARY_MIN, Math.round(band * 0.9 / 1000) * 1000.0);
        m.put(Posting.SALARY_MAX, Math.round(band * 1.1 / 1000) * 1000.0);
        m.put(Posting.SALARY_CURRENCY, "EUR");
        m.put(Posting.SALARY_UNIT, "YEAR");
        m.put(Posting.SALARY_INTERNAL, DemoPlaces.bucket(id, 7) < 50);
      }
      return m;
    }
  }

  /**
   * {@code (expert)-[:ON_HIRING_TEAM {role}]->(opening)}; role hiring_manager, interviewer or
   * recruiter.
   */
  public record HiringTeam(String expertId, String openingId, String role) implements Row {
    public Map<String, Object> row() {
      return rel(expertId, openingId, props(Props.ROLE, role));
    }
  }

  /** An external applicant (not an employee); {@code experienceYears} as on the resume. */
  public record Candidate(
      String id, String name, String country, String region, double experienceYears)
      implements Row {
    public Map<String, Object> row() {
      return node(
          id,
          props(
              Props.NAME,
              name,
              Props.COUNTRY,
              country,
              Props.REGION,
              region,
              Props.EXPERIENCE_YEARS,
              experienceYears,
              Props.CITY,
              DemoPlaces.candidateCity(id, country),
              Places.COUNTRY_CODE,
              DemoPlaces.code(country),
              Places.TIME_ZONE,
              DemoPlaces.zone(DemoPlaces.candidateCity(id, country)),
              Places.WORK_AUTHORIZATION,
              DemoPlaces.workAuthorization(id, DemoPlaces.code(country)),
              Props.SOURCE,
              DemoGenerator.SOURCE));
    }
  }

  /**
   * {@code (applicant)-[:APPLIED]->(Application)-[:TO]->(JobOpening)}; the applicant is a Candidate
   * or an Expert (internal move), named by {@code applicantLabel}. {@code round} is the current
   * interview round while {@code stage} is interview, else null; {@code closedAt} is set in a final
   * stage. {@code experienceYears}: the applicant's years of work experience when applying.
   */
  public record Application(
      String id,
      String applicantLabel,
      String applicantId,
      String openingId,
      String stage,
      Integer round,
      LocalDate appliedAt,
      LocalDate updatedAt,
      LocalDate closedAt,
      double experienceYears)
      implements Row {
    public Map<String, Object> row() {
      Map<String, Object> m =
          node(
              id,
              props(
                  Props.STAGE,
                  stage,
                  Props.ROUND,
                  round,
                  Props.APPLIED_AT,
                  appliedAt,
                  Props.UPDATED_AT,
                  updatedAt,
                  Props.CLOSED_AT,
                  closedAt,
                  Props.EXPERIENCE_YEARS,
                  experienceYears,
                  Props.SOURCE,
                  DemoGenerator.SOURCE));
      m.put("applicant", applicantId);
      m.put("opening", openingId);
      return m;
    }
  }

  /**
   * One move of an application, {@code (application)-[:MOVED]->(StageChange)}: {@code seq} 1, 2,
   * ...; {@code from} null on the first ("applied"); {@code round} on moves into an interview
   * round; {@code actor} a login (the demo uses the expert id of the recruiter or hiring manager)
   * or "demo".
   */
  public record StageChange(
      String id,
      String applicationId,
      int seq,
      String from,
      String to,
      Integer round,
      OffsetDateTime at,
      String actor,
      String reason)
      implements Row {
    public Map<String, Object> row() {
      Map<String, Object> m =
          node(
              id,
              props(
                  Props.SEQ,
                  seq,
                  Props.FROM,
                  from,
                  Props.TO,
                  to,
                  Props.ROUND,
                  round,
                  Props.AT,
                  at,
                  Props.ACTOR,
                  actor,
                  Props.REASON,
                  reason,
                  Props.SOURCE,
                  DemoGenerator.SOURCE));
      m.put("owner", applicationId);
      return m;
    }
  }

  /**
   * {@code (application)-[:HAS_ASSESSMENT]->(Assessment)}; overall 1..5; its levels are {@link
   * Measured}.
   */
  public record Assessment(
      String id,
      String applicationId,
      OffsetDateTime at,
      String method,
      String assessor,
      double overall)
      implements Row {
    public Map<String, Object> row() {
      Map<String, Object> m =
          node(
              id,
              props(
                  Props.AT,
                  at,
                  Props.METHOD,
                  method,
                  Props.ASSESSOR,
                  assessor,
                  Props.OVERALL,
                  overall,
                  Props.SOURCE,
                  DemoGenerator.SOURCE));
      m.put("owner", applicationId);
      return m;
    }
  }

  /** {@code (assessment)-[:MEASURED {level}]->(skill)}. */
  public record Measured(String assessmentId, String skillId, int level) implements Row {
    public Map<String, Object> row() {
      return rel(assessmentId, skillId, props(Props.LEVEL, level));
    }
  }

  /**
   * {@code (application)-[:HAS_INTERVIEW]->(Interview)-[:INTERVIEWED_BY]->(interviewer)}: scores
   * 1..5 in the order of {@code competencies}; the written feedback is personal data ({@link
   * Feedback}).
   */
  public record Interview(
      String id,
      String applicationId,
      int round,
      OffsetDateTime at,
      String interviewerId,
      List<String> competencies,
      List<Integer> scores,
      double overall,
      String recommendation)
      implements Row {
    public Map<String, Object> row() {
      Map<String, Object> m =
          node(
              id,
              props(
                  Props.ROUND,
                  round,
                  Props.AT,
                  at,
                  Props.COMPETENCIES,
                  competencies,
                  Props.SCORES,
                  scores,
                  Props.OVERALL,
                  overall,
                  Props.RECOMMENDATION,
                  recommendation,
                  Props.SOURCE,
                  DemoGenerator.SOURCE));
      m.put("owner", applicationId);
      m.put("interviewer", interviewerId);
      return m;
    }
  }

  /**
   * An interview's written feedback in clear text, in memory only: the loader writes it encrypted
   * on {@code (interview)-[:HAS_PERSONAL_DATA]->(:PersonalData {feedback})}, bound to
   * "<interviewId>/feedback".
   */
  public record Feedback(String interviewId, String text) {}

  /**
   * {@code (expert)-[:CONTESTED]->(Contest {factType: "skill", factKey})-[:CONCERNS]->(skill)}: an
   * employee objects to a skill on their profile. {@code status} open, upheld or dismissed; the
   * resolution fields are set once it is not open. The HAS_SKILL concerned carries {@code
   * contested: true}.
   */
  public record Contest(
      String id,
      String expertId,
      String skillId,
      String reason,
      String status,
      OffsetDateTime at,
      OffsetDateTime resolvedAt,
      String resolvedBy,
      String resolution)
      implements Row {
    public Map<String, Object> row() {
      Map<String, Object> m =
          node(
              id,
              props(
                  Props.FACT_TYPE,
                  "skill",
                  Props.FACT_KEY,
                  skillId,
                  Props.REASON,
                  reason,
                  Props.STATUS,
                  status,
                  Props.AT,
                  at,
                  Props.ACTOR,
                  expertId,
                  Props.RESOLVED_AT,
                  resolvedAt,
                  Props.RESOLVED_BY,
                  resolvedBy,
                  Props.RESOLUTION,
                  resolution,
                  Props.SOURCE,
                  DemoGenerator.SOURCE));
      m.put("expert", expertId);
      m.put("skill", skillId);
      return m;
    }
  }

  /**
   * Ids of the external candidates who were hired. Per ADR 0006 the Candidate node also carries the
   * Expert label (same id), so these ids are both in {@link #candidates()} and in {@link
   * #experts()}.
   */
  public java.util.Set<String> hiredCandidates() {
    java.util.Set<String> cands = new java.util.HashSet<>();
    candidates.forEach(c -> cands.add(c.id()));
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    experts.forEach(
        e -> {
          if (cands.contains(e.id())) {
            out.add(e.id());
          }
        });
    return out;
  }

  /** Expected numbers of nodes per label and relationships per type, as written by the loader. */
  public Map<String, Integer> expectedCounts() {
    Map<String, Integer> c = new LinkedHashMap<>();
    // a hired candidate's demographics go on the PersonalData node they have as an Expert
    java.util.Set<String> hired = hiredCandidates();
    int demographicsNodes =
        (int) candidateDemographics.stream().filter(p -> !hired.contains(p.expertId())).count();
    c.put(Labels.SKILL, skills.size());
    c.put(Labels.SKILL_GROUP, (int) skills.stream().filter(Skill::group).count());
    c.put(Labels.TEAM, teams.size());
    c.put(Labels.EXPERT, experts.size());
    c.put(Labels.PERSONAL_DATA, personal.size() + feedback.size() + demographicsNodes);
    c.put(Labels.COURSE, courses.size());
    c.put(Labels.PROJECT, projects.size());
    c.put(Labels.PUBLICATION, publications.size());
    c.put(Labels.PERFORMANCE_REVIEW, reviews.size());
    c.put(Labels.PROMOTION, promotions.size());
    c.put(Labels.JOB_OPENING, openings.size());
    c.put(Labels.CANDIDATE, candidates.size());
    c.put(Labels.APPLICATION, applications.size());
    c.put(Labels.STAGE_CHANGE, stageChanges.size());
    c.put(Labels.ASSESSMENT, assessments.size());
    c.put(Labels.INTERVIEW, interviews.size());
    c.put(Labels.CONTEST, contests.size());
    c.put(RelTypes.BROADER, (int) skills.stream().filter(s -> s.broaderId() != null).count());
    c.put(RelTypes.RELATED_TO, related.size());
    c.put(RelTypes.HAS_PERSONAL_DATA, personal.size() + feedback.size() + demographicsNodes);
    c.put(RelTypes.MEMBER_OF, memberships.size());
    c.put(RelTypes.MANAGES, manages.size());
    c.put(RelTypes.MENTORS, mentorships.size());
    c.put(RelTypes.HAS_SKILL, hasSkills.size());
    c.put(RelTypes.TEACHES, teaches.size());
    c.put(RelTypes.PREREQUISITE_OF, prerequisites.size());
    c.put(RelTypes.ENROLLED, enrollments.size());
    c.put(RelTypes.REQUIRES, requires.size());
    c.put(RelTypes.WORKED_ON, workedOn.size());
    c.put(RelTypes.AUTHORED, authored.size());
    c.put(RelTypes.ABOUT, about.size());
    c.put(RelTypes.COLLABORATED_WITH, collaborations.size());
    c.put(RelTypes.HAS_REVIEW, reviews.size());
    c.put(RelTypes.PROMOTED, promotions.size());
    c.put(RelTypes.APPLIED, applications.size());
    c.put(RelTypes.TO, applications.size());
    c.put(RelTypes.HIRES_FOR, openings.size());
    c.put(RelTypes.ON_HIRING_TEAM, hiringTeams.size());
    c.put(RelTypes.MOVED, stageChanges.size());
    c.put(RelTypes.HAS_ASSESSMENT, assessments.size());
    c.put(RelTypes.MEASURED, measured.size());
    c.put(RelTypes.HAS_INTERVIEW, interviews.size());
    c.put(RelTypes.INTERVIEWED_BY, interviews.size());
    c.put(RelTypes.CONTESTED, contests.size());
    c.put(RelTypes.CONCERNS, contests.size());
    return c;
  }
}
