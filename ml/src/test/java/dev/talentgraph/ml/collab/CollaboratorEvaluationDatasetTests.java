package dev.talentgraph.ml.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Both protocols on the real data sets, shrunk to run in seconds (fewer negatives, two samples, an
 * earlier and smaller AAN window). Skips when the data sets are absent ({@code TALENT_DATASETS}, or
 * the build's default {@code ../shared/data}).
 */
class CollaboratorEvaluationDatasetTests {

  static Path datasets() {
    String env = System.getenv("TALENT_DATASETS");
    String dir =
        env != null && !env.isBlank()
            ? env
            : System.getProperty("talent.datasets.default", "../shared/data");
    return Path.of(dir);
  }

  static LinkPredictionEvaluation.Settings quick() {
    return LinkPredictionEvaluation.Settings.defaults(1).withNegatives(20_000).withSamples(2);
  }

  static double hits50(LinkPredictionEvaluation.Report r, String method) {
    return r.method(method).metrics().get("hits@50").mean();
  }

  @Test
  void temporalAanLearnedRankerAndAdamicAdarBeatRandomByAWideMargin() {
    Path aan = datasets().resolve("aan");
    assumeTrue(
        Files.isRegularFile(aan.resolve("papers.tsv")),
        "AAN data set absent at " + aan + " (set TALENT_DATASETS)");
    var r = LinkPredictionEvaluation.temporal(AanCorpus.load(aan), 2005, 2007, quick(), m -> {});
    double random = hits50(r, LinkPredictionEvaluation.RANDOM);
    assertThat(r.positives()).isGreaterThan(500);
    assertThat(hits50(r, LinkPredictionEvaluation.ADAMIC_ADAR))
        .isGreaterThan(random + 0.05)
        .isGreaterThan(10 * random);
    assertThat(hits50(r, LinkPredictionEvaluation.LEARNED))
        .isGreaterThan(random + 0.05)
        .isGreaterThan(10 * random);
    assertThat(r.method(LinkPredictionEvaluation.LEARNED).metrics().get("auc").mean())
        .isGreaterThan(0.8);
  }

  @Test
  void randomSplitOfCaGrQcLearnedRankerAndAdamicAdarBeatRandomByAWideMargin() {
    Path edges = datasets().resolve("snap/ca-GrQc.txt");
    assumeTrue(
        Files.isRegularFile(edges), "SNAP ca-GrQc absent at " + edges + " (set TALENT_DATASETS)");
    var r = LinkPredictionEvaluation.random(EdgeList.load(edges), "ca-GrQc", 0.1, quick(), m -> {});
    double random = hits50(r, LinkPredictionEvaluation.RANDOM);
    assertThat(r.positives()).isEqualTo(1448);
    assertThat(hits50(r, LinkPredictionEvaluation.ADAMIC_ADAR)).isGreaterThan(random + 0.3);
    assertThat(hits50(r, LinkPredictionEvaluation.LEARNED)).isGreaterThan(random + 0.3);
  }
}
