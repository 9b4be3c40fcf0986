package dev.talentgraph.schema.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTests {

  @Test
  void acceptLanguagePicksTheFirstSupportedRangeByQuality() {
    assertThat(Languages.fromAcceptLanguage("fr-CA,fr;q=0.9,en;q=0.8")).isEqualTo("fr");
    assertThat(Languages.fromAcceptLanguage("ja, es-MX;q=0.7, en;q=0.9")).isEqualTo("en");
    assertThat(Languages.fromAcceptLanguage("ja, zh;q=0.5")).isNull();
    assertThat(Languages.fromAcceptLanguage("es;q=0")).isNull();
    assertThat(Languages.fromAcceptLanguage("not a header ;;; q=x")).isNull();
    assertThat(Languages.fromAcceptLanguage(null)).isNull();
  }

  @Test
  void englishLivesInTheBaseProperties() {
    assertThat(Languages.labelKey("en")).isEqualTo("name");
    assertThat(Languages.labelKey("es")).isEqualTo("label_es");
    assertThat(Languages.altLabelsKey("en")).isEqualTo("altLabels_en");
    assertThat(Languages.descriptionKey("fr")).isEqualTo("description_fr");
    assertThat(Languages.supported("PT_br")).isEqualTo("pt");
    assertThat(Languages.supported("x")).isNull();
  }
}
