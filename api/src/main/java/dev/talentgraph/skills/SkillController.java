package dev.talentgraph.skills;

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
import dev.talentgraph.graphql.nodes.SkillNode;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.i18n.Languages;
import graphql.schema.DataFetchingEnvironment;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.BatchLoaderEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code skill(id)}, {@code skills(...)}, the nested lists of {@code Skill} and its {@code experts}
 * connection.
 */
@Controller
class SkillController {
  /** {@code input SkillWhere}. */
  record SkillWhere(String nameContains, String text, String category, String broader) {}

  /** {@code input SkillOrderBy}. */
  record SkillOrderBy(Field field, OrderDirection direction) {
    enum Field {
      ID,
      NAME,
      CATEGORY
    }

    String cypher() {
      String dir = (direction == null ? OrderDirection.ASC : direction).cypher();
      return switch (field == null ? Field.ID : field) {
        case ID -> "n.id" + dir;
        case NAME -> "n.name" + dir + ", n.id";
        case CATEGORY -> "n.category" + dir + ", n.name, n.id";
      };
    }
  }

  /** {@code input SkillHolderWhere}. */
  record SkillHolderWhere(Integer minLevel) {}

  /**
   * {@code nameContains}: the name, the aliases, and the label and synonyms of every language of
   * {@link Languages#SKILL_LANGUAGES}.
   */
  static final String NAME_CONTAINS = nameContains();

  private static String nameContains() {
    StringBuilder all = new StringBuilder("coalesce(n.aliases, [])");
    for (String lang : Languages.SKILL_LANGUAGES) {
      if (!lang.equals(Languages.ENGLISH))
        all.append(" + coalesce([n.").append(Languages.labelKey(lang)).append("], [])");
      all.append(" + coalesce(n.").append(Languages.altLabelsKey(lang)).append(", [])");
    }
    return "(toLower(n.name) CONTAINS $nameContains OR any(a IN "
        + all
        + " WHERE toLower(a) CONTAINS $nameContains))";
  }

  /** {@code text}: the skill full-text index (V0012), which covers every language. */
  static final String TEXT_SOURCE =
      "CALL db.index.fulltext.queryNodes('skill_names', $text) YIELD node AS n, score WHERE n:"
          + Labels.SKILL;

  /** The batched load of the holders of skills whose statement did not fetch them. */
  static final String EXPERTS_LOADER = "Skill.experts";

  /**
   * The order of {@code Skill.experts}: the highest level first, then by expert id (cursors are
   * positions in it).
   */
  private static final Comparator<SkillNode.SkillHolder> HOLDER_ORDER =
      Comparator.comparing(
              (SkillNode.SkillHolder h) -> h.level() == null ? Integer.MIN_VALUE : h.level())
          .reversed()
          .thenComparing(h -> h.expert() == null ? "" : h.expert().id());

  private final CypherGateway cypher;
  private final Paging paging;

  SkillController(CypherGateway cypher, Paging paging, BatchLoaderRegistry loaders) {
    this.cypher = cypher;
    this.paging = paging;
    loaders
        .<String, List<SkillNode.SkillHolder>>forName(EXPERTS_LOADER)
        .registerMappedBatchLoader(
            (ids, env) ->
                Relations.loader(
                        cypher,
                        RoundTrips.of(env),
                        Labels.SKILL,
                        SkillNode.LISTS.get("experts").of(Selection.ALL, ""),
                        SkillNode.SkillHolder::from)
                    .apply(List.copyOf(ids)));
  }

  @QueryMapping
  Mono<SkillNode> skill(@Argument String id, DataFetchingEnvironment env) {
    String statement =
        SelectionPlans.of(
            env, s -> NodeQuery.byId(Labels.SKILL, SkillNode.projection(Selection.of(s), "")));
    return cypher
        .read(RoundTrips.of(env), statement, Map.of("id", id))
        .flatMap(
            rows ->
                rows.isEmpty() ? Mono.empty() : Mono.just(SkillNode.from(rows.get(0).get("node"))));
  }

