package dev.talentgraph.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The audit form of a query keeps its shape and drops every literal and comment. */
class AuditTextTests {
  @Test
  void literalsAndCommentsAreReplaced() {
    String q =
        "MATCH (e:Expert2)-[:HAS_SKILL]->(s) // secret note\n WHERE e.mail = 'a@b.org' AND s.level > 3.5"
            + " /* more */ RETURN e.`name 1`, $param LIMIT 10";
    String r = AuditText.redact(q);
    assertThat(r)
        .isEqualTo(
            "MATCH (e:Expert2)-[:HAS_SKILL]->(s) WHERE e.mail = ? AND s.level > ? RETURN e.`name 1`,"
                + " $param LIMIT ?");
    assertThat(r).doesNotContain("a@b.org").doesNotContain("secret").doesNotContain("3.5");
  }

  @Test
  void doubleQuotedAndEscapedStringsAndLongQueries() {
    assertThat(AuditText.redact("RETURN \"x\\\"y\" AS v")).isEqualTo("RETURN ? AS v");
    assertThat(AuditText.redact("RETURN 1" + " + 1".repeat(1000)))
        .endsWith("…")
        .hasSizeLessThan(AuditText.MAX + 10);
  }
}
