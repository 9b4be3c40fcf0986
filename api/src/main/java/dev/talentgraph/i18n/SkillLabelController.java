package dev.talentgraph.i18n;

import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.nodes.SkillNode;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.i18n.Languages;
import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * {@code Skill.label(lang:)}: the label and synonyms of a skill in the asked language ({@code
 * lang}, else the request's {@code Accept-Language}, else English). A skill without a label in that
 * language answers with its English name and {@code fallback: true}. The labels of all the skills
 * of a request are read in one batched statement.
 */
@Controller
class SkillLabelController {
  /** {@code type LocalizedLabel}. */
  record LocalizedLabel(
      String text,
      String language,
      String requestedLanguage,
      boolean fallback,
      List<String> synonyms) {}

  static final String LOADER = "Skill.label";

  /**
   * Every label property of the skills in {@code $ids}: one row per existing skill. The English
   * synonyms are the ESCO aliases plus the multilingual import's {@code altLabels_en}.
   */
  static final String LABELS = labels();

  private static String labels() {
    StringBuilder sb =
        new StringBuilder("UNWIND $ids AS id MATCH (n:")
            .append(Labels.SKILL)
            .append(" {id: id}) RETURN id, {");
    String sep = "";
    for (String lang : Languages.SKILL_LANGUAGES) {
      sb.append(sep)
          .append(lang)
          .append(": {label: n.")
          .append(Languages.labelKey(lang))
          .append(", synonyms: ")
          .append(Languages.ENGLISH.equals(lang) ? "coalesce(n.aliases, []) + " : "")
          .append("coalesce(n.")
          .append(Languages.altLabelsKey(lang))
          .append(", [])}");
      sep = ", ";
    }
    return sb.append("} AS labels").toString();
  }

  SkillLabelController(CypherGateway cypher, BatchLoaderRegistry loaders) {
    loaders
        .<String, Map<String, Object>>forName(LOADER)
        .registerMappedBatchLoader(
            (ids, env) ->
                cypher
                    .read(RoundTrips.of(env), LABELS, Map.of("ids", List.copyOf(ids)))
                    .map(
                        rows -> {
                          Map<String, Map<String, Object>> out = new HashMap<>();
                          for (var r : rows) {
                            Value v = r.get("labels");
                            out.put(r.get("id").asString(), v.asMap(x -> x.asObject()));
                          }
                          return out;
                        }));
  }

  @SchemaMapping(typeName = "Skill", field = "label")
  CompletableFuture<LocalizedLabel> label(
      SkillNode skill, @Argument String lang, DataFetchingEnvironment env) {
    String requested = lang;
    if (requested == null) requested = env.getGraphQlContext().get(AcceptLanguageInterceptor.KEY);
    if (requested == null) requested = Languages.ENGLISH;
    String asked = requested;
    return env.<String, Map<String, Object>>getDataLoader(LOADER)
        .load(skill.id())
        .thenApply(labels -> resolve(skill, asked, labels));
  }

  @SuppressWarnings("unchecked")
  static LocalizedLabel resolve(SkillNode skill, String asked, Map<String, Object> labels) {
    String lang = Languages.supported(asked);
    Map<String, Object> in =
        labels == null || lang == null ? null : (Map<String, Object>) labels.get(lang);
    if (in != null && in.get("label") != null)
      return new LocalizedLabel(
          (String) in.get("label"), lang, asked, false, (List<String>) in.get("synonyms"));
    Map<String, Object> en =
        labels == null ? null : (Map<String, Object>) labels.get(Languages.ENGLISH);
    String name = en != null && en.get("label") != null ? (String) en.get("label") : skill.name();
    List<String> synonyms = en == null ? List.of() : (List<String>) en.get("synonyms");
    return new LocalizedLabel(
        name, Languages.ENGLISH, asked, !Languages.ENGLISH.equals(lang), synonyms);
  }
}
