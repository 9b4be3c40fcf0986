package dev.talentgraph.bench;

import dev.talentgraph.cli.CliException;
import dev.talentgraph.cli.GraphConnection;
import dev.talentgraph.cli.GraphOptions;
import dev.talentgraph.ml.GraphTrainer;
import dev.talentgraph.ml.ModelKinds;
import dev.talentgraph.ml.SyntheticWorkforce;
import dev.talentgraph.ml.model.TrainerSpec;
import dev.talentgraph.ml.scoring.BatchScorer;
import dev.talentgraph.ml.tabular.CsvTable;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.PersonalFields;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.security.TinkFieldCipher;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph bench scoring}: end-to-end time of {@code train attrition} (features from the
 * graph, 5-fold cross-validation, final model, registry) and of scoring every current expert with
 * explanations, on a fresh store holding either the IBM HR attrition table (each row an Expert;
 * Age, Gender and MaritalStatus as encrypted personal data) or N synthetic experts. Refuses a store
 * that already holds experts, so it never mixes benchmark data into real data.
 */
@Command(
    name = "scoring",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Time train attrition and batch scoring on a fresh store: the IBM HR table (--ibm FILE) or N synthetic",
      "experts (--experts N). Use an empty --data-dir."
    })
public class ScoringBench implements Callable<Integer> {
  @Mixin GraphOptions graph;

  @Option(
      names = "--ibm",
      paramLabel = "FILE",
      description = "The IBM HR attrition CSV (WA_Fn-UseC_-HR-Employee-Attrition.csv).")
  Path ibm;

  @Option(
      names = "--experts",
      defaultValue = "100000",
      description = "Synthetic experts when --ibm is not given (default: ${DEFAULT-VALUE}).")
  int experts;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(
      names = "--as-of",
      defaultValue = "2026-01-01",
      description = "Reference date (default: ${DEFAULT-VALUE}).")
  LocalDate asOf;

  @Override
  public Integer call() {
    try (GraphConnection g = graph.open()) {
      long existing;
      try (Session s = g.driver().session(SessionConfig.forDatabase(g.database()))) {
        existing =
            s.run("MATCH (e:" + Labels.EXPERT + ") RETURN count(e) AS n")
                .single()
                .get("n")
                .asLong();
      }
      if (existing > 0) {
        throw new CliException(
            "the store already holds "
                + existing
                + " experts; run the benchmark on an empty --data-dir",
            2);
      }
      FieldCipher cipher =
          graph.remote()
              ? TinkFieldCipher.ephemeral()
              : TinkFieldCipher.resolve(null, null, graph.dataDir());
      long t0 = System.nanoTime();
      String what;
      if (ibm != null) {
        int n = loadIbm(g, cipher);
        what = "IBM HR attrition table, " + n + " experts";
      } else {
        SyntheticWorkforce.generate(
            g.driver(), g.database(), cipher, experts, seed, asOf, System.err::println);
        what = experts + " synthetic experts";
      }
      long t1 = System.nanoTime();
      GraphTrainer.Result r =
          new GraphTrainer(g.driver(), g.database(), cipher)
              .train(
                  ModelKinds.ATTRITION,
                  new GraphTrainer.Options(
                      TrainerSpec.defaults(ModelKinds.ATTRITION.algorithm(), seed),
                      5,
                      Set.of(),
                      asOf,
                      true,
                      0.5),
                  System.err::println);
      long t2 = System.nanoTime();
      BatchScorer.Result sc =
          new BatchScorer(g.driver(), g.database(), cipher)
              .score(ModelKinds.ATTRITION, asOf, Instant.now(), 5, System.err::println);
      long t3 = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "bench scoring: %s (%d cores, max heap %d MiB)%n",
          what,
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);
      System.out.printf(Locale.ROOT, "  load into the graph            %8.1f s%n", (t1 - t0) / 1e9);
      System.out.printf(
          Locale.ROOT,
          "  train attrition (total)        %8.1f s  = read features %.1f s + 5-fold CV and final model %.1f s + register%n",
          (t2 - t1) / 1e9,
          r.extractMillis() / 1e3,
          r.trainMillis() / 1e3);
      System.out.printf(
          Locale.ROOT,
          "    rows %d, positives %d, features %d, cross-validated AUC %.4f (majority 0.5)%n",
          r.rows(),
          r.positives(),
          r.features().size(),
          r.metrics().get("auc.mean"));
      System.out.printf(
          Locale.ROOT,
          "  score %d experts (total)   %8.1f s  = read features %.1f s + predict and explain %.1f s + write %.1f s%n",
          sc.scored(),
          (t3 - t2) / 1e9,
          sc.readMillis() / 1e3,
          sc.scoreMillis() / 1e3,
          sc.writeMillis() / 1e3);
      System.out.printf(
          Locale.ROOT,
          "  scoring throughput             %8.0f experts/s%n",
          sc.scored() / ((t3 - t2) / 1e9));
    }
    return 0;
  }

  /**
   * Each row an Expert with its columns as properties; Attrition as the attrited flag; protected
   * columns encrypted.
   */
  private int loadIbm(GraphConnection g, FieldCipher cipher) {
    CsvTable t = CsvTable.read(ibm);
    List<String> h = t.header();
    int idCol = t.column("EmployeeNumber"), attrition = t.column("Attrition");
    int age = t.column("Age"), gender = t.column("Gender"), marital = t.column("MaritalStatus");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int r = 0; r < t.size(); r++) {
      String id = "ibm-" + t.value(r, idCol);
      Map<String, Object> props = new HashMap<>();
      for (int c = 0; c < h.size(); c++) {
        if (c == idCol || c == attrition || c == age || c == gender || c == marital) continue;
        String v = t.value(r, c).trim();
        String key = Character.toLowerCase(h.get(c).charAt(0)) + h.get(c).substring(1);
        try {
          props.put(key, Long.parseLong(v));
        } catch (NumberFormatException e) {
          props.put(key, v);
        }
      }
      Map<String, Object> row = new HashMap<>();
      row.put("id", id);
      row.put("props", props);
      row.put("attrited", "Yes".equals(t.value(r, attrition).trim()));
      row.put(
          "birthDate",
          cipher.encrypt(
              asOf.minusYears(Long.parseLong(t.value(r, age).trim())).toString(),
              FieldCipher.aad(id, PersonalFields.BIRTH_DATE)));
      row.put(
          "gender",
          cipher.encrypt(t.value(r, gender).trim(), FieldCipher.aad(id, PersonalFields.GENDER)));
      row.put(
          "marital",
          cipher.encrypt(
              t.value(r, marital).trim(), FieldCipher.aad(id, PersonalFields.MARITAL_STATUS)));
      rows.add(row);
    }
    try (Session s = g.driver().session(SessionConfig.forDatabase(g.database()))) {
      s.executeWrite(
          tx ->
              tx.run(
                      "UNWIND $rows AS row MERGE (e:"
                          + Labels.EXPERT
                          + " {"
                          + Props.ID
                          + ": row.id}) SET e += row.props, "
                          + "e."
                          + Props.NAME
                          + " = row.id, e.attrited = row.attrited MERGE (e)-[:"
                          + RelTypes.HAS_PERSONAL_DATA
                          + "]->(p:"
                          + Labels.PERSONAL_DATA
                          + ") SET p."
                          + PersonalFields.BIRTH_DATE
                          + " = row.birthDate, p."
                          + PersonalFields.GENDER
                          + " = row.gender, p."
                          + PersonalFields.MARITAL_STATUS
                          + " = row.marital",
                      Map.of("rows", rows))
                  .consume());
    }
    return rows.size();
  }
}
