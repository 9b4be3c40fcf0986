package dev.talentgraph.graphql.expert;

import dev.talentgraph.graphql.Vals;
import dev.talentgraph.graphql.project.ProjectNode;
import dev.talentgraph.graphql.skill.SkillNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/**
 * An expert as the API reads it: the public part of the Expert node only (personal data lives on
 * separate nodes and is not reachable from here). A nested list is null when it was not fetched with
 * the node; it is then loaded in one batch for all experts of the request (see {@code ExpertController}).
 * Equal by id, so that an expert reached along two paths is loaded once.
 */
public record ExpertNode(String id, String name, String country, String region, String title,
    List<ExpertSkill> skills, List<ProjectNode> projects, List<ExpertNode> collaborators,
    List<PublicationNode> publications, List<TeamNode> teams) {

  /** The scalar part of the projection. */
  public static final String SCALARS = ".id, .name, .country, .region, .title";

  /**
   * The nested list fields, each one pattern comprehension over {@code n}. COLLABORATED_WITH is stored
   * once per pair, so it is read undirected.
   */
  public static final Map<String, String> FRAGMENTS = fragments();

  private static Map<String, String> fragments() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("skills", "[(n)-[xr:HAS_SKILL]->(xs:Skill) | {level: xr.level, evidence: xr.evidence, source: xr.source,"
        + " since: xr.since, skill: " + SkillNode.summary("xs") + "}]");
    m.put("projects", "[(n)-[:WORKED_ON]->(xp:Project) | " + ProjectNode.summary("xp") + "]");
    m.put("collaborators", "[(n)-[:COLLABORATED_WITH]-(xc:Expert) | xc {" + SCALARS + "}]");
    m.put("publications", "[(n)-[:AUTHORED]->(xu:Publication) | xu {.id, .title, .year, .venue}]");
    m.put("teams", "[(n)-[:MEMBER_OF]->(xt:Team) | xt {.id, .name}]");
    return java.util.Collections.unmodifiableMap(m);
  }

  public static ExpertNode from(Value v) {
    return new ExpertNode(Vals.str(v.get("id")), Vals.str(v.get("name")), Vals.str(v.get("country")),
        Vals.str(v.get("region")), Vals.str(v.get("title")), Vals.list(v.get("skills"), ExpertSkill::from),
        Vals.list(v.get("projects"), ProjectNode::from), Vals.list(v.get("collaborators"), ExpertNode::from),
        Vals.list(v.get("publications"), PublicationNode::from), Vals.list(v.get("teams"), TeamNode::from));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExpertNode e && id.equals(e.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** {@code type ExpertSkill}: a HAS_SKILL relationship with its skill. */
  public record ExpertSkill(Integer level, String evidence, String source, String since, SkillNode skill) {
    public static ExpertSkill from(Value v) {
      return new ExpertSkill(Vals.integer(v.get("level")), Vals.str(v.get("evidence")), Vals.str(v.get("source")),
          Vals.str(v.get("since")), SkillNode.from(v.get("skill")));
    }
  }

  /** {@code type Publication}. */
  public record PublicationNode(String id, String title, Integer year, String venue) {
    static PublicationNode from(Value v) {
      return new PublicationNode(Vals.str(v.get("id")), Vals.str(v.get("title")), Vals.integer(v.get("year")),
          Vals.str(v.get("venue")));
    }
  }

  /** {@code type Team}. */
  public record TeamNode(String id, String name) {
    static TeamNode from(Value v) {
      return new TeamNode(Vals.str(v.get("id")), Vals.str(v.get("name")));
    }
  }
}
