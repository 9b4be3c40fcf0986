package dev.talentgraph.profiles;

import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.InvalidArgumentException;
import dev.talentgraph.graphql.NodeQuery;
import dev.talentgraph.graphql.OrderDirection;
import dev.talentgraph.graphql.Paging;
import dev.talentgraph.graphql.Paging.Connection;
import dev.talentgraph.graphql.Relations;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.Selection;
import dev.talentgraph.graphql.SelectionPlans;
import dev.talentgraph.graphql.Vals;
import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.graphql.nodes.ExpertNode.ExpertSkill;
import dev.talentgraph.graphql.nodes.ExpertNode.PublicationNode;
import dev.talentgraph.graphql.nodes.ExpertNode.TeamNode;
import dev.talentgraph.graphql.nodes.ProjectNode;
import dev.talentgraph.graphql.nodes.SkillRequirement;
import dev.talentgraph.schema.Labels;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dataloader.BatchLoaderEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code expert(id)}, {@code experts(...)} and the nested lists of {@code Expert}.
 *
 * <p>A page of experts and the nested lists the client selected on it come back from ONE statement
 * ({@link Projection}); the {@code @BatchMapping}s below answer those lists from memory and load
 * them in one batch only for experts that did not come with them (collaborators, members of a
 * project, ...).
 */
@Controller
class ExpertController {
  /** {@code input ExpertWhere}; all given conditions must hold. */
  record ExpertWhere(
      String nameContains,
      String country,
      String region,
      String team,
      List<SkillRequirement> hasSkill) {}

  /** {@code input ExpertOrderBy}. */
  record ExpertOrderBy(Field field, OrderDirection direction) {
    enum Field {
      ID,
      NAME,
      COUNTRY,
      REGION
    }

    String cypher() {
      String dir = (direction == null ? OrderDirection.ASC : direction).cypher();
      return switch (field == null ? Field.ID : field) {
        case ID -> "n.id" + dir;
        case NAME -> "n.name" + dir + ", n.id";
        case COUNTRY -> "n.country" + dir + ", n.name, n.id";
        case REGION -> "n.region" + dir + ", n.name, n.id";
      };
    }
  }

  private final CypherGateway cypher;
  private final Paging paging;

  ExpertController(CypherGateway cypher, Paging paging) {
    this.cypher = cypher;
    this.paging = paging;
  }

  @QueryMapping
  Mono<ExpertNode> expert(@Argument String id, DataFetchingEnvironment env) {
    String statement =
        SelectionPlans.of(
            env, s -> NodeQuery.byId(Labels.EXPERT, ExpertNode.projection(Selection.of(s), "")));
    return cypher
        .read(RoundTrips.of(env), statement, Map.of("id", id))
        .flatMap(
            rows ->
                rows.isEmpty()
                    ? Mono.empty()
                    : Mono.just(ExpertNode.from(rows.get(0).get("node"))));
  }

  @QueryMapping
  Mono<Connection<ExpertNode>> experts(
      @Argument Integer first,
      @Argument String after,
      @Argument ExpertWhere where,
      @Argument ExpertOrderBy orderBy,
      DataFetchingEnvironment env) {
    Paging.Window window = paging.window(first, after);
    NodeQuery q = filter(where);
    Paging.PagePlan plan =
        SelectionPlans.of(
            env,
            s ->
                new Paging.PagePlan(
                    ExpertNode.projection(Selection.of(s), "edges/node/"),
                    s.contains("totalCount")));
    boolean total = plan.total();
    String statement =
        q.page(orderBy == null ? "n.id" : orderBy.cypher(), plan.projection(), total, window);
    return cypher
        .read(RoundTrips.of(env), statement, q.parameters())
        .map(
            rows -> {
              var r = rows.get(0);
              return Paging.connection(
                  window,
                  Vals.list(r.get("nodes"), ExpertNode::from),
                  total ? r.get("total").asInt() : null);
            });
  }

