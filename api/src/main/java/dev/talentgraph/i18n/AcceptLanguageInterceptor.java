package dev.talentgraph.i18n;

import dev.talentgraph.schema.i18n.Languages;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the first supported language of the request's {@code Accept-Language} header into the
 * GraphQL context, where {@code Skill.label} reads it when the client gives no {@code lang}.
 */
@Component
class AcceptLanguageInterceptor implements WebGraphQlInterceptor {
  /** The GraphQL context key of the request language (absent when the header names none). */
  static final String KEY = AcceptLanguageInterceptor.class.getName() + ".language";

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    String lang = Languages.fromAcceptLanguage(request.getHeaders().getFirst("Accept-Language"));
    if (lang != null) {
      request.configureExecutionInput(
          (input, builder) -> {
            input.getGraphQLContext().put(KEY, lang);
            return input;
          });
    }
    return chain.next(request);
  }
}
