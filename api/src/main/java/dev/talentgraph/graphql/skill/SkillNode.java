package dev.talentgraph.graphql.skill;

import dev.talentgraph.graphql.Vals;
import dev.talentgraph.graphql.expert.ExpertNode;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/**
 * A skill as the API reads it. A nested list is null when it was not fetched with the node (it is then
 * loaded in one batch for all the skills of the request, see {@code SkillController}). Equal by id, so
 * that a skill reached along two paths is loaded once.
 */
public record SkillNode(String id, String name, String category, List<String> aliases, List<SkillNode> broader,
    List<SkillNode> narrower, List<SkillHolder> experts) {

  /** The scalar part of the projection. */
  public static final String SCALARS = ".id, .name, .category, .aliases";

  /** The nested list fields, each one pattern comprehension over {@code n}. */
  public static final Map<String, String> FRAGMENTS = fragments();

  private static Map<String, String> fragments() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("broader", "[(n)-[:BROADER]->(sb:Skill) | sb {" + SCALARS + "}]");
    m.put("narrower", "[(n)<-[:BROADER]-(sn:Skill) | sn {" + SCALARS + "}]");
    m.put("experts", "[(n)<-[sr:HAS_SKILL]-(se:Expert) | {level: sr.level, evidence: sr.evidence, source: sr.source,"
        + " since: sr.since, expert: se {" + ExpertNode.SCALARS + "}}]");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The projection of a skill reached through a relationship from another node. */
  public static String summary(String var) {
    return var + " {" + SCALARS + "}";
  }

  public static SkillNode from(Value v) {
    return new SkillNode(Vals.str(v.get("id")), Vals.str(v.get("name")), Vals.str(v.get("category")),
        Vals.strings(v.get("aliases")), Vals.list(v.get("broader"), SkillNode::from),
        Vals.list(v.get("narrower"), SkillNode::from), Vals.list(v.get("experts"), SkillHolder::from));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SkillNode s && id.equals(s.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** An expert holding this skill, with the HAS_SKILL properties. */
  public record SkillHolder(Integer level, String evidence, String source, String since, ExpertNode expert) {
    static SkillHolder from(Value v) {
      return new SkillHolder(Vals.integer(v.get("level")), Vals.str(v.get("evidence")), Vals.str(v.get("source")),
          Vals.str(v.get("since")), ExpertNode.from(v.get("expert")));
    }
  }
}