  @QueryMapping
  Mono<Connection<SkillNode>> skills(
      @Argument Integer first,
      @Argument String after,
      @Argument SkillWhere where,
      @Argument SkillOrderBy orderBy,
      DataFetchingEnvironment env) {
    Paging.Window window = paging.window(first, after);
    NodeQuery q = new NodeQuery(Labels.SKILL);
    boolean ranked = false;
    if (where != null) {
      if (where.nameContains() != null) {
        q.where(NAME_CONTAINS).param("nameContains", where.nameContains().toLowerCase(Locale.ROOT));
      }
      if (where.text() != null) {
        String lucene = SkillText.luceneQuery(where.text());
        if (lucene == null) q.where("false");
        else {
          q.source(TEXT_SOURCE).param("text", lucene);
          ranked = true;
        }
      }
      if (where.category() != null)
        q.where("n.category = $category").param("category", where.category());
      if (where.broader() != null) {
        if (where.broader().isBlank())
          throw new InvalidArgumentException("where.broader", "where.broader must be a skill id");
        q.where("EXISTS { MATCH (n)-[:BROADER*1..]->(:Skill {id: $broader}) }")
            .param("broader", where.broader());
      }
    }
    Paging.PagePlan plan =
        SelectionPlans.of(
            env,
            s ->
                new Paging.PagePlan(
                    SkillNode.projection(Selection.of(s), "edges/node/"),
                    s.contains("totalCount")));
    boolean total = plan.total();
    String order = orderBy != null ? orderBy.cypher() : ranked ? "score DESC, n.id" : "n.id";
    String statement = q.page(order, plan.projection(), total, window);
    return cypher
        .read(RoundTrips.of(env), statement, q.parameters())
        .map(
            rows -> {
              var r = rows.get(0);
              return Paging.connection(
                  window,
                  Vals.list(r.get("nodes"), SkillNode::from),
                  total ? r.get("total").asInt() : null);
            });
  }

  @BatchMapping(typeName = "Skill")
  Mono<Map<SkillNode, List<SkillNode>>> broader(
      List<SkillNode> skills, BatchLoaderEnvironment env) {
    return Relations.resolve(
        skills,
        SkillNode::broader,
        SkillNode::id,
        Relations.loader(
            cypher,
            RoundTrips.of(env),
            Labels.SKILL,
            SkillNode.LISTS.get("broader").of(Selection.ALL, ""),
            SkillNode::from));
  }

  @BatchMapping(typeName = "Skill")
  Mono<Map<SkillNode, List<SkillNode>>> narrower(
      List<SkillNode> skills, BatchLoaderEnvironment env) {
    return Relations.resolve(
        skills,
        SkillNode::narrower,
        SkillNode::id,
        Relations.loader(
            cypher,
            RoundTrips.of(env),
            Labels.SKILL,
            SkillNode.LISTS.get("narrower").of(Selection.ALL, ""),
            SkillNode::from));
  }

  /**
   * {@code Skill.experts}: from the holders the skill was fetched with, or from one batched load
   * for all the skills of the request that came without them; filtered, ordered and cut to the page
   * here.
   */
  @SchemaMapping(typeName = "Skill", field = "experts")
  CompletableFuture<Connection<SkillNode.SkillHolder>> experts(
      SkillNode skill,
      @Argument Integer first,
      @Argument String after,
      @Argument SkillHolderWhere where,
      DataFetchingEnvironment env) {
    Paging.Window window = paging.window(first, after);
    Integer minLevel = where == null ? null : where.minLevel();
    boolean total = env.getSelectionSet().contains("totalCount");
    CompletableFuture<List<SkillNode.SkillHolder>> holders =
        skill.experts() != null
            ? CompletableFuture.completedFuture(skill.experts())
            : env.<String, List<SkillNode.SkillHolder>>getDataLoader(EXPERTS_LOADER)
                .load(skill.id());
    return holders.thenApply(
        loaded -> {
          List<SkillNode.SkillHolder> all = loaded == null ? List.of() : loaded;
          List<SkillNode.SkillHolder> matching =
              all.stream()
                  .filter(h -> minLevel == null || h.level() != null && h.level() >= minLevel)
                  .sorted(HOLDER_ORDER)
                  .toList();
          int from = Math.min(window.offset(), matching.size());
          List<SkillNode.SkillHolder> rows =
              matching.subList(from, Math.min(matching.size(), from + window.fetch()));
          return Paging.connection(window, rows, total ? matching.size() : null);
        });
  }
}
