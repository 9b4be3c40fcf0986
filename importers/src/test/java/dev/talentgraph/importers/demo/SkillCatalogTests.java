package dev.talentgraph.importers.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SkillCatalogTests {

  @Test
  void shippedCatalogIsAFewHundredSkillsOnOneHierarchy() {
    SkillCatalog c = SkillCatalog.load();
    assertThat(c.entries()).hasSizeGreaterThanOrEqualTo(250);
    assertThat(c.assignable()).hasSizeGreaterThanOrEqualTo(200);
    Set<String> ids = new HashSet<>();
    c.entries().forEach(e -> assertThat(ids.add(e.id())).as("unique id %s", e.id()).isTrue());
    // every non-root points at an existing, shallower entry; roots are groups
    for (SkillCatalog.Entry e : c.entries()) {
      if (e.depth() == 0) {
        assertThat(e.broader()).isNull();
        assertThat(e.group()).isTrue();
        assertThat(e.assignable()).isFalse();
      } else {
        assertThat(c.get(e.broader()).depth()).isEqualTo(e.depth() - 1);
      }
    }
    assertThat(c.entries().stream().mapToInt(SkillCatalog.Entry::depth).max().orElseThrow())
        .isEqualTo(3);
    assertThat(c.related()).hasSizeGreaterThanOrEqualTo(40);
  }

  @Test
  void starredGroupsAreAlsoSkillsAndAliasesAreKept() {
    SkillCatalog c = SkillCatalog.load();
    SkillCatalog.Entry ml = c.get("s-machine-learning");
    assertThat(ml.group()).isTrue();
    assertThat(ml.assignable()).isTrue();
    assertThat(ml.aliases()).containsExactly("ML");
    SkillCatalog.Entry langs = c.get("s-programming-languages");
    assertThat(langs.group()).isTrue();
    assertThat(langs.assignable()).isFalse();
    assertThat(c.get("s-apache-kafka").broader()).isEqualTo("s-message-queues");
    assertThat(c.assignableUnder("s-machine-learning"))
        .extracting(SkillCatalog.Entry::id)
        .contains("s-machine-learning", "s-deep-learning", "s-pytorch")
        .doesNotContain("s-statistics");
  }

  @Test
  void slugsAreReadableAndDistinguishLookAlikes() {
    assertThat(SkillCatalog.slug("C#")).isEqualTo("c-sharp");
    assertThat(SkillCatalog.slug("C++")).isEqualTo("c-plus-plus");
    assertThat(SkillCatalog.slug("C")).isEqualTo("c");
    assertThat(SkillCatalog.slug(".NET")).isEqualTo("dotnet");
    assertThat(SkillCatalog.slug("Node.js")).isEqualTo("node-js");
    assertThat(SkillCatalog.slug("A/B testing")).isEqualTo("a-b-testing");
  }

  @Test
  void badOutlinesAreRejectedWithFileAndLine() {
    assertThatThrownBy(() -> SkillCatalog.parse("t.txt", "Root\n   Odd indent\n"))
        .hasMessageContaining("t.txt:2")
        .hasMessageContaining("two spaces");
    assertThatThrownBy(() -> SkillCatalog.parse("t.txt", "Root\n    Too deep\n"))
        .hasMessageContaining("t.txt:2")
        .hasMessageContaining("more than one level");
    assertThatThrownBy(() -> SkillCatalog.parse("t.txt", "Root\n  A | alias\n  Alias\n"))
        .hasMessageContaining("t.txt:3")
        .hasMessageContaining("'alias' is already used by 'A'");
    assertThatThrownBy(() -> SkillCatalog.parse("t.txt", "Root\n  A\n[related]\nA ~ Nowhere\n"))
        .hasMessageContaining("t.txt:4")
        .hasMessageContaining("unknown skill 'Nowhere'");
    assertThatThrownBy(() -> SkillCatalog.parse("t.txt", "Root\n  A\n    B *\n"))
        .hasMessageContaining("t.txt:3")
        .hasMessageContaining("depth-1");
  }
}
