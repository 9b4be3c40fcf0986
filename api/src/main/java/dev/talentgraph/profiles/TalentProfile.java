package dev.talentgraph.profiles;

import dev.talentgraph.graphql.nodes.CourseNode;
import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.graphql.nodes.ExpertNode.PublicationNode;
import dev.talentgraph.graphql.nodes.ProjectNode;
import dev.talentgraph.graphql.nodes.SkillNode;
import dev.talentgraph.privacy.PerformanceReview;
import dev.talentgraph.scoring.ScoreView;
import dev.talentgraph.security.PersonalOwner;
import java.util.List;

/**
 * {@code type TalentProfile} and its items. A personal section is null when it was not read: not
 * selected, or the caller may not see it (the {@code @personal} rule then answers with its refusal;
 * this record is the owner it checks, see {@link PersonalOwner}).
 */
record TalentProfile(
    String expertId,
    ExpertNode expert,
    List<ProfileSkill> skills,
    List<TimelineEvent> timeline,
    List<ProfileProject> projects,
    List<ProfilePublication> publications,
    List<ProfileCollaborator> collaborators,
    List<ProfileCourse> courses,
    List<ProfileScore> scores,
    List<ProfileReview> performanceReviews,
    List<TimelineEvent> careerEvents,
    CareerStage careerStage,
    List<Contest> contests)
    implements PersonalOwner {

  @Override
  public String ownerExpertId() {
    return expertId;
  }

  TalentProfile withCourses(List<ProfileCourse> c) {
    return new TalentProfile(
        expertId,
        expert,
        skills,
        timeline,
        projects,
        publications,
        collaborators,
        c,
        scores,
        performanceReviews,
        careerEvents,
        careerStage,
        contests);
  }

  /** {@code type Evidence}: the graph element a fact comes from. */
  public record Evidence(String kind, String ref, String text, String source, String date) {}

  public record ProfileSkill(
      SkillNode skill,
      int level,
      String since,
      Evidence evidence,
      String lastSeen,
      Evidence lastSeenEvidence,
      boolean contested) {}

  public enum TimelineKind {
    HIRED,
    TEAM,
    MANAGES,
    PROJECT,
    PROMOTED,
    INTERNAL_APPLICATION,
    DEPARTED
  }

  public record TimelineEvent(
      TimelineKind kind,
      String date,
      String endDate,
      String title,
      String refId,
      String role,
      Integer grade,
      String outcome,
      Evidence evidence) {}

  public record ProfileProject(
      ProjectNode project, String role, String from, String to, Evidence evidence) {}

  public record ProfilePublication(
      PublicationNode publication, List<String> about, Evidence evidence) {}

  public record ProfileCollaborator(
      ExpertNode expert,
      Integer count,
      Integer firstYear,
      Integer lastYear,
      List<String> sharedProjects,
      List<String> sharedPublications,
      Evidence evidence) {}

  public record ProfileCourse(
      CourseNode course,
      String status,
      String startedAt,
      String completedAt,
      Double score,
      SkillNode skill,
      Integer levelBefore,
      Integer levelAfter,
      Integer measuredGain,
      Double modelEstimate,
      String model,
      Evidence evidence) {

    ProfileCourse withEstimate(Double estimate, String byModel) {
      return new ProfileCourse(
          course,
          status,
          startedAt,
          completedAt,
          score,
          skill,
          levelBefore,
          levelAfter,
          measuredGain,
          estimate,
          byModel,
          evidence);
    }
  }

  public record ProfileScore(ScoreView score, boolean contested, Evidence evidence) {}

  public record ProfileReview(PerformanceReview review, String date, Evidence evidence) {}

  public enum CareerStageKind {
    EARLY_CAREER,
    MID_CAREER,
    SENIOR,
    PRINCIPAL,
    UNKNOWN
  }

  public record CareerStage(
      CareerStageKind stage,
      Integer grade,
      Double yearsAtCompany,
      Double yearsInGrade,
      String status,
      String rule,
      List<Evidence> evidence) {}

  public enum ContestFactType {
    SKILL,
    SCORE
  }

  public enum ContestStatus {
    OPEN,
    UPHELD,
    DISMISSED
  }

  public record Contest(
      String id,
      String expertId,
      ContestFactType factType,
      String factKey,
      String reason,
      ContestStatus status,
      String at,
      String actor,
      String resolvedAt,
      String resolvedBy,
      String resolution,
      Integer previousLevel,
      String previousEvidence,
      Evidence evidence) {}
}
