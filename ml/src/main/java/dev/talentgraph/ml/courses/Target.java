package dev.talentgraph.ml.courses;

import java.util.List;

/**
 * What an expert wants to be ready for: a job opening, a project, an occupation (its O*NET
 * technology skills, imported as REQUIRES) or an explicit list of skills with levels. Nodes are
 * found by their {@code id}; their required skills are their {@code REQUIRES {level}} edges.
 */
public sealed interface Target {

  /** Kind of the target, as shown to callers ("JobOpening", "Project", "Occupation", "Skills"). */
  String kind();

  /** A job opening by id; without its own REQUIRES edges, its occupation's are used. */
  record JobOpening(String id) implements Target {
    @Override
    public String kind() {
      return "JobOpening";
    }
  }

  record Project(String id) implements Target {
    @Override
    public String kind() {
      return "Project";
    }
  }

  record Occupation(String id) implements Target {
    @Override
    public String kind() {
      return "Occupation";
    }
  }

  /** An explicit list of skills with the level wanted. */
  record Skills(List<Requirement> requirements) implements Target {
    public Skills {
      requirements = List.copyOf(requirements);
    }

    @Override
    public String kind() {
      return "Skills";
    }
  }

  /**
   * A required skill.
   *
   * @param skillId the Skill node id
   * @param level wanted level 1-5
   */
  record Requirement(String skillId, int level) {}
}
