package dev.talentgraph.importers.demo;

import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.time.LocalDate;
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
    List<Candidate> candidates,
    List<Application> applications) {

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

  public record Skill(String id, String name, List<String> aliases, String broaderId, boolean group, boolean assignable)
      implements Row {
    public Map<String, Object> row() {
      return node(id, props(Props.NAME, name, Props.ALIASES, aliases, Props.SOURCE, DemoGenerator.SOURCE));
    }
  }

  public record Related(String fromSkill, String toSkill) implements Row {
    public Map<String, Object> row() {
      return rel(fromSkill, toSkill, props(Props.SOURCE, DemoGenerator.SOURCE));
    }
  }

  public record Team(String id, String name, String department, String country, String region, String city) implements Row {
    public Map<String, Object> row() {
      return node(id, props(Props.NAME, name, Props.DEPARTMENT, department, Props.COUNTRY, country,
          Props.REGION, region, Props.CITY, city, Props.SOURCE, DemoGenerator.SOURCE));
    }
  }

  /** An employee, current ({@code status = "active"}) or departed. Personal data is in {@link Personal}. */
  public record Expert(String id, String name, String title, String department, String teamId, String country,
      String region, String city, int grade, LocalDate hiredAt, String status, LocalDate departedAt,
      String departureReason) implements Row {
    public boolean active() {
      return departedAt == null;
    }

    public Map<String, Object> row() {
      return node(id, props(Props.NAME, name, Props.TITLE, title, Props.DEPARTMENT, department, Props.COUNTRY, country,
          Props.REGION, region, Props.CITY, city, Props.GRADE, grade, Props.HIRED_AT, hiredAt, Props.STATUS, status,
          Props.DEPARTED_AT, departedAt, Props.DEPARTURE_REASON, departureReason, Props.SOURCE, DemoGenerator.SOURCE));
    }
  }

  /**
   * Personal values of an expert in clear text, keyed by {@link dev.talentgraph.schema.PersonalFields}.
   * They exist in memory only: the loader encrypts each with the FieldCipher before writing.
   */
  public record Personal(String expertId, Map<String, String> values) {}

  public record Membership(String expertId, String teamId, LocalDate since, LocalDate to) implements Row {
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

  /** HAS_SKILL of an Expert ({@code ownerLabel} Expert) or a Candidate. */
  public record HasSkill(String ownerLabel, String ownerId, String skillId, int level, String evidence, LocalDate since)
      implements Row {
    public Map<String, Object> row() {
      return rel(ownerId, skillId, props(Props.LEVEL, level, Props.EVIDENCE, evidence, Props.SOURCE, DemoGenerator.SOURCE,
          Props.SINCE, since));
    }
  }

  /** {@code level}: the level the course brings its main skill to (2 introductory, 4 advanced). */
  public record Course(String id, String title, String description, String provider, int hours, int level, String mainSkillId)
      implements Row {
    public Map<String, Object> row() {
      return node(id, props(Props.TITLE, title, Props.NAME, title, Props.DESCRIPTION, description, Props.PROVIDER, provider,
          Props.HOURS, hours, Props.LEVEL, level, Props.SOURCE, DemoGenerator.SOURCE));
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
  public record Enrollment(String expertId, String courseId, String status, LocalDate startedAt, LocalDate completedAt,
      Integer score, String skillId, Integer levelBefore, Integer levelAfter) implements Row {
    public Map<String, Object> row() {
      return rel(expertId, courseId, props(Props.STATUS, status, Props.STARTED_AT, startedAt, Props.COMPLETED_AT, completedAt,
          Props.SCORE, score, Props.SKILL_ID, skillId, Props.LEVEL_BEFORE, levelBefore, Props.LEVEL_AFTER, levelAfter));
    }
  }

  /** {@code status}: planned, active or completed; {@code to} is the planned or actual end. */
  public record Project(String id, String name, String description, String department, String status, LocalDate from,
      LocalDate to) implements Row {
    public Map<String, Object> row() {
      return node(id, props(Props.NAME, name, Props.DESCRIPTION, description, Props.DEPARTMENT, department, Props.STATUS,
          status, Props.FROM, from, Props.TO, to, Props.SOURCE, DemoGenerator.SOURCE));
    }
  }

  /** REQUIRES of a Project or JobOpening ({@code ownerLabel}); {@code required=false} means "preferred". */
  public record Requires(String ownerLabel, String ownerId, String skillId, int level, boolean required) implements Row {
    public Map<String, Object> row() {
      return rel(ownerId, skillId, props(Props.LEVEL, level, Props.REQUIRED, required));
    }
  }

  /** {@code to} is null while the expert is still on an active project. */
  public record WorkedOn(String expertId, String projectId, String role, LocalDate from, LocalDate to) implements Row {
    public Map<String, Object> row() {
      return rel(expertId, projectId, props(Props.ROLE, role, Props.FROM, from, Props.TO, to));
    }
  }

  public record Publication(String id, String title, int year, String venue) implements Row {
    public Map<String, Object> row() {
      return node(id, props(Props.TITLE, title, Props.YEAR, year, Props.VENUE, venue, Props.SOURCE, DemoGenerator.SOURCE));
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

  /** Stored once, from the smaller id to the larger; {@code count} = shared projects + co-authored papers. */
  public record Collaboration(String fromId, String toId, int count, int firstYear, int lastYear) implements Row {
    public Map<String, Object> row() {
      return rel(fromId, toId, props(Props.COUNT, count, Props.FIRST_YEAR, firstYear, Props.LAST_YEAR, lastYear));
    }
  }

  /** The yearly review of {@code year}, held on {@code date}; rating 1-5. */
  public record Review(String id, String expertId, int year, LocalDate date, int rating) implements Row {
    public Map<String, Object> row() {
      Map<String, Object> m = node(id, props(Props.YEAR, year, Props.DATE, date, Props.RATING, rating, Props.SOURCE,
          DemoGenerator.SOURCE));
      m.put("expert", expertId);
      return m;
    }
  }

  public record Promotion(String id, String expertId, LocalDate date, int fromGrade, int toGrade) implements Row {
    public Map<String, Object> row() {
      Map<String, Object> m = node(id, props(Props.DATE, date, Props.FROM_GRADE, fromGrade, Props.TO_GRADE, toGrade,
          Props.SOURCE, DemoGenerator.SOURCE));
      m.put("expert", expertId);
      return m;
    }
  }

  /** {@code status}: open, on_hold or closed (filled). */
  public record JobOpening(String id, String title, String department, String teamId, String country, String region,
      String city, int grade, String status, LocalDate postedAt) implements Row {
    public Map<String, Object> row() {
      return node(id, props(Props.TITLE, title, Props.NAME, title, Props.DEPARTMENT, department, Props.COUNTRY, country,
          Props.REGION, region, Props.CITY, city, Props.GRADE, grade, Props.STATUS, status, Props.POSTED_AT, postedAt,
          Props.SOURCE, DemoGenerator.SOURCE));
    }
  }

  /** An external applicant (not an employee). */
  public record Candidate(String id, String name, String country, String region) implements Row {
    public Map<String, Object> row() {
      return node(id, props(Props.NAME, name, Props.COUNTRY, country, Props.REGION, region, Props.SOURCE, DemoGenerator.SOURCE));
    }
  }

  /**
   * {@code (applicant)-[:APPLIED]->(Application)-[:TO]->(JobOpening)}; the applicant is a Candidate or
   * an Expert (internal move), named by {@code applicantLabel}.
   */
  public record Application(String id, String applicantLabel, String applicantId, String openingId, String stage,
      LocalDate appliedAt, LocalDate updatedAt) implements Row {
    public Map<String, Object> row() {
      Map<String, Object> m = node(id, props(Props.STAGE, stage, Props.APPLIED_AT, appliedAt, Props.UPDATED_AT, updatedAt,
          Props.SOURCE, DemoGenerator.SOURCE));
      m.put("applicant", applicantId);
      m.put("opening", openingId);
      return m;
    }
  }

  /** Expected numbers of nodes per label and relationships per type, as written by the loader. */
  public Map<String, Integer> expectedCounts() {
    Map<String, Integer> c = new LinkedHashMap<>();
    c.put(Labels.SKILL, skills.size());
    c.put(Labels.SKILL_GROUP, (int) skills.stream().filter(Skill::group).count());
    c.put(Labels.TEAM, teams.size());
    c.put(Labels.EXPERT, experts.size());
    c.put(Labels.PERSONAL_DATA, personal.size());
    c.put(Labels.COURSE, courses.size());
    c.put(Labels.PROJECT, projects.size());
    c.put(Labels.PUBLICATION, publications.size());
    c.put(Labels.PERFORMANCE_REVIEW, reviews.size());
    c.put(Labels.PROMOTION, promotions.size());
    c.put(Labels.JOB_OPENING, openings.size());
    c.put(Labels.CANDIDATE, candidates.size());
    c.put(Labels.APPLICATION, applications.size());
    c.put(RelTypes.BROADER, (int) skills.stream().filter(s -> s.broaderId() != null).count());
    c.put(RelTypes.RELATED_TO, related.size());
    c.put(RelTypes.HAS_PERSONAL_DATA, personal.size());
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
    return c;
  }
}
