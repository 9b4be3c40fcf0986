package dev.talentgraph.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.db.EmbeddedNeo4j;
import dev.talentgraph.db.EmbeddedNeo4jSettings;
import dev.talentgraph.db.RoutineDemand;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The embedded DBMS registers the APOC/GDS routines the product and the analyst allow-list call,
 * and not those only a denied pattern admits.
 */
class RegisteredRoutinesIT {

  @Test
  void registersWhatTheProductAndTheAnalystsCallOnly() {
    AnalystSettings analyst =
        new AnalystSettings(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null);
    Set<String> names = new HashSet<>();
    try (var db =
            EmbeddedNeo4j.start(
                EmbeddedNeo4jSettings.of(null, 0),
                List.of(AnalystConfiguration.analystRoutines(analyst)));
        var driver = db.newDriver();
        var s = driver.session()) {
      s.run("SHOW PROCEDURES YIELD name").forEachRemaining(r -> names.add(r.get(0).asString()));
      s.run("SHOW FUNCTIONS YIELD name").forEachRemaining(r -> names.add(r.get(0).asString()));
    }
    // everything the product's own code calls
    for (String p : RoutineDemand.PRODUCT.allowed()) assertThat(names).contains(p);
    // what the allow-list admits
    assertThat(names)
        .contains(
            "apoc.meta.stats",
            "apoc.coll.sum",
            "gds.version",
            "gds.pageRank.stream",
            "gds.degree.stream",
            "gds.similarity.cosine",
            "gds.util.NaN");
    // classes whose every routine is denied or not allowed stay out
    assertThat(names)
        .doesNotContain(
            "apoc.cypher.run",
            "apoc.load.json",
            "apoc.periodic.iterate",
            "apoc.export.csv.all",
            "apoc.util.sleep");
  }
}
