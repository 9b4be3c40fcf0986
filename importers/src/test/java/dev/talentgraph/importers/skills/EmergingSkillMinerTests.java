package dev.talentgraph.importers.skills;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmergingSkillMinerTests {
  @Test
  void learnsFrequentDistinctivePhrasesAndTermsButNotFragmentsOrPlaceholders() {
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      titles.add("Word Sense Disambiguation with Graphs " + i);
      titles.add("A New Approach to Dependency Parsing " + i);
      titles.add("Exploiting Corpora for Word Sense Disambiguation " + i);
      titles.add("Robust Parsing of Noisy Input " + i);
      titles.add("Machine Translation Evaluation " + i);
    }
    for (int i = 0; i < 10; i++) titles.add("Meeting Summarization " + i);
    SkillExtractor taxonomy =
        new SkillExtractor(
            SkillDictionary.builder()
                .add("esco:mt", "machine translation", List.of(), "esco")
                .build());
    List<String> background = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      background.add("Manage staff and processes in a meeting " + i + ".");
      background.add("Exploiting resources in a new approach to work.");
      background.add("Operate machines safely and keep records of noisy equipment.");
    }
    var mined = new EmergingSkillMiner().minTermDocs(5).mine(titles, background, taxonomy);
    List<String> names = mined.stream().map(EmergingSkillMiner.Emerging::name).toList();
    assertThat(names)
        .contains("word sense disambiguation", "dependency parsing", "parsing", "summarization");
    assertThat(names)
        .doesNotContain(
            "word sense",
            "sense disambiguation",
            "new approach",
            "machine translation",
            "exploiting",
            "machine translation evaluation",
            "parsing of noisy input");
  }
}
