package dev.talentgraph.graphql.course;

import dev.talentgraph.graphql.Vals;
import dev.talentgraph.graphql.skill.SkillNode;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/** A course as the API reads it; {@code teaches} is null when not fetched with the node. Equal by id. */
public record CourseNode(String id, String title, Double hours, List<TaughtSkill> teaches) {

  public static final String SCALARS = ".id, .title, .hours";

  public static final Map<String, String> FRAGMENTS = Map.of("teaches",
      "[(n)-[ct:TEACHES]->(cs:Skill) | {level: ct.level, skill: " + SkillNode.summary("cs") + "}]");

  public static CourseNode from(Value v) {
    return new CourseNode(Vals.str(v.get("id")), Vals.str(v.get("title")), Vals.dbl(v.get("hours")),
        Vals.list(v.get("teaches"), TaughtSkill::from));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CourseNode c && id.equals(c.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** {@code type TaughtSkill}: a TEACHES relationship with its skill. */
  public record TaughtSkill(Integer level, SkillNode skill) {
    static TaughtSkill from(Value v) {
      return new TaughtSkill(Vals.integer(v.get("level")), SkillNode.from(v.get("skill")));
    }
  }
}
