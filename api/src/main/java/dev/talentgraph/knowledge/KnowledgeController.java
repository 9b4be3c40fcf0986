package dev.talentgraph.knowledge;

import dev.talentgraph.knowledge.KnowledgeTypes.Where;
import dev.talentgraph.knowledge.KnowledgeTypes.WhoKnows;
import dev.talentgraph.security.Principal;
import dev.talentgraph.security.RequestAccess;
import dev.talentgraph.security.Role;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** {@code whoKnows}: who knows a skill, with the evidence that ranks them. */
@Controller
class KnowledgeController {
  private final WhoKnowsService whoKnows;

  KnowledgeController(WhoKnowsService whoKnows) {
    this.whoKnows = whoKnows;
  }

  @QueryMapping
  Mono<WhoKnows> whoKnows(
      @Argument String skill,
      @Argument String text,
      @Argument Integer first,
      @Argument Where where,
      DataFetchingEnvironment env) {
    return whoKnows.whoKnows(skill, text, first, where, fullView(principal(env)));
  }

  static Principal principal(DataFetchingEnvironment env) {
    RequestAccess access =
        env.getGraphQlContext() == null ? null : env.getGraphQlContext().get(RequestAccess.class);
    return access == null ? null : access.principal();
  }

  /**
   * Scores and non-public evidence (projects, courses) for ADMIN, HR and MANAGER; PORTAL, EMPLOYEE
   * and ANALYST see the public knowledge.
   */
  static boolean fullView(Principal p) {
    return p != null && (p.has(Role.ADMIN) || p.has(Role.HR) || p.has(Role.MANAGER));
  }
}
