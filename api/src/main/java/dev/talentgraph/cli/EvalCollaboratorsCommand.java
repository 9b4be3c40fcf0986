package dev.talentgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.talentgraph.ml.collab.AanCorpus;
import dev.talentgraph.ml.collab.CollabDataException;
import dev.talentgraph.ml.collab.CollaboratorRanker;
import dev.talentgraph.ml.collab.EdgeList;
import dev.talentgraph.ml.collab.LinkPredictionEvaluation;
import dev.talentgraph.ml.collab.LinkPredictionReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph eval collaborators}: collaborator recommendation as link prediction on real
 * co-authorship data, in one run: Hits@20/50/100 (OGB), MRR and AUC of common neighbours,
 * Adamic-Adar, resource allocation, embedding similarity, the learned ranker (and a random
 * baseline), each the mean and spread over five seeded negative samples. See {@link
 * LinkPredictionEvaluation}.
 */
@Command(
    name = "collaborators",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate collaborator recommendation as link prediction on co-authorship data.",
      "Temporal: --aan DIR --train-until 2009 --test-until 2011. Random: --edges FILE --test-fraction 0.1.",
      "Several networks in one table: --report --edges A B C (each split --splits times).",
      "Prints Hits@20/50/100 (OGB definition), MRR and AUC per method, mean ± sd over --samples negative samples."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:done",
      "1:failure",
      "2:bad usage or input (unreadable file, no positives, ...)"
    })
public class EvalCollaboratorsCommand implements Callable<Integer> {

  static class Source {
    @Option(
        names = "--aan",
        paramLabel = "DIR",
        required = true,
        description = "AAN directory with papers.tsv and paper_authors.tsv (temporal protocol).")
    Path aan;

    @Option(
        names = "--edges",
        paramLabel = "FILE",
        required = true,
        arity = "1..*",
        description =
            "SNAP edge list (random protocol); with --report, one or more (--edges A B or --edges A --edges B).")
    List<Path> edges;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(
      names = "--train-until",
      paramLabel = "YEAR",
      description = "Last year of the training graph (with --aan).")
  Integer trainUntil;

  @Option(
      names = "--test-until",
      paramLabel = "YEAR",
      description = "Last year of the positives (with --aan).")
  Integer testUntil;

  @Option(
      names = "--test-fraction",
      defaultValue = "0.1",
      description =
          "Share of edges held out as positives (with --edges; default: ${DEFAULT-VALUE}).")
  double testFraction;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description =
          "Fixes every random choice; negative samples use seeds SEED..SEED+samples-1 (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--negatives",
      defaultValue = "100000",
      description = "Non-edges per negative sample (default: ${DEFAULT-VALUE}).")
  int negatives;

  @Option(
      names = "--samples",
      defaultValue = "5",
      description = "Negative samples to average over (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(
      names = "--ranker",
      defaultValue = "lr",
      description =
          "Learned ranker: lr (logistic regression), fm (factorization machine) or gbt (gradient-boosted trees) (default: ${DEFAULT-VALUE}).")
  String ranker;

  @Option(
      names = "--drop-features",
      split = ",",
      paramLabel = "NAME",
      description =
          "Leave these pair features out of the learned ranker (ablation), e.g. skill_cosine,neighbour_skill_cosine.")
  java.util.Set<String> dropFeatures = new java.util.TreeSet<>();

  @Option(
      names = "--two-hop-negatives",
      paramLabel = "N",
      description = "Training non-edges two hops apart, per positive (default: 5).")
  Integer twoHop;

  @Option(
      names = "--high-degree-negatives",
      paramLabel = "N",
      description = "Training non-edges between high-degree experts, per positive (default: 5).")
  Integer highDegree;

  @Option(
      names = "--hard-weight",
      paramLabel = "W",
      description = "Loss weight of those extra non-edges (default: 1).")
  Double hardWeight;

  @Option(
      names = "--no-selection",
      description =
          "Keep the learned ranker even where held-out training positives prefer Adamic-Adar or resource"
              + " allocation (ablation).")
  boolean noSelection;

  @Option(
      names = "--report",
      description =
          "One table over every --edges file: each split --splits times, Hits@20/50/100, MRR, AUC per method"
              + " per network, the learned ranker over the best of Adamic-Adar and resource allocation, and the time.")
  boolean report;

  @Option(
      names = "--splits",
      defaultValue = "5",
      description =
          "With --report: random splits per network, seeds SEED..SEED+splits-1 (default: ${DEFAULT-VALUE}).")
  int splits;

  @Option(names = "--threads", description = "Worker threads (default: all processors).")
  Integer threads;

