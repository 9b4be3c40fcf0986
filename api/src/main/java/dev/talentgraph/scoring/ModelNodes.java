package dev.talentgraph.scoring;

import dev.talentgraph.graphql.NodeResolver;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code node(id:)} for a Model: read through {@code models}, so with its roles (ADMIN, HR,
 * ANALYST).
 */
@Component
class ModelNodes implements NodeResolver {
  @Override
  public String type() {
    return "Model";
  }

  @Override
  public Mono<?> resolve(String key, DataFetchingEnvironment env) {
    return NodeResolver.viaQuery(env, "models", Map.of())
        .flatMap(
            r -> {
              if (!(r instanceof List<?> models)) return Mono.just(r); // a refusal
              return Mono.justOrEmpty(
                  models.stream()
                      .filter(m -> m instanceof ScoreController.ModelView v && v.id().equals(key))
                      .findFirst());
            });
  }
}
