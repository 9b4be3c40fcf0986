package dev.talentgraph.projects;

import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.NodeQuery;
import dev.talentgraph.graphql.OrderDirection;
import dev.talentgraph.graphql.Paging;
import dev.talentgraph.graphql.Paging.Connection;
import dev.talentgraph.graphql.Relations;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.Selection;
import dev.talentgraph.graphql.SelectionPlans;
import dev.talentgraph.graphql.Vals;
import dev.talentgraph.graphql.nodes.ProjectNode;
import dev.talentgraph.graphql.nodes.ProjectNode.ProjectMember;
import dev.talentgraph.graphql.nodes.ProjectNode.RequiredSkill;
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

/** {@code project(id)}, {@code projects(...)} and the nested lists of {@code Project}. */
@Controller
class ProjectController {
  /** {@code input ProjectWhere}. */
  record ProjectWhere(
      String nameContains, String status, SkillRequirement requiresSkill, String member) {}

  /** {@code input ProjectOrderBy}. */
  record ProjectOrderBy(Field field, OrderDirection direction) {
    enum Field {
      ID,
      NAME,
      STATUS
    }

    String cypher() {
      String dir = (direction == null ? OrderDirection.ASC : direction).cypher();
      return switch (field == null ? Field.ID : field) {
        case ID -> "n.id" + dir;
        case NAME -> "n.name" + dir + ", n.id";
        case STATUS -> "n.status" + dir + ", n.name, n.id";
      };
    }
  }

  private final CypherGateway cypher;
  private final Paging paging;

  ProjectController(CypherGateway cypher, Paging paging) {
    this.cypher = cypher;
    this.paging = paging;
  }

  @QueryMapping
  Mono<ProjectNode> project(@Argument String id, DataFetchingEnvironment env) {
    String statement =
        SelectionPlans.of(
            env, s -> NodeQuery.byId(Labels.PROJECT, ProjectNode.projection(Selection.of(s), "")));
    return cypher
        .read(RoundTrips.of(env), statement, Map.of("id", id))
        .flatMap(
            rows ->
                rows.isEmpty()
                    ? Mono.empty()
                    : Mono.just(ProjectNode.from(rows.get(0).get("node"))));
  }

  @QueryMapping
  Mono<Connection<ProjectNode>> projects(
      @Argument Integer first,
      @Argument String after,
      @Argument ProjectWhere where,
      @Argument ProjectOrderBy orderBy,
      DataFetchingEnvironment env) {
    Paging.Window window = paging.window(first, after);
    NodeQuery q = new NodeQuery(Labels.PROJECT);
    if (where != null) {
      if (where.nameContains() != null) {
        q.where("toLower(n.name) CONTAINS $nameContains")
            .param("nameContains", where.nameContains().toLowerCase(Locale.ROOT));
      }
      if (where.status() != null) q.where("n.status = $status").param("status", where.status());
      if (where.requiresSkill() != null) {
        where
            .requiresSkill()
            .addTo(q, "(n)-[r:REQUIRES]->(s:Skill)", "requires", "where.requiresSkill");
      }
      if (where.member() != null) {
        q.where("EXISTS { MATCH (n)<-[:WORKED_ON]-(:Expert {id: $member}) }")
            .param("member", where.member());
      }
    }
    Paging.PagePlan plan =
        SelectionPlans.of(
            env,
            s ->
                new Paging.PagePlan(
                    ProjectNode.projection(Selection.of(s), "edges/node/"),
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
                  Vals.list(r.get("nodes"), ProjectNode::from),
                  total ? r.get("total").asInt() : null);
            });
  }

  @BatchMapping(typeName = "Project")
  Mono<Map<ProjectNode, List<RequiredSkill>>> requires(
      List<ProjectNode> projects, BatchLoaderEnvironment env) {
    return Relations.resolve(
        projects,
        ProjectNode::requires,
        ProjectNode::id,
        Relations.loader(
            cypher,
            RoundTrips.of(env),
            Labels.PROJECT,
            ProjectNode.LISTS.get("requires").of(Selection.ALL, ""),
            RequiredSkill::from));
  }

  @BatchMapping(typeName = "Project")
  Mono<Map<ProjectNode, List<ProjectMember>>> members(
      List<ProjectNode> projects, BatchLoaderEnvironment env) {
    return Relations.resolve(
        projects,
        ProjectNode::members,
        ProjectNode::id,
        Relations.loader(
            cypher,
            RoundTrips.of(env),
            Labels.PROJECT,
            ProjectNode.LISTS.get("members").of(Selection.ALL, ""),
            ProjectMember::from));
  }
}
