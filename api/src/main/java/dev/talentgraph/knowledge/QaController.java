package dev.talentgraph.knowledge;

import dev.talentgraph.knowledge.KnowledgeTypes.AnswerPayload;
import dev.talentgraph.knowledge.KnowledgeTypes.QuestionPayload;
import dev.talentgraph.knowledge.KnowledgeTypes.QuestionRoute;
import dev.talentgraph.security.Principal;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** {@code routeQuestion} and the employees' questions and answers. */
@Controller
class QaController {
  private final QuestionRoutingService routing;
  private final QaService qa;

  QaController(QuestionRoutingService routing, QaService qa) {
    this.routing = routing;
    this.qa = qa;
  }

  @QueryMapping
  Mono<QuestionRoute> routeQuestion(
      @Argument String text,
      @Argument List<String> tags,
      @Argument Integer first,
      @Argument String community,
      DataFetchingEnvironment env) {
    Principal p = KnowledgeController.principal(env);
    return routing.route(
        text,
        tags,
        first,
        community,
        p == null ? null : p.expertId(),
        KnowledgeController.fullView(p));
  }

  @SuppressWarnings("unchecked")
  @MutationMapping
  Mono<QuestionPayload> postQuestion(
      @Argument Map<String, Object> input, DataFetchingEnvironment env) {
    return qa.postQuestion(
        (String) input.get("title"),
        (String) input.get("body"),
        (List<String>) input.get("tags"),
        expertId(env));
  }

  @MutationMapping
  Mono<AnswerPayload> postAnswer(@Argument Map<String, Object> input, DataFetchingEnvironment env) {
    return qa.postAnswer(
        (String) input.get("questionId"), (String) input.get("body"), expertId(env));
  }

  @MutationMapping
  Mono<AnswerPayload> acceptAnswer(
      @Argument Map<String, Object> input, DataFetchingEnvironment env) {
    return qa.acceptAnswer((String) input.get("answerId"), expertId(env));
  }

  private static String expertId(DataFetchingEnvironment env) {
    Principal p = KnowledgeController.principal(env);
    return p == null ? null : p.expertId();
  }
}
