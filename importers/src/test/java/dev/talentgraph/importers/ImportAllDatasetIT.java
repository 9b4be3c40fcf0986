package dev.talentgraph.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code import all} over the real data sets (TALENT_DATASETS) into an empty graph, then again: the counts
 * the source files imply, and a second run that changes none of them.
 */
class ImportAllDatasetIT {
  static List<ImportReport> first;
  static List<ImportReport> second;
  static Map<String, Long> afterFirst;
  static Map<String, Long> afterSecond;

  static Map<String, Long> snapshot() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (var r : TestGraph.query("MATCH (n) WHERE NOT n:__Migration UNWIND labels(n) AS l RETURN l, count(*) AS c ORDER BY l")) {
      m.put(":" + r.get("l").asString(), r.get("c").asLong());
    }
    for (var r : TestGraph.query("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t")) {
      m.put("-" + r.get("t").asString(), r.get("c").asLong());
    }
    m.put("properties", TestGraph.count("MATCH (n) WHERE NOT n:__Migration RETURN sum(size(keys(n)))")
        + TestGraph.count("MATCH ()-[r]->() RETURN sum(size(keys(r)))"));
    return m;
  }

  @BeforeAll
  static void importTwice() throws Exception {
    assumeTrue(TestGraph.hasDatasets(), "TALENT_DATASETS not present");
    TestGraph.reset();
    first = ImportAll.run(TestGraph.datasets(), TestGraph.context());
    first.forEach(r -> System.out.println(r.toText()));
    afterFirst = snapshot();
    System.out.println(afterFirst);
    second = ImportAll.run(TestGraph.datasets(), TestGraph.context());
    afterSecond = snapshot();
  }

  @Test
  void secondRunChangesNoCount() {
    assertThat(afterSecond).isEqualTo(afterFirst);
    for (ImportReport r : second) {
      assertThat(r.nodesCreated()).as(r.source() + " nodes created on the second run").isZero();
      assertThat(r.relationshipsCreated()).as(r.source() + " relationships created on the second run").isZero();
    }
  }
}
