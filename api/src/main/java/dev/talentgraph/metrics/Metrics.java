package dev.talentgraph.metrics;

import java.util.List;

/**
 * The business figures of {@code metrics(...)} and {@code report metrics}: one record tree,
 * serialised as the GraphQL answer and as {@code metrics.json}. Every rate comes with the counts it
 * is computed from, so a reader can check it; a rate over an empty denominator is null.
 */
public record Metrics(
    Filter filter,
    Hiring hiringSuccess,
    TimeToHire timeToHire,
    List<Conversion> stageConversion,
    OfferAcceptance offerAcceptance,
    Training trainingEffect,
    Retention retention,
    Coverage skillCoverage,
    List<String> definitions) {

  /**
   * The filters applied (dates ISO, inclusive), and the minimum group size when small groups are
   * suppressed.
   */
  public record Filter(
      String from,
      String to,
      String team,
      String teamName,
      String region,
      Integer minGroupSize,
      String asOf) {}

  /**
   * Hires (applications in stage hired) to the openings closed in the period, over those openings.
   */
  public record Hiring(long closedOpenings, long hires, long openingsWithHire, Double rate) {}

  /** Days to the hired StageChange, from the application and from the opening's posting. */
  public record TimeToHire(
      long hires, DayStats fromApplied, DayStats fromPosted, List<Bucket> distribution) {}

  public record DayStats(
      long count, Long sumDays, Double mean, Double median, Double p90, Long min, Long max) {}

  /** A histogram bucket [fromDays, toDays] of days from application to hire. */
  public record Bucket(String label, int fromDays, Integer toDays, long count) {}

  /**
   * Applications that reached {@code from} and later {@code to}, over those that reached {@code
   * from}.
   */
  public record Conversion(String from, String to, long reachedFrom, long reachedTo, Double rate) {}

  /**
   * Offers decided in the period by the candidate: accepted (hired) over accepted + withdrawn;
   * {@code rejected} = offers the company rescinded, counted apart.
   */
  public record OfferAcceptance(
      long decided, long accepted, long withdrawn, long rejected, Double rate) {}

  /**
   * Completed enrolments with both levels: gain = levelAfter - levelBefore. Courses with fewer than
   * {@code minEnrolments} are in the totals but not ranked in {@code top}/{@code bottom}.
   */
  public record Training(
      long enrolments,
      long totalGain,
      Double meanGain,
      long courses,
      int minEnrolments,
      long unrankedCourses,
      List<CourseGain> top,
      List<CourseGain> bottom) {}

  public record CourseGain(
      String courseId, String title, long enrolments, long totalGain, Double meanGain) {}

  /**
   * Retention per period (calendar years clipped to the filter), overall, by team and by region.
   */
  public record Retention(
      List<RetentionRow> overall,
      List<RetentionRow> byTeam,
      List<RetentionRow> byRegion,
      long suppressedGroups) {}

  /**
   * People active at the period's start (hired on or before it, not departed by then) and how many
   * of them had not departed at its end; the departures in between by reason. Suppressed rows carry
   * no counts.
   */
  public record RetentionRow(
      String period,
      String start,
      String end,
      String group,
      String groupName,
      Long activeAtStart,
      Long retained,
      Double rate,
      List<Count> departuresByReason,
      boolean suppressed) {}

  public record Count(String key, long count) {}

  /**
   * Per team: the skills its active and planned projects require vs the best level among its active
   * members.
   */
  public record Coverage(List<TeamCoverage> teams, List<SkillGapSummary> gapsBySkill) {}

  public record TeamCoverage(
      String teamId,
      String teamName,
      String region,
      long activeMembers,
      long projects,
      long requiredSkills,
      long coveredSkills,
      Double coverage,
      List<TeamGap> gaps) {}

  /**
   * kind: {@code missing} (no active member has it) or {@code below} (best level under the required
   * one).
   */
  public record TeamGap(
      String skillId,
      String skillName,
      int requiredLevel,
      int bestLevel,
      int shortfall,
      String kind,
      long projects) {}

  public record SkillGapSummary(
      String skillId, String skillName, long teamsMissing, long teamsBelow, long teams) {}
}