  @Option(names = "--json", description = "Print the result as JSON (method name to metrics).")
  boolean json;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress lines on stderr.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    CollaboratorRanker.Kind kind =
        switch (ranker.toLowerCase(java.util.Locale.ROOT)) {
          case "lr", "logistic" -> CollaboratorRanker.Kind.LOGISTIC;
          case "fm", "factorization" -> CollaboratorRanker.Kind.FACTORIZATION_MACHINE;
          case "gbt", "trees" -> CollaboratorRanker.Kind.GRADIENT_BOOSTED_TREES;
          default ->
              throw new CliException(
                  "--ranker must be lr or fm, was " + ranker, TalentGraphCli.EXIT_USAGE);
        };
    if (negatives < 100 || samples < 1) {
      throw new CliException(
          "--negatives must be >= 100 and --samples >= 1", TalentGraphCli.EXIT_USAGE);
    }
    CollaboratorRanker.Settings d = CollaboratorRanker.Settings.defaults(seed);
    for (String f : dropFeatures) {
      if (!dev.talentgraph.ml.collab.PairFeatures.NAMES.contains(f)) {
        throw new CliException(
            "unknown feature '"
                + f
                + "' in --drop-features; features: "
                + String.join(", ", dev.talentgraph.ml.collab.PairFeatures.NAMES),
            TalentGraphCli.EXIT_USAGE);
      }
    }
    LinkPredictionEvaluation.Settings settings =
        new LinkPredictionEvaluation.Settings(
            seed,
            negatives,
            samples,
            new int[] {20, 50, 100},
            d.withKind(kind)
                .withoutFeatures(dropFeatures)
                .withHardNegatives(
                    twoHop != null ? twoHop : d.twoHopPerPositive(),
                    highDegree != null ? highDegree : d.highDegreePerPositive(),
                    hardWeight != null ? hardWeight : d.hardWeight(),
                    !noSelection),
            threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads));
    long t0 = System.nanoTime();
    Consumer<String> progress =
        quiet
            ? m -> {}
            : m -> System.err.printf("[%5.1fs] %s%n", (System.nanoTime() - t0) / 1e9, m);
    quietTribuo();
    if (report) {
      if (source.edges == null)
        throw new CliException("--report runs on --edges files", TalentGraphCli.EXIT_USAGE);
      if (splits < 1) throw new CliException("--splits must be >= 1", TalentGraphCli.EXIT_USAGE);
      Map<String, EdgeList> networks = new LinkedHashMap<>();
      try {
        for (Path f : source.edges) {
          progress.accept("reading " + f);
          String name = f.getFileName().toString().replaceAll("\\.txt$", "");
          if (networks.put(name, EdgeList.load(f)) != null)
            throw new CliException("--edges names " + name + " twice", TalentGraphCli.EXIT_USAGE);
        }
        LinkPredictionReport r =
            LinkPredictionReport.run(networks, testFraction, splits, settings, progress);
        print(json ? r.toMap() : r.toTable());
      } catch (CollabDataException e) {
        throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
      }
      return 0;
    }
    LinkPredictionEvaluation.Report report;
    try {
      if (source.aan != null) {
        if (trainUntil == null || testUntil == null) {
          throw new CliException(
              "--aan needs --train-until YEAR and --test-until YEAR", TalentGraphCli.EXIT_USAGE);
        }
        progress.accept("reading " + source.aan);
        AanCorpus corpus = AanCorpus.load(source.aan);
        report =
            LinkPredictionEvaluation.temporal(corpus, trainUntil, testUntil, settings, progress);
      } else {
        if (trainUntil != null || testUntil != null) {
          throw new CliException(
              "--train-until/--test-until apply to --aan only; --edges takes --test-fraction",
              TalentGraphCli.EXIT_USAGE);
        }
        if (source.edges.size() > 1) {
          throw new CliException(
              "several --edges files need --report (one table over all of them)",
              TalentGraphCli.EXIT_USAGE);
        }
        Path file = source.edges.get(0);
        progress.accept("reading " + file);
        EdgeList edges = EdgeList.load(file);
        report =
            LinkPredictionEvaluation.random(
                edges, file.getFileName().toString(), testFraction, settings, progress);
      }
    } catch (CollabDataException e) {
      throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
    }
    if (!quiet && report.allNonEdges()) progress.accept(report.negativesNote());
    print(json ? report.toMap() : report.toTable());
    return 0;
  }

  private static void print(Object out) throws Exception {
    if (out instanceof String text) {
      System.out.print(text);
    } else {
      System.out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
    }
  }

  /**
   * Tribuo logs every training run at INFO through java.util.logging; the command prints its own
   * progress.
   */
  public static void quietTribuo() {
    TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
  private static final java.util.logging.Logger TRIBUO_LOG =
      java.util.logging.Logger.getLogger("org.tribuo");
}
