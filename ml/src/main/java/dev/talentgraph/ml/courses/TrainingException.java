package dev.talentgraph.ml.courses;

import java.util.List;

/**
 * Expected failures of skill gaps, course recommendations and learning paths. Each subtype is a
 * distinct, documented outcome that the GraphQL layer turns into an error payload; the message is
 * meant for the caller and names the offending id.
 */
public abstract sealed class TrainingException extends RuntimeException {

  TrainingException(String message) {
    super(message);
  }

  /** A short, stable code for API payloads ("UNKNOWN_EXPERT", ...). */
  public abstract String code();

  /** No Expert has the given id. */
  public static final class UnknownExpert extends TrainingException {
    public UnknownExpert(String id) {
      super("unknown expert '" + id + "'");
    }

    @Override
    public String code() {
      return "UNKNOWN_EXPERT";
    }
  }

  /** No Course has the given id. */
  public static final class UnknownCourse extends TrainingException {
    public UnknownCourse(String id) {
      super("unknown course '" + id + "'");
    }

    @Override
    public String code() {
      return "UNKNOWN_COURSE";
    }
  }

  /**
   * The target (job opening, project, occupation, or a skill of an explicit list) does not exist.
   */
  public static final class UnknownTarget extends TrainingException {
    public UnknownTarget(String what) {
      super("unknown target: " + what);
    }

    @Override
    public String code() {
      return "UNKNOWN_TARGET";
    }
  }

  /** The target exists but requires no skill, so there is nothing to compare against. */
  public static final class EmptyTarget extends TrainingException {
    public EmptyTarget(String what) {
      super(what + " has no required skills");
    }

    @Override
    public String code() {
      return "EMPTY_TARGET";
    }
  }

  /**
   * The target is malformed (a level outside 1-5, a blank skill id, no target where one is needed).
   */
  public static final class InvalidTarget extends TrainingException {
    public InvalidTarget(String message) {
      super(message);
    }

    @Override
    public String code() {
      return "INVALID_TARGET";
    }
  }

  /** PREREQUISITE_OF edges form a cycle among courses the path would need. */
  public static final class PrerequisiteCycle extends TrainingException {
    private final List<String> courseIds;

    public PrerequisiteCycle(List<String> courseIds, List<String> titles) {
      super("prerequisite cycle among courses " + describe(courseIds, titles));
      this.courseIds = List.copyOf(courseIds);
    }

    private static String describe(List<String> ids, List<String> titles) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < ids.size(); i++) {
        sb.append(i == 0 ? "" : " -> ")
            .append(titles.get(i))
            .append(" (")
            .append(ids.get(i))
            .append(')');
      }
      return sb.append(" -> back to ").append(titles.get(0)).toString();
    }

    /** The courses on the cycle, each a prerequisite of the next, the last of the first. */
    public List<String> courseIds() {
      return courseIds;
    }

    @Override
    public String code() {
      return "PREREQUISITE_CYCLE";
    }
  }
}
