package dev.talentgraph.communities;

import dev.talentgraph.communities.CommunityService.CommunityBridge;
import dev.talentgraph.communities.CommunityService.CommunityView;
import dev.talentgraph.communities.CommunityService.RunView;
import dev.talentgraph.graphql.Paging;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.UserError;
import dev.talentgraph.graphql.nodes.ExpertNode;
import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dataloader.BatchLoaderEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code communities}, {@code community}, {@code Expert.communities} and {@code refreshCommunities}
 * (who may refresh: {@code dev.talentgraph.security.FieldAccessRules}).
 */
@Controller
class CommunityController {
  record CommunityConnection(
      List<Paging.Edge<CommunityView>> edges,
      Paging.PageInfo pageInfo,
      Integer totalCount,
      RunView run) {}

  record RefreshPayload(RunView run, List<UserError> errors) {}

  private final CommunityService service;
  private final Paging paging;

  CommunityController(CommunityService service, Paging paging) {
    this.service = service;
    this.paging = paging;
  }

  @QueryMapping
  Mono<CommunityConnection> communities(
      @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
    Paging.Window window = paging.window(first, after);
    return service
        .page(RoundTrips.of(env), window)
        .map(
            p -> {
              Paging.Connection<CommunityView> c =
                  Paging.connection(window, p.communities(), p.total());
              return new CommunityConnection(c.edges(), c.pageInfo(), c.totalCount(), p.run());
            });
  }

  @QueryMapping
  Mono<CommunityView> community(@Argument String id, DataFetchingEnvironment env) {
    return service.one(RoundTrips.of(env), id);
  }

  @BatchMapping(typeName = "Expert")
  Mono<Map<ExpertNode, List<CommunityView>>> communities(
      List<ExpertNode> experts, BatchLoaderEnvironment env) {
    List<String> ids = experts.stream().map(ExpertNode::id).distinct().toList();
    return service
        .ofExperts(RoundTrips.of(env), ids)
        .map(
            byId -> {
              Map<ExpertNode, List<CommunityView>> out = new HashMap<>();
              for (ExpertNode e : experts) out.put(e, byId.getOrDefault(e.id(), List.of()));
              return out;
            });
  }

  @SchemaMapping(typeName = "PracticeCommunity")
  Mono<List<ExpertNode>> members(
      CommunityView community, @Argument Integer first, DataFetchingEnvironment env) {
    return service.members(RoundTrips.of(env), community.id(), limit(first, 20));
  }

  @SchemaMapping(typeName = "PracticeCommunity")
  Mono<List<CommunityBridge>> bridges(
      CommunityView community, @Argument Integer first, DataFetchingEnvironment env) {
    return service.bridges(RoundTrips.of(env), community.id(), limit(first, 10));
  }

  @MutationMapping
  Mono<RefreshPayload> refreshCommunities() {
    return service
        .refresh()
        .map(r -> new RefreshPayload(r, List.of()))
        .onErrorResume(
            CommunityDetection.CommunityException.class,
            e ->
                Mono.just(
                    new RefreshPayload(
                        null,
                        List.of(new UserError(null, e.getMessage(), UserError.Code.INVALID)))));
  }

  private static int limit(Integer first, int dflt) {
    int n = first == null ? dflt : first;
    if (n < 0 || n > 100) {
      throw new dev.talentgraph.graphql.InvalidArgumentException(
          "first", "first must be between 0 and 100 (was " + n + ")");
    }
    return n;
  }
}
