package dev.talentgraph.importers.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.talentgraph.importers.ImportOptions;
import dev.talentgraph.importers.ImportReport;
import dev.talentgraph.importers.ImportRunner;
import dev.talentgraph.importers.TestGraph;
import dev.talentgraph.importers.aan.AanImporter;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * AAN import throughput beside {@code LOAD CSV ... CALL { ... } IN TRANSACTIONS} of the same rows
 * (papers.tsv and paper_authors.tsv, which hold the same papers and authorships as
 * acl-metadata.txt) into the same database in the same run, each into its own id namespace. Both
 * build Publication, Expert and AUTHORED; the importer also decodes, validates and repairs every
 * record. Then the full AAN import (skills, emerging skills, collaborations) for its own figure.
 *
 * <p>Run: {@code ./mvnw -pl importers -am verify -Dit.test=AanThroughputIT -Dtalent.bench=true}
 */
@EnabledIfSystemProperty(named = "talent.bench", matches = "true|aan")
class AanThroughputIT {

  @Test
  void importerKeepsUpWithLoadCsv() throws Exception {
    assumeTrue(TestGraph.hasDatasets(), "TALENT_DATASETS not present");
    Path aan = TestGraph.datasets().resolve("aan").toAbsolutePath().normalize();
    TestGraph.reset();
    int rounds = Integer.getInteger("talent.bench.rounds", 2);
    double bestLoadCsv = 0;
    double bestImporter = 0;
    long sourceRows = 18_041 + 47_749;
    for (int round = 1; round <= rounds; round++) {
      TestGraph.reset();
      long t0 = System.nanoTime();
      try (var s = TestGraph.driver().session()) {
        // LOAD CSV cannot read these TSVs with FIELDTERMINATOR '\t': titles that start with a quote
        // ("Poetic" ...) stop it
        // ("a field starting with a quote ... characters after that ending quote"). The usual
        // workaround: read each line
        // as one field (a terminator that never occurs) and split it in Cypher.
        s.run(
                "LOAD CSV FROM $url AS line FIELDTERMINATOR '\\u0001' WITH split(line[0], '\\t') AS f WHERE f[0] <> 'paper_id'"
                    + " CALL { WITH f MERGE (p:Publication {id: 'lc:' + f[0]})"
                    + " SET p.title = f[3], p.venue = f[2], p.year = toInteger(f[1]), p.source = 'loadcsv' }"
                    + " IN TRANSACTIONS OF 5000 ROWS",
                java.util.Map.of("url", aan.resolve("papers.tsv").toUri().toString()))
            .consume();
        s.run(
                "LOAD CSV FROM $url AS line FIELDTERMINATOR '\\u0001' WITH split(line[0], '\\t') AS f WHERE f[0] <> 'paper_id'"
                    + " CALL { WITH f MERGE (e:Expert {id: 'lc:' + f[2]}) ON CREATE SET e.name = f[2], e.source = 'loadcsv'"
                    + " WITH e, f MATCH (p:Publication {id: 'lc:' + f[0]})"
                    + " MERGE (e)-[r:AUTHORED]->(p) SET r.position = toInteger(f[1]) }"
                    + " IN TRANSACTIONS OF 5000 ROWS",
                java.util.Map.of("url", aan.resolve("paper_authors.tsv").toUri().toString()))
            .consume();
      }
      double loadCsvSecs = (System.nanoTime() - t0) / 1e9;
      long lcAuthored =
          TestGraph.count(
              "MATCH (:Expert)-[r:AUTHORED]->(p:Publication {source: 'loadcsv'}) RETURN count(r)");

      long t1 = System.nanoTime();
      ImportReport core =
          ImportRunner.run(
              new AanImporter(false, false),
              aan,
              TestGraph.context(ImportOptions.defaults().withBatchSize(2_000)));
      double importerSecs = (System.nanoTime() - t1) / 1e9;
      long imAuthored =
          TestGraph.count(
              "MATCH (:Expert)-[r:AUTHORED]->(p:Publication {source: 'aan'}) RETURN count(r)");
      double lcRate = sourceRows / loadCsvSecs;
      double imRate = sourceRows / importerSecs;
      bestLoadCsv = Math.max(bestLoadCsv, lcRate);
      bestImporter = Math.max(bestImporter, imRate);
      System.out.printf(
          Locale.ROOT,
          "round %d: LOAD CSV %.1f s (%,.0f rows/s, %,d AUTHORED) | importer %.1f s (%,.0f rows/s, %,d AUTHORED,"
              + " %,d records, %d rejected)%n",
          round,
          loadCsvSecs,
          lcRate,
          lcAuthored,
          importerSecs,
          imRate,
          imAuthored,
          core.rowsRead(),
          core.rowsRejected());
    }
    TestGraph.reset();
    ImportReport full = ImportRunner.run(new AanImporter(), aan, TestGraph.context());
    System.out.printf(
        Locale.ROOT,
        "best of %d: LOAD CSV %,.0f rows/s, importer %,.0f rows/s (%.2fx); full AAN import with skills and"
            + " collaborations: %,d records in %.1f s (%,.0f records/s, %,.0f source rows/s)%n",
        rounds,
        bestLoadCsv,
        bestImporter,
        bestImporter / bestLoadCsv,
        full.rowsRead(),
        full.seconds(),
        full.rowsPerSecond(),
        sourceRows / full.seconds());
    assertThat(bestImporter)
        .as("importer rows/s vs LOAD CSV rows/s")
        .isGreaterThanOrEqualTo(bestLoadCsv);
  }
}
