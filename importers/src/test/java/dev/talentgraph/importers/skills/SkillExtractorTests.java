package dev.talentgraph.importers.skills;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkillExtractorTests {
  static SkillExtractor extractor() {
    return new SkillExtractor(
        SkillDictionary.builder()
            .add("esco:mt", "machine translation", List.of(), "esco")
            .add("aan:smt", "statistical machine translation", List.of(), "aan")
            .add("esco:nlp", "natural language processing", List.of(), "esco")
            .add("esco:ml", "machine learning", List.of(), "esco")
            .add("esco:cpp", "C++", List.of(), "esco")
            .add("esco:c", "C", List.of(), "esco")
            .add("esco:csharp", "C#", List.of(), "esco")
            .add("esco:r", "R", List.of(), "esco")
            .add("esco:objc", "Objective-C", List.of(), "esco")
            .add("esco:chef", "Chef", List.of(), "esco")
            .add("esco:java", "Java", List.of(), "esco")
            .add("onet:java", "Oracle Java", List.of("Java"), "onet")
            .add("esco:aspnet", "ASP.NET", List.of(), "esco")
            .add("esco:ws", "web services", List.of("web service"), "esco")
            .sameAs("onet:java", "esco:java")
            .background("a chef cooks; the chef and the kitchen")
            .build());
  }

  static List<String> found(String text) {
    return extractor().extract(text).stream().map(m -> m.skillId() + "=" + m.span()).toList();
  }

  @Test
  void matchesWholeWordsIgnoringCaseAndPunctuation() {
    assertThat(found("Experience in Machine-Translation and objective c; ASP.NET, asp net"))
        .containsExactly(
            "esco:mt=Machine-Translation",
            "esco:objc=objective c",
            "esco:aspnet=ASP.NET",
            "esco:aspnet=asp net");
    assertThat(found("translationese machinery")).isEmpty();
  }

  @Test
  void longestMatchWins() {
    assertThat(found("Statistical Machine Translation of speech"))
        .containsExactly("aan:smt=Statistical Machine Translation");
  }

  @Test
  void symbolsAreKept() {
    assertThat(found("C, C++ and C# but not c"))
        .containsExactly("esco:c=C", "esco:cpp=C++", "esco:csharp=C#");
  }

  @Test
  void shortAndEverydayWordsNeedTheirCase() {
    assertThat(found("R and r; Chef automation, head chef"))
        .containsExactly("esco:r=R", "esco:chef=Chef");
  }

  @Test
  void abbreviationsOnlyInCapitals() {
    assertThat(found("NLP and ML, not nlp or ml")).containsExactly("esco:nlp=NLP", "esco:ml=ML");
  }

  @Test
  void sameAsTwinsAreOneSkill() {
    assertThat(found("Oracle Java and java"))
        .containsExactly("esco:java=Oracle Java", "esco:java=java");
  }

  @Test
  void accentsFold() {
    assertThat(found("Wéb Sérvices")).containsExactly("esco:ws=Wéb Sérvices");
  }

  @Test
  void linearInTextLength() {
    SkillExtractor e = extractor();
    String para = "We used statistical machine translation, C++ and natural language processing. ";
    String big = para.repeat(20_000); // ~1.6 MB
    e.extract(big); // warm up
    long t0 = System.nanoTime();
    int n = e.extract(big).size();
    double ms = (System.nanoTime() - t0) / 1e6;
    assertThat(n).isEqualTo(60_000);
    assertThat(ms).as("1.6 MB in %.0f ms", ms).isLessThan(5_000);
  }
}
