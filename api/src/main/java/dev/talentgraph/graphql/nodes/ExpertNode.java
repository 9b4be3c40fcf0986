package dev.talentgraph.graphql.nodes;

import dev.talentgraph.graphql.Prefetched;
import dev.talentgraph.graphql.Projection;
import dev.talentgraph.graphql.SchemaProperties;
import dev.talentgraph.graphql.Selection;
import dev.talentgraph.graphql.Vals;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/**
 * An expert as the API reads it: the public part of the Expert node only (personal data lives on
 * separate nodes and is not reachable from here). A nested list is null when it was not fetched
 * with the node; it is then loaded in one batch for all experts of the request (see {@code
 * ExpertController}). Equal by id, so that an expert reached along two paths is loaded once.
 */
public record ExpertNode(
    String id,
    String name,
    String country,
    String region,
    String title,
    List<ExpertSkill> skills,
    List<ProjectNode> projects,
    List<ExpertNode> collaborators,
    List<PublicationNode> publications,
    List<TeamNode> teams,
    Map<String, Object> properties)
    implements Prefetched, SchemaProperties.Holder {

  /** The scalar fields with a component of their own (GraphQL field = property name). */
  public static final String[] FIXED = {"name", "country", "region", "title"};

  /**
   * The fixed scalars, for statement constants built before the schema (recruiting); {@link
   * #scalars()} adds the schema-declared ones.
   */
  public static final String SCALARS = ".id, .name, .country, .region, .title";

  /** Every scalar field: {@link #FIXED} and the {@code @property} fields of {@code type Expert}. */
  public static String[] fields() {
    return SchemaProperties.withFixed("Expert", FIXED);
  }

  /** All scalars as map-projection entries, for payloads. */
  public static String scalars() {
    return Selection.ALL.props("", List.of(), fields());
  }

  /**
   * The nested list fields, each one pattern comprehension over {@code n} shaped by the selection
   * below it. COLLABORATED_WITH is stored once per pair, so it is read undirected.
   */
  public static final Map<String, Projection> LISTS = lists();

  private static Map<String, Projection> lists() {
    Map<String, Projection> m = new LinkedHashMap<>();
    m.put(
        "skills",
        (s, p) ->
            "[(n)-[xr:HAS_SKILL]->(xs:Skill) | {"
                + Selection.join(
                    s.relProps("xr", p, "level", "evidence", "source", "since"),
                    SkillNode.skill(s, p, "xs"))
                + "}]");
    m.put(
        "projects",
        (s, p) ->
            "[(n)-[:WORKED_ON]->(xp:Project) | xp {"
                + s.props(p, ProjectNode.LISTS.keySet(), ProjectNode.FIELDS)
                + "}]");
    m.put(
        "collaborators",
        (s, p) ->
            "[(n)-[:COLLABORATED_WITH]-(xc:Expert) | xc {"
                + s.props(p, LISTS.keySet(), fields())
                + "}]");
    m.put(
        "publications",
        (s, p) ->
            "[(n)-[:AUTHORED]->(xu:Publication) | xu {"
                + s.props(p, List.of(), "title", "year", "venue")
                + "}]");
    m.put(
        "teams",
        (s, p) -> "[(n)-[:MEMBER_OF]->(xt:Team) | xt {" + s.props(p, List.of(), "name") + "}]");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The projection of an expert for a selection. */
  public static String projection(Selection selection, String prefix) {
    return Projection.node(selection, prefix, fields(), LISTS);
  }

  public static ExpertNode from(Value v) {
    if (v == null || v.isNull()) return null;
    return new ExpertNode(
        Vals.str(v.get("id")),
        Vals.str(v.get("name")),
        Vals.str(v.get("country")),
        Vals.str(v.get("region")),
        Vals.str(v.get("title")),
        ExpertSkill.ordered(Vals.list(v.get("skills"), ExpertSkill::from)),
        Vals.list(v.get("projects"), ProjectNode::from),
        Vals.list(v.get("collaborators"), ExpertNode::from),
        Vals.list(v.get("publications"), PublicationNode::from),
        Vals.list(v.get("teams"), TeamNode::from),
        properties(v));
  }

  private static Map<String, Object> properties(Value v) {
    List<String> declared = SchemaProperties.of("Expert");
    if (declared.isEmpty()) return Map.of();
    Map<String, Object> m = new java.util.HashMap<>();
    for (String f : declared) {
      Value p = v.get(f);
      if (p != null && !p.isNull()) m.put(f, p.asObject());
    }
    return m;
  }

  @Override
  public Object property(String field) {
    return properties == null ? null : properties.get(field);
  }

  @Override
  public List<?> prefetched(String field) {
    return switch (field) {
      case "skills" -> skills;
      case "projects" -> projects;
      case "collaborators" -> collaborators;
      case "publications" -> publications;
      case "teams" -> teams;
      default -> null;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExpertNode e && java.util.Objects.equals(id, e.id);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(id);
  }

  /** {@code type ExpertSkill}: a HAS_SKILL relationship with its skill. */
  public record ExpertSkill(
      Integer level, String evidence, String source, String since, SkillNode skill) {
    /**
     * An expert's skills, highest level first, then by skill id: the order of {@code
     * Expert.skills}. The graph returns relationships in the order they were stored, which is no
     * order (a restored store holds the same facts stored in another order).
     */
    public static final java.util.Comparator<ExpertSkill> ORDER =
        java.util.Comparator.comparing(
                ExpertSkill::level,
                java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
            .thenComparing(
                (ExpertSkill s) -> s.skill() == null ? null : s.skill().id(),
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));

    /** {@code skills} in {@link #ORDER}; null stays null. */
    public static List<ExpertSkill> ordered(List<ExpertSkill> skills) {
      if (skills == null || skills.size() < 2) return skills;
      List<ExpertSkill> sorted = new java.util.ArrayList<>(skills);
      sorted.sort(ORDER);
      return java.util.Collections.unmodifiableList(sorted);
    }

    public static ExpertSkill from(Value v) {
      if (v == null || v.isNull()) return null;
      return new ExpertSkill(
          Vals.integer(v.get("level")),
          Vals.str(v.get("evidence")),
          Vals.str(v.get("source")),
          Vals.str(v.get("since")),
          SkillNode.from(v.get("skill")));
    }
  }

  /** {@code type Publication}. */
  public record PublicationNode(String id, String title, Integer year, String venue) {
    public static PublicationNode from(Value v) {
      if (v == null || v.isNull()) return null;
      return new PublicationNode(
          Vals.str(v.get("id")),
          Vals.str(v.get("title")),
          Vals.integer(v.get("year")),
          Vals.str(v.get("venue")));
    }
  }

  /** {@code type Team}. */
  public record TeamNode(String id, String name) {
    public static TeamNode from(Value v) {
      if (v == null || v.isNull()) return null;
      return new TeamNode(Vals.str(v.get("id")), Vals.str(v.get("name")));
    }
  }
}
