package dev.talentgraph.ml.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots of the AAN files, and the leakage rule: nothing from after the cut reaches the
 * features.
 */
class AanCorpusTests {

  @TempDir Path dir;

  Path write(String papers, String authors) throws IOException {
    Files.writeString(dir.resolve("papers.tsv"), "paper_id\tyear\tvenue\ttitle\n" + papers);
    Files.writeString(
        dir.resolve("paper_authors.tsv"), "paper_id\tauthor_position\tauthor\n" + authors);
    return dir;
  }

  AanCorpus corpus() throws IOException {
    return AanCorpus.load(
        write(
            """
        P1\t2000\tACL\tStatistical Parsing of Trees
        P2\t2001\tACL\tParsing with Grammars
        P3\t2002\tEMNLP\tQuantum Sentiment Analysis
        P4\t2002\tEMNLP\tLonely Paper
        """,
            """
        P1\t1\tAnn
        P1\t2\tBob
        P2\t1\tBob
        P2\t2\tCid
        P3\t1\tAnn
        P3\t2\tCid
        P3\t3\tDan
        P4\t1\tEve
        """));
  }

  @Test
  void snapshotHoldsNothingFromLaterPapers() throws IOException {
    CollabGraph g = corpus().graphUpTo(2001);
    int ann = g.indexOf("Ann").orElseThrow();
    int cid = g.indexOf("Cid").orElseThrow();
    assertThat(g.hasEdge(ann, cid)).isFalse();
    assertThat(g.indexOf("Dan")).isEmpty();
    assertThat(g.edgeCount()).isEqualTo(2);
    assertThat(g.skillIndexOf("term:quantum")).isEmpty();
    assertThat(g.lastActiveYear(ann)).isEqualTo(2000);
    assertThat(g.referenceYear()).isEqualTo(2001);
    // title terms, de-pluralised, with bigrams; stop words dropped
    int bob = g.indexOf("Bob").orElseThrow();
    assertThat(Arrays.stream(g.skills(bob)).mapToObj(g::skillName))
        .contains("parsing", "tree", "grammar", "statistical parsing")
        .doesNotContain("of", "with");
  }

  @Test
  void positivesAreNewPairsBetweenExpertsAlreadyCollaborating() throws IOException {
    AanCorpus c = corpus();
    CollabGraph g = c.graphUpTo(2001);
    long[] pos = c.newPairs(g, 2001, 2002);
    // Ann-Cid is new and both collaborated by 2001; Dan is new, Eve never collaborated
    assertThat(pos)
        .containsExactly(
            CollabGraph.pairKey(g.indexOf("Ann").orElseThrow(), g.indexOf("Cid").orElseThrow()));
    // the same rule from two snapshots (used when training on the product graph)
    assertThat(Neo4jCollabGraphLoader.newPairs(g, c.graphUpTo(2002))).containsExactly(pos);
    assertThat(c.newPairs(g, 2002, 2005)).isEmpty();
  }

  @Test
  void rankerTrainingSnapshotNeverSeesTheEvaluationPositives() throws IOException {
    // the temporal protocol trains on [.., train - window] -> (train - window, train]; test pairs
    // lie after train
    AanCorpus c = corpus();
    CollabGraph rankerGraph = c.graphUpTo(2000);
    long[] rankerLabels = c.newPairs(rankerGraph, 2000, 2001);
    CollabGraph evalGraph = c.graphUpTo(2001);
    long[] evalPositives = c.newPairs(evalGraph, 2001, 2002);
    for (long k : evalPositives) {
      String a = evalGraph.id(CollabGraph.pairFirst(k));
      String b = evalGraph.id(CollabGraph.pairSecond(k));
      for (long r : rankerLabels) {
        assertThat(
                java.util.Set.of(
                    rankerGraph.id(CollabGraph.pairFirst(r)),
                    rankerGraph.id(CollabGraph.pairSecond(r))))
            .isNotEqualTo(java.util.Set.of(a, b));
      }
      assertThat(evalGraph.hasEdge(CollabGraph.pairFirst(k), CollabGraph.pairSecond(k))).isFalse();
    }
  }

  @Test
  void badRowsNameFileLineAndField() throws IOException {
    write("P1\tlast year\tACL\tTitle\n", "");
    assertThatThrownBy(() -> AanCorpus.load(dir))
        .isInstanceOf(CollabDataException.class)
        .hasMessageContaining("papers.tsv:2")
        .hasMessageContaining("'year'");
    write("P1\t2000\tACL\tTitle\n", "P9\t1\tAnn\n");
    assertThatThrownBy(() -> AanCorpus.load(dir))
        .hasMessageContaining("paper_authors.tsv:2")
        .hasMessageContaining("unknown paper P9");
    Files.delete(dir.resolve("papers.tsv"));
    assertThatThrownBy(() -> AanCorpus.load(dir)).hasMessageContaining("lacks papers.tsv");
  }

  @Test
  void yearRangeWithoutPositivesIsAClearError() throws IOException {
    AanCorpus c = corpus();
    assertThatThrownBy(
            () ->
                LinkPredictionEvaluation.temporal(
                    c, 2002, 2004, LinkPredictionEvaluation.Settings.defaults(1), m -> {}))
        .isInstanceOf(CollabDataException.class)
        .hasMessageContaining("no positives");
    assertThatThrownBy(
            () ->
                LinkPredictionEvaluation.temporal(
                    c, 2002, 2001, LinkPredictionEvaluation.Settings.defaults(1), m -> {}))
        .hasMessageContaining("must be after");
  }
}
