package dev.talentgraph.graphql.nodes;

import dev.talentgraph.graphql.Prefetched;
import dev.talentgraph.graphql.Projection;
import dev.talentgraph.graphql.Selection;
import dev.talentgraph.graphql.Vals;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/**
 * A skill as the API reads it. A nested list is null when it was not fetched with the node (it is
 * then loaded in one batch for all the skills of the request, see {@code SkillController}); {@code
 * experts} holds every holder, from which {@code SkillController} cuts the connection the client
 * asked for. Equal by id, so that a skill reached along two paths is loaded once.
 */
public record SkillNode(
    String id,
    String name,
    String category,
    List<String> aliases,
    List<SkillNode> broader,
    List<SkillNode> narrower,
    List<SkillHolder> experts)
    implements Prefetched {

  /** The scalar fields (GraphQL field = property name). */
  public static final String[] FIELDS = {"name", "category", "aliases"};

  /** All scalars, for payloads and nodes reached by a batched load. */
  public static final String SCALARS = ".id, .name, .category, .aliases";

  /**
   * The nested list fields, each one pattern comprehension over {@code n} shaped by the selection
   * below it.
   */
  public static final Map<String, Projection> LISTS = lists();

  private static Map<String, Projection> lists() {
    Map<String, Projection> m = new java.util.LinkedHashMap<>();
    m.put(
        "broader",
        (s, p) -> "[(n)-[:BROADER]->(sb:Skill) | sb {" + s.props(p, LISTS.keySet(), FIELDS) + "}]");
    m.put(
        "narrower",
        (s, p) -> "[(n)<-[:BROADER]-(sn:Skill) | sn {" + s.props(p, LISTS.keySet(), FIELDS) + "}]");
    // every holder with its level and expert id (the connection is ordered, filtered and cut by
    // them in SkillController)
    m.put(
        "experts",
        (s, p) ->
            "[(n)<-[sr:HAS_SKILL]-(se:Expert) | {level: sr.level, "
                + Selection.join(
                    s.relProps("sr", p + "edges/node/", "evidence", "source", "since"),
                    "expert: se {"
                        + (s.has(p + "edges/node/expert")
                            ? s.props(
                                p + "edges/node/expert/",
                                ExpertNode.LISTS.keySet(),
                                ExpertNode.fields())
                            : ".id")
                        + "}")
                + "}]");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The projection of a skill for a selection. */
  public static String projection(Selection selection, String prefix) {
    return Projection.node(selection, prefix, FIELDS, LISTS);
  }

  /**
   * The {@code skill: var {...}} entry of a relationship map, shaped by the selection below {@code
   * prefix + "skill"}; empty when the skill was not selected.
   */
  public static String skill(Selection s, String prefix, String var) {
    return s.has(prefix + "skill")
        ? "skill: " + var + " {" + s.props(prefix + "skill/", LISTS.keySet(), FIELDS) + "}"
        : "";
  }

  /** The projection of a skill reached through a relationship from another node (all scalars). */
  public static String summary(String var) {
    return var + " {" + SCALARS + "}";
  }

  public static SkillNode from(Value v) {
    if (v == null || v.isNull()) return null;
    return new SkillNode(
        Vals.str(v.get("id")),
        Vals.str(v.get("name")),
        Vals.str(v.get("category")),
        Vals.strings(v.get("aliases")),
        Vals.list(v.get("broader"), SkillNode::from),
        Vals.list(v.get("narrower"), SkillNode::from),
        Vals.list(v.get("experts"), SkillHolder::from));
  }

  @Override
  public List<?> prefetched(String field) {
    return switch (field) {
      case "broader" -> broader;
      case "narrower" -> narrower;
      default -> null;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SkillNode s && java.util.Objects.equals(id, s.id);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(id);
  }

  /** An expert holding this skill, with the HAS_SKILL properties. */
  public record SkillHolder(
      Integer level, String evidence, String source, String since, ExpertNode expert) {
    public static SkillHolder from(Value v) {
      if (v == null || v.isNull()) return null;
      return new SkillHolder(
          Vals.integer(v.get("level")),
          Vals.str(v.get("evidence")),
          Vals.str(v.get("source")),
          Vals.str(v.get("since")),
          ExpertNode.from(v.get("expert")));
    }
  }
}