  static NodeQuery filter(ExpertWhere where) {
    NodeQuery q = new NodeQuery(Labels.EXPERT);
    if (where == null) return q;
    if (where.nameContains() != null) {
      q.where("toLower(n.name) CONTAINS $nameContains")
          .param("nameContains", where.nameContains().toLowerCase(Locale.ROOT));
    }
    if (where.country() != null) q.where("n.country = $country").param("country", where.country());
    if (where.region() != null) q.where("n.region = $region").param("region", where.region());
    if (where.team() != null) {
      if (where.team().isBlank())
        throw new InvalidArgumentException("where.team", "where.team must be a team id or name");
      q.where("EXISTS { MATCH (n)-[:MEMBER_OF]->(t:Team) WHERE t.id = $team OR t.name = $team }")
          .param("team", where.team());
    }
    if (where.hasSkill() != null) {
      SkillRequirement.addAllTo(
          q, where.hasSkill(), "(n)-[r:HAS_SKILL]->(s:Skill)", "hasSkill", "where.hasSkill");
    }
    return q;
  }

  @BatchMapping(typeName = "Expert")
  Mono<Map<ExpertNode, List<ExpertSkill>>> skills(
      List<ExpertNode> experts, BatchLoaderEnvironment env) {
    return Relations.resolve(
            experts,
            ExpertNode::skills,
            ExpertNode::id,
            Relations.loader(
                cypher,
                RoundTrips.of(env),
                Labels.EXPERT,
                ExpertNode.LISTS.get("skills").of(Selection.ALL, ""),
                ExpertSkill::from))
        .map(
            bySkillHolder -> {
              Map<ExpertNode, List<ExpertSkill>> ordered = new java.util.LinkedHashMap<>();
              bySkillHolder.forEach((e, skills) -> ordered.put(e, ExpertSkill.ordered(skills)));
              return ordered;
            });
  }

  @BatchMapping(typeName = "Expert")
  Mono<Map<ExpertNode, List<ProjectNode>>> projects(
      List<ExpertNode> experts, BatchLoaderEnvironment env) {
    return Relations.resolve(
        experts,
        ExpertNode::projects,
        ExpertNode::id,
        Relations.loader(
            cypher,
            RoundTrips.of(env),
            Labels.EXPERT,
            ExpertNode.LISTS.get("projects").of(Selection.ALL, ""),
            ProjectNode::from));
  }

  @BatchMapping(typeName = "Expert")
  Mono<Map<ExpertNode, List<ExpertNode>>> collaborators(
      List<ExpertNode> experts, BatchLoaderEnvironment env) {
    return Relations.resolve(
        experts,
        ExpertNode::collaborators,
        ExpertNode::id,
        Relations.loader(
            cypher,
            RoundTrips.of(env),
            Labels.EXPERT,
            ExpertNode.LISTS.get("collaborators").of(Selection.ALL, ""),
            ExpertNode::from));
  }

  @BatchMapping(typeName = "Expert")
  Mono<Map<ExpertNode, List<PublicationNode>>> publications(
      List<ExpertNode> experts, BatchLoaderEnvironment env) {
    return Relations.resolve(
        experts,
        ExpertNode::publications,
        ExpertNode::id,
        Relations.loader(
            cypher,
            RoundTrips.of(env),
            Labels.EXPERT,
            ExpertNode.LISTS.get("publications").of(Selection.ALL, ""),
            PublicationNode::from));
  }

  @BatchMapping(typeName = "Expert")
  Mono<Map<ExpertNode, List<TeamNode>>> teams(
      List<ExpertNode> experts, BatchLoaderEnvironment env) {
    return Relations.resolve(
        experts,
        ExpertNode::teams,
        ExpertNode::id,
        Relations.loader(
            cypher,
            RoundTrips.of(env),
            Labels.EXPERT,
            ExpertNode.LISTS.get("teams").of(Selection.ALL, ""),
            TeamNode::from));
  }
}
