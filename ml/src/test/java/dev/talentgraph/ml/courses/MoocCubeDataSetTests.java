package dev.talentgraph.ml.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the real MOOCCube enrolments (skips when the data set is absent): the two collaborative
 * baselines clearly beat popularity on a subsample of learners.
 */
class MoocCubeDataSetTests {

  static Path dataDir() {
    String env = System.getenv("TALENT_DATASETS");
    String dir =
        env != null ? env : System.getProperty("talent.datasets.default", "../shared/data");
    return Path.of(dir).resolve("mooccube");
  }

  @Test
  void easeAndItemKnnClearlyBeatPopularityOnASubsample() throws IOException {
    Path dir = dataDir();
    assumeTrue(
        Files.isRegularFile(dir.resolve("ratings_final.txt")),
        "MOOCCube not found at " + dir + " (set TALENT_DATASETS); skipping");
    Interactions all = MoocCubeData.load(dir);
    assertThat(all.numItems()).isEqualTo(219);
    assertThat(all.size()).as("label-0 rows are not enrolments").isEqualTo(32_086);
    assertThat(all.numConcepts()).isEqualTo(1094);
    // every third learner: ~2,400 learners, quick but big enough to separate the methods
    int[][] sub = new int[(all.numUsers() + 2) / 3][];
    for (int u = 0; u < sub.length; u++) {
      sub[u] = all.userItems()[u * 3];
    }
    Interactions data =
        new Interactions(all.numItems(), sub, all.itemConcepts(), all.numConcepts());
    LeaveOneOutSplit split = LeaveOneOutSplit.draw(data, 1);
    RankingMetrics pop = Evaluator.evaluate(new PopularityRecommender(), split, true);
    RankingMetrics knn = Evaluator.evaluate(new ItemKnnRecommender(), split, true);
    RankingMetrics ease = Evaluator.evaluate(EaseRecommender.validated(1), split, true);
    assertThat(knn.hr10()).isGreaterThan(1.2 * pop.hr10());
    assertThat(ease.hr10()).isGreaterThan(1.2 * pop.hr10());
    assertThat(knn.ndcg10()).isGreaterThan(1.2 * pop.ndcg10());
    assertThat(ease.ndcg10()).isGreaterThan(1.2 * pop.ndcg10());
  }

  @Test
  void malformedRowsNameFileLineAndField(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("ratings_final.txt"), "0\t1\t1\n0\tx\t1\n");
    assertThatThrownBy(() -> MoocCubeData.load(dir))
        .hasMessageContaining("ratings_final.txt:2")
        .hasMessageContaining("'course'");
    Files.writeString(dir.resolve("ratings_final.txt"), "0\t1\t1\n0\t2\t7\n");
    assertThatThrownBy(() -> MoocCubeData.load(dir)).hasMessageContaining(":2: field 'label'");
  }

  @Test
  void labelZeroRowsAreIgnoredAndConceptsRead(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("ratings_final.txt"), "0\t1\t1\n0\t0\t0\n1\t0\t1\n1\t2\t1\n");
    Files.writeString(dir.resolve("kg_final.txt"), "0\t5\t10\n2\t5\t10\n2\t5\t11\n1\t3\t12\n");
    Interactions d = MoocCubeData.load(dir);
    assertThat(d.numItems()).isEqualTo(3);
    assertThat(d.userItems()[0]).containsExactly(1);
    assertThat(d.userItems()[1]).containsExactly(0, 2);
    assertThat(d.numConcepts()).isEqualTo(2);
    assertThat(d.itemConcepts()[2]).containsExactly(0, 1);
    assertThat(Arrays.stream(d.itemConcepts()[1]).toArray()).isEmpty();
  }
}
