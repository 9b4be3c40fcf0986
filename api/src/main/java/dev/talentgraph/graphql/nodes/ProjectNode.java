package dev.talentgraph.graphql.nodes;

import dev.talentgraph.graphql.Prefetched;
import dev.talentgraph.graphql.Projection;
import dev.talentgraph.graphql.Selection;
import dev.talentgraph.graphql.Vals;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/**
 * A project as the API reads it. Nested lists are null when not fetched with the node (then loaded
 * in one batch, see {@code ProjectController}). Equal by id.
 */
public record ProjectNode(
    String id,
    String name,
    String status,
    List<RequiredSkill> requires,
    List<ProjectMember> members)
    implements Prefetched {

  /** The scalar fields (GraphQL field = property name). */
  public static final String[] FIELDS = {"name", "status"};

  /** All scalars, for payloads and nodes reached by a batched load. */
  public static final String SCALARS = ".id, .name, .status";

  /**
   * The nested list fields, each one pattern comprehension over {@code n} shaped by the selection
   * below it.
   */
  public static final Map<String, Projection> LISTS = lists();

  private static Map<String, Projection> lists() {
    Map<String, Projection> m = new LinkedHashMap<>();
    m.put(
        "requires",
        (s, p) ->
            "[(n)-[pr:REQUIRES]->(ps:Skill) | {"
                + Selection.join(
                    s.relProps("pr", p, "level", "required"), SkillNode.skill(s, p, "ps"))
                + "}]");
    m.put(
        "members",
        (s, p) ->
            "[(n)<-[pw:WORKED_ON]-(pe:Expert) | {"
                + Selection.join(
                    s.relProps("pw", p, "role", "from", "to"),
                    (s.has(p + "expert")
                        ? "expert: pe {"
                            + s.props(p + "expert/", ExpertNode.LISTS.keySet(), ExpertNode.fields())
                            + "}"
                        : ""))
                + "}]");
    return Collections.unmodifiableMap(m);
  }

  /** The projection of a project for a selection. */
  public static String projection(Selection selection, String prefix) {
    return Projection.node(selection, prefix, FIELDS, LISTS);
  }

  public static String summary(String var) {
    return var + " {" + SCALARS + "}";
  }

  public static ProjectNode from(Value v) {
    if (v == null || v.isNull()) return null;
    return new ProjectNode(
        Vals.str(v.get("id")),
        Vals.str(v.get("name")),
        Vals.str(v.get("status")),
        Vals.list(v.get("requires"), RequiredSkill::from),
        Vals.list(v.get("members"), ProjectMember::from));
  }

  @Override
  public List<?> prefetched(String field) {
    return switch (field) {
      case "requires" -> requires;
      case "members" -> members;
      default -> null;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProjectNode p && java.util.Objects.equals(id, p.id);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(id);
  }

  /** {@code type RequiredSkill}: a REQUIRES relationship with its skill. */
  public record RequiredSkill(Integer level, Boolean required, SkillNode skill) {
    public static RequiredSkill from(Value v) {
      if (v == null || v.isNull()) return null;
      return new RequiredSkill(
          Vals.integer(v.get("level")),
          Vals.bool(v.get("required")),
          SkillNode.from(v.get("skill")));
    }
  }

  /** {@code type ProjectMember}: a WORKED_ON relationship with its expert. */
  public record ProjectMember(String role, String from, String to, ExpertNode expert) {
    public static ProjectMember from(Value v) {
      if (v == null || v.isNull()) return null;
      return new ProjectMember(
          Vals.str(v.get("role")),
          Vals.str(v.get("from")),
          Vals.str(v.get("to")),
          ExpertNode.from(v.get("expert")));
    }
  }
}
