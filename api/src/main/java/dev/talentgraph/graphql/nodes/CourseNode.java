package dev.talentgraph.graphql.nodes;

import dev.talentgraph.graphql.Prefetched;
import dev.talentgraph.graphql.Projection;
import dev.talentgraph.graphql.Selection;
import dev.talentgraph.graphql.Vals;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/**
 * A course as the API reads it; {@code teaches} is null when not fetched with the node. Equal by
 * id.
 */
public record CourseNode(String id, String title, Double hours, List<TaughtSkill> teaches)
    implements Prefetched {

  /** The scalar fields (GraphQL field = property name). */
  public static final String[] FIELDS = {"title", "hours"};

  /** All scalars, for payloads. */
  public static final String SCALARS = ".id, .title, .hours";

  /**
   * The nested list fields, each one pattern comprehension over {@code n} shaped by the selection
   * below it.
   */
  public static final Map<String, Projection> LISTS =
      Map.of(
          "teaches",
          (s, p) ->
              "[(n)-[ct:TEACHES]->(cs:Skill) | {"
                  + Selection.join(s.relProps("ct", p, "level"), SkillNode.skill(s, p, "cs"))
                  + "}]");

  /** The projection of a course for a selection. */
  public static String projection(Selection selection, String prefix) {
    return Projection.node(selection, prefix, FIELDS, LISTS);
  }

  public static CourseNode from(Value v) {
    if (v == null || v.isNull()) return null;
    return new CourseNode(
        Vals.str(v.get("id")),
        Vals.str(v.get("title")),
        Vals.dbl(v.get("hours")),
        Vals.list(v.get("teaches"), TaughtSkill::from));
  }

  @Override
  public List<?> prefetched(String field) {
    return "teaches".equals(field) ? teaches : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CourseNode c && java.util.Objects.equals(id, c.id);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(id);
  }

  /** {@code type TaughtSkill}: a TEACHES relationship with its skill. */
  public record TaughtSkill(Integer level, SkillNode skill) {
    public static TaughtSkill from(Value v) {
      if (v == null || v.isNull()) return null;
      return new TaughtSkill(Vals.integer(v.get("level")), SkillNode.from(v.get("skill")));
    }
  }
}
