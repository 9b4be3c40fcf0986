package dev.talentgraph.importers.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRepairTests {
  @Test
  void undoesUtf8ReadAsLatin1AndWindows1252() {
    assertThat(TextRepair.fixMojibake("NaÃ¯ve Bayes")).isEqualTo("Naïve Bayes");
    assertThat(TextRepair.fixMojibake("Python \u00e2\u0080\u00a2 SQL"))
        .isEqualTo("Python \u2022 SQL"); // Latin-1 C1 bytes
    assertThat(TextRepair.fixMojibake("Python \u00e2\u20ac\u00a2 SQL"))
        .isEqualTo("Python \u2022 SQL"); // Windows-1252 view
    assertThat(TextRepair.fixMojibake("donâ\u20ac\u2122t")).isEqualTo("don\u2019t");
  }

  @Test
  void undoesDoubleMojibake() {
    String once =
        new String(
            "Gómez".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.ISO_8859_1);
    String twice =
        new String(
            once.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(TextRepair.fixMojibake(twice)).isEqualTo("Gómez");
  }

  @Test
  void leavesCleanTextAlone() {
    for (String s :
        new String[] {
          "plain ascii",
          "Gómez Müller Øresund",
          "Ärger über Größe",
          "東京",
          "Ã is a letter, so is Â alone"
        }) {
      assertThat(TextRepair.fixMojibake(s)).isEqualTo(s);
    }
  }

  @Test
  void decodesHtmlCharacterReferences() {
    assertThat(TextRepair.decodeHtmlEntities("Gim&eacute;nez, Jes&uacute;s"))
        .isEqualTo("Giménez, Jesús");
    assertThat(TextRepair.decodeHtmlEntities("Zidra&#x17E;e &#269; &scedil;"))
        .isEqualTo("Zidraže č ş");
    assertThat(TextRepair.decodeHtmlEntities("Strau&szlig; &amp; &unknown; &#x92;s"))
        .isEqualTo("Strauß & &unknown; \u2019s");
    assertThat(TextRepair.decodeHtmlEntities("&yuml;&nbsp;&iexcl;"))
        .isEqualTo("\u00ff\u00a0\u00a1");
  }

  @Test
  void squeezesWhitespace() {
    assertThat(TextRepair.squeeze("  a \u00a0 b\t\tc  ")).isEqualTo("a b c");
  }
}
