package dev.talentgraph.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.graphql.GraphQlIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The taxonomy in several languages through GraphQL: {@code skills(where: {text})} and {@code
 * nameContains} find a skill by its Spanish or French label, {@code Skill.label(lang:)} and {@code
 * Accept-Language} pick the language, and a missing label falls back to English and says so. The
 * labels are set on the shared test graph's Machine Learning skill as {@code import esco-i18n}
 * writes them.
 */
class SkillLanguagesIT extends GraphQlIT {

  @BeforeEach
  void labels() {
    try (var s = driver.session()) {
      s.run(
              "MATCH (n:Skill {id: 's-ml'}) SET n.label_es = 'aprendizaje automático',"
                  + " n.altLabels_es = ['aprendizaje de máquinas'],"
                  + " n.label_fr = 'apprentissage automatique', n.altLabels_en = ['machine-learning']")
          .consume();
      s.run("CALL db.awaitIndexes(60)").consume();
    }
  }

  static List<String> ids(Json r) {
    return r.at("$.data.skills.edges[*].node.id");
  }

  @Test
  void textFindsASkillByItsLabelInAnyLanguageWithOrWithoutAccents() {
    for (String text :
        List.of("aprendizaje automático", "Aprendizaje Automatico", "apprentissage automatique")) {
      Json r = ok("skillLabels", vars("where", Map.of("text", text)));
      assertThat(ids(r)).as(text).containsExactly("s-ml");
    }
    assertThat(ids(ok("skillLabels", vars("where", Map.of("text", "learning")))))
        .as("English, best match first")
        .containsExactlyInAnyOrder("s-ml", "s-dl");
  }

  @Test
  void textIsWordsNeverQuerySyntax() {
    for (String text : List.of("learning) OR *:*", "\"machine", "-", "  ")) {
      Json r = run("skillLabels", vars("where", Map.of("text", text)));
      assertThat(r.has("$.errors")).as(text + ": " + r.body()).isFalse();
    }
    assertThat(ids(ok("skillLabels", vars("where", Map.of("text", "-"))))).isEmpty();
    assertThat(ids(ok("skillLabels", vars("where", Map.of("text", "learning) OR *:*")))))
        .as("'*:*' is no match-all and 'OR' no operator (the analyzer drops it as a stop word)")
        .containsExactlyInAnyOrder("s-ml", "s-dl");
  }

  @Test
  void nameContainsCoversTheLabelsOfEveryLanguage() {
    assertThat(ids(ok("skillLabels", vars("where", Map.of("nameContains", "AUTOMÁTICO")))))
        .containsExactly("s-ml");
  }

  @Test
  void labelPicksTheAskedLanguageAndFallsBackToEnglishSayingSo() {
    Json r = ok("skillLabels", vars("where", Map.of("nameContains", "learning"), "lang", "es-MX"));
    assertThat(r.<List<String>>at("$.data.skills.edges[?(@.node.id == 's-ml')].node.label.text"))
        .containsExactly("aprendizaje automático");
    assertThat(
            r.<List<List<String>>>at(
                "$.data.skills.edges[?(@.node.id == 's-ml')].node.label.synonyms"))
        .containsExactly(List.of("aprendizaje de máquinas"));
    assertThat(
            r.<List<Boolean>>at("$.data.skills.edges[?(@.node.id == 's-ml')].node.label.fallback"))
        .containsExactly(false);
    // Deep Learning has no Spanish label: its English name, marked as a fallback.
    assertThat(r.<List<String>>at("$.data.skills.edges[?(@.node.id == 's-dl')].node.label.text"))
        .containsExactly("Deep Learning");
    assertThat(
            r.<List<String>>at("$.data.skills.edges[?(@.node.id == 's-dl')].node.label.language"))
        .containsExactly("en");
    assertThat(
            r.<List<String>>at(
                "$.data.skills.edges[?(@.node.id == 's-dl')].node.label.requestedLanguage"))
        .containsExactly("es-MX");
    assertThat(
            r.<List<Boolean>>at("$.data.skills.edges[?(@.node.id == 's-dl')].node.label.fallback"))
        .containsExactly(true);
    assertThat(r.roundTrips()).as("the labels of the page in one batch").isEqualTo(2);
  }

  @Test
  void acceptLanguagePicksTheLanguageWhenLangIsNotGiven() {
    Json fr = withAcceptLanguage("ja;q=0.9, fr-CA;q=0.8, en;q=0.5");
    assertThat(fr.<String>at("$.data.skills.edges[0].node.label.text"))
        .isEqualTo("apprentissage automatique");
    // German is supported but the skill has no German label: English, as a fallback.
    Json de = withAcceptLanguage("de");
    assertThat(de.<String>at("$.data.skills.edges[0].node.label.text"))
        .isEqualTo("Machine Learning");
    assertThat(de.<Boolean>at("$.data.skills.edges[0].node.label.fallback")).isTrue();
    Json none = withAcceptLanguage("ja");
    assertThat(none.<String>at("$.data.skills.edges[0].node.label.requestedLanguage"))
        .isEqualTo("en");
    assertThat(none.<Boolean>at("$.data.skills.edges[0].node.label.fallback")).isFalse();
  }

  private Json withAcceptLanguage(String header) {
    String body =
        web.post()
            .uri("/graphql")
            .headers(
                h -> {
                  h.setBearerAuth(adminToken());
                  h.set("Accept-Language", header);
                })
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                Map.of(
                    "query",
                    document("skillLabels"),
                    "variables",
                    Map.of("where", Map.of("text", "machine learning"))))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    Json r = new Json(body);
    assertThat(r.has("$.errors")).as(body).isFalse();
    return r;
  }
}
