package dev.talentgraph.learning;

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
import dev.talentgraph.graphql.nodes.CourseNode;
import dev.talentgraph.graphql.nodes.CourseNode.TaughtSkill;
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

/** {@code course(id)}, {@code courses(...)} and {@code Course.teaches}. */
@Controller
class CourseController {
  /** {@code input CourseWhere}. */
  record CourseWhere(String titleContains, SkillRequirement teaches) {}

  /** {@code input CourseOrderBy}. */
  record CourseOrderBy(Field field, OrderDirection direction) {
    enum Field {
      ID,
      TITLE,
      HOURS
    }

    String cypher() {
      String dir = (direction == null ? OrderDirection.ASC : direction).cypher();
      return switch (field == null ? Field.ID : field) {
        case ID -> "n.id" + dir;
        case TITLE -> "n.title" + dir + ", n.id";
        case HOURS -> "n.hours" + dir + ", n.title, n.id";
      };
    }
  }

  private final CypherGateway cypher;
  private final Paging paging;

  CourseController(CypherGateway cypher, Paging paging) {
    this.cypher = cypher;
    this.paging = paging;
  }

  @QueryMapping
  Mono<CourseNode> course(@Argument String id, DataFetchingEnvironment env) {
    String statement =
        SelectionPlans.of(
            env, s -> NodeQuery.byId(Labels.COURSE, CourseNode.projection(Selection.of(s), "")));
    return cypher
        .read(RoundTrips.of(env), statement, Map.of("id", id))
        .flatMap(
            rows ->
                rows.isEmpty()
                    ? Mono.empty()
                    : Mono.just(CourseNode.from(rows.get(0).get("node"))));
  }

  @QueryMapping
  Mono<Connection<CourseNode>> courses(
      @Argument Integer first,
      @Argument String after,
      @Argument CourseWhere where,
      @Argument CourseOrderBy orderBy,
      DataFetchingEnvironment env) {
    Paging.Window window = paging.window(first, after);
    NodeQuery q = new NodeQuery(Labels.COURSE);
    if (where != null) {
      if (where.titleContains() != null) {
        q.where("toLower(n.title) CONTAINS $titleContains")
            .param("titleContains", where.titleContains().toLowerCase(Locale.ROOT));
      }
      if (where.teaches() != null)
        where.teaches().addTo(q, "(n)-[r:TEACHES]->(s:Skill)", "teaches", "where.teaches");
    }
    Paging.PagePlan plan =
        SelectionPlans.of(
            env,
            s ->
                new Paging.PagePlan(
                    CourseNode.projection(Selection.of(s), "edges/node/"),
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
                  Vals.list(r.get("nodes"), CourseNode::from),
                  total ? r.get("total").asInt() : null);
            });
  }

  @BatchMapping(typeName = "Course")
  Mono<Map<CourseNode, List<TaughtSkill>>> teaches(
      List<CourseNode> courses, BatchLoaderEnvironment env) {
    return Relations.resolve(
        courses,
        CourseNode::teaches,
        CourseNode::id,
        Relations.loader(
            cypher,
            RoundTrips.of(env),
            Labels.COURSE,
            CourseNode.LISTS.get("teaches").of(Selection.ALL, ""),
            TaughtSkill::from));
  }
}
