package dev.talentgraph.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.talentgraph.cli.CliException;
import dev.talentgraph.cli.EvalCollaboratorsCommand;
import dev.talentgraph.cli.GraphConnection;
import dev.talentgraph.cli.GraphOptions;
import dev.talentgraph.cli.TalentGraphCli;
import dev.talentgraph.ml.collab.AanCorpus;
import dev.talentgraph.ml.collab.CollabDataException;
import dev.talentgraph.ml.collab.CollabGraph;
import dev.talentgraph.ml.collab.CollaboratorRanker;
import dev.talentgraph.ml.collab.CollaboratorRecommender;
import dev.talentgraph.ml.collab.CollaboratorTraining;
import dev.talentgraph.ml.collab.Neo4jCollabGraphLoader;
import dev.talentgraph.ml.collab.SyntheticCollabGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph bench collaborators}: p50/p99 latency of a collaborator recommendation (10
 * experts with reasons) over random experts of the AAN graph and of a synthetic graph, the index in
 * memory.
 */
@Command(
    name = "collaborators",
    mixinStandardHelpOptions = true,
    description = {
      "Latency of collaborator recommendations over random experts: the AAN graph and a synthetic one.",
      "AAN comes from --aan DIR (files), or from the imported graph with --from-graph (--data-dir/--uri)."
    })
public class CollaboratorsBench implements Callable<Integer> {

  @Option(
      names = "--aan",
      paramLabel = "DIR",
      defaultValue = "${env:TALENT_DATASETS:-../shared/data}/aan",
      description = "AAN directory (default: ${DEFAULT-VALUE}).")
  Path aan;

  @Option(
      names = "--from-graph",
      description = "Load the AAN experts from the graph (--data-dir or --uri) instead of files.")
  boolean fromGraph;

  /** Used with --from-graph only. */
  @Mixin GraphOptions graph;

  @Option(
      names = "--synthetic",
      defaultValue = "200000",
      description = "Experts in the synthetic graph, 0 to skip (default: ${DEFAULT-VALUE}).")
  int synthetic;

  @Option(
      names = "--queries",
      defaultValue = "1000",
      description = "Measured recommendations per graph (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(
      names = "--warmup",
      defaultValue = "300",
      description = "Unmeasured recommendations first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the experts drawn and of training (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--show",
      paramLabel = "EXPERT_ID",
      description =
          "Also print the 10 recommendations, with their reasons, for this AAN expert (e.g. \"Manning, Christopher D.\").")
  String show;

  @Option(names = "--json", description = "Print the results as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (queries < 1) throw new CliException("--queries must be >= 1", TalentGraphCli.EXIT_USAGE);
    long t0 = System.nanoTime();
    Consumer<String> progress =
        m -> System.err.printf("[%5.1fs] %s%n", (System.nanoTime() - t0) / 1e9, m);
    EvalCollaboratorsCommand.quietTribuo();
    List<CollaboratorLatency.Latency> results = new ArrayList<>();
    try {
      long s = System.nanoTime();
      CollaboratorRecommender aanRec;
      String aanName;
      if (fromGraph) {
        try (GraphConnection c = graph.open()) {
          CollabGraph g = new Neo4jCollabGraphLoader(c.driver(), c.database()).load(progress);
          var trained =
              CollaboratorTraining.fromGraph(
                  c.driver(),
                  c.database(),
                  2,
                  CollaboratorRanker.Settings.defaults(seed),
                  progress);
          aanRec = new CollaboratorRecommender(g, trained.ranker());
        }
        aanName = "imported graph";
      } else {
        progress.accept("reading " + aan);
        AanCorpus corpus = AanCorpus.load(aan);
        int last = corpus.lastYear();
        aanRec =
            CollaboratorLatency.temporalRecommender(
                corpus.graphUpTo(last - 2),
                corpus.graphUpTo(last),
                corpus.graphUpTo(last),
                Integer.MAX_VALUE,
                seed,
                progress);
        aanName = "AAN (files, up to " + last + ")";
      }
      double setup = (System.nanoTime() - s) / 1e9;
      if (show != null) {
        var out = aanRec.recommend(show, 10, null);
        System.out.println(
            "recommendations for "
                + out.expertName()
                + (out.notes().isEmpty() ? "" : " " + out.notes()));
        int rank = 1;
        for (var item : out.items()) {
          System.out.printf("%2d. %s (score %.4f)%n", rank++, item.name(), item.score());
          for (var r : item.reasons()) System.out.println("      - " + r.kind() + ": " + r.text());
        }
      }
      progress.accept("measuring " + queries + " recommendations on " + aanName);
      results.add(CollaboratorLatency.measure(aanName, aanRec, queries, warmup, seed, setup));
      aanRec = null;
      if (synthetic > 0) {
        s = System.nanoTime();
        progress.accept(String.format("generating a synthetic graph of %,d experts", synthetic));
        SyntheticCollabGraph sg = SyntheticCollabGraph.generate(synthetic, 6, seed);
        CollabGraph serving = sg.graphUpTo(SyntheticCollabGraph.LAST_YEAR);
        CollaboratorRecommender rec =
            CollaboratorLatency.temporalRecommender(
                sg.graphUpTo(SyntheticCollabGraph.LAST_YEAR - 2),
                serving,
                serving,
                5_000,
                seed,
                progress);
        setup = (System.nanoTime() - s) / 1e9;
        progress.accept("measuring " + queries + " recommendations on the synthetic graph");
        results.add(
            CollaboratorLatency.measure(
                String.format("synthetic %,d", synthetic), rec, queries, warmup, seed, setup));
      }
    } catch (CollabDataException e) {
      throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
    }
    if (json) {
      System.out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(results));
    } else {
      System.out.println(
          "collaborator recommendations (10 with reasons), single thread, index in memory; "
              + Runtime.getRuntime().availableProcessors()
              + " cores");
      results.forEach(r -> System.out.println(r.line()));
    }
    return 0;
  }
}
