package dev.talentgraph.graphql.project;

import dev.talentgraph.graphql.Vals;
import dev.talentgraph.graphql.expert.ExpertNode;
import dev.talentgraph.graphql.skill.SkillNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/**
 * A project as the API reads it. Nested lists are null when not fetched with the node (then loaded in
 * one batch, see {@code ProjectController}). Equal by id.
 */
public record ProjectNode(String id, String name, String status, List<RequiredSkill> requires,
    List<ProjectMember> members) {

  public static final String SCALARS = ".id, .name, .status";

  public static final Map<String, String> FRAGMENTS = fragments();

  private static Map<String, String> fragments() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("requires", "[(n)-[pr:REQUIRES]->(ps:Skill) | {level: pr.level, required: pr.required, skill: "
        + SkillNode.summary("ps") + "}]");
    m.put("members", "[(n)<-[pw:WORKED_ON]-(pe:Expert) | {role: pw.role, from: pw.from, to: pw.to, expert: pe {"
        + ExpertNode.SCALARS + "}}]");
    return Collections.unmodifiableMap(m);
  }

  public static String summary(String var) {
    return var + " {" + SCALARS + "}";
  }

  public static ProjectNode from(Value v) {
    return new ProjectNode(Vals.str(v.get("id")), Vals.str(v.get("name")), Vals.str(v.get("status")),
        Vals.list(v.get("requires"), RequiredSkill::from), Vals.list(v.get("members"), ProjectMember::from));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProjectNode p && id.equals(p.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** {@code type RequiredSkill}: a REQUIRES relationship with its skill. */
  public record RequiredSkill(Integer level, Boolean required, SkillNode skill) {
    static RequiredSkill from(Value v) {
      return new RequiredSkill(Vals.integer(v.get("level")), Vals.bool(v.get("required")), SkillNode.from(v.get("skill")));
    }
  }

  /** {@code type ProjectMember}: a WORKED_ON relationship with its expert. */
  public record ProjectMember(String role, String from, String to, ExpertNode expert) {
    public static ProjectMember from(Value v) {
      return new ProjectMember(Vals.str(v.get("role")), Vals.str(v.get("from")), Vals.str(v.get("to")),
          ExpertNode.from(v.get("expert")));
    }
  }
}
