package dev.talentgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.talentgraph.importers.ImportContext;
import dev.talentgraph.importers.ImportFailedException;
import dev.talentgraph.importers.ImportOptions;
import dev.talentgraph.importers.ImportReport;
import dev.talentgraph.importers.ImportRunner;
import dev.talentgraph.importers.Importer;
import dev.talentgraph.importers.Problem;
import dev.talentgraph.importers.Progress;
import dev.talentgraph.importers.catalog.Importers;
import dev.talentgraph.schema.FieldCipher;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code talentgraph import <source> <path>}: one real data source (or a generic CSV/JSON export
 * with a mapping file) into the graph, through the importers module. The subcommands differ only in
 * the importer they run; see {@link Importers}.
 *
 * <p>Exit codes: 0 every row written (or skipped for a stated reason), 4 written but some rows
 * rejected (see the rejects file), 1 failure, 2 bad input that stopped the import before anything
 * was written (missing or empty file, header or mapping mismatch, a bad row with {@code --strict}),
 * 3 store in use.
 */
abstract class ImportSourceCommand implements Callable<Integer> {
  public static final int EXIT_REJECTED_ROWS = 4;

  @Mixin GraphOptions graph;

  @Option(
      names = "--batch-size",
      defaultValue = "" + ImportOptions.DEFAULT_BATCH_SIZE,
      description = "Rows per write transaction (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--strict", description = "Stop at the first bad row, with nothing written.")
  boolean strict;

  @Option(names = "--dry-run", description = "Read and validate everything, write nothing.")
  boolean dryRun;

  @Option(
      names = "--rejects",
      paramLabel = "DIR",
      description =
          "Folder for <source>.rejects.tsv (default: rejects/ beside the store, or ./rejects with --uri).")
  Path rejects;

  @Mixin KeysetOptions keyset;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The importer this subcommand runs. */
  protected abstract Importer importer();

  /** The input path. */
  protected abstract Path input();

  /** The mapping file, for the generic importers. */
  protected Path mapping() {
    return null;
  }

  /** Whether the source may carry personal data (then a server's keyset is required with --uri). */
  protected boolean personal() {
    return false;
  }

  protected List<ImportReport> run(ImportContext ctx) throws IOException {
    return List.of(ImportRunner.run(importer(), input(), ctx));
  }

  @Override
  public Integer call() {
    ImportOptions options;
    try {
      options =
          ImportOptions.defaults()
              .withBatchSize(batchSize)
              .withStrict(strict)
              .withDryRun(dryRun)
              .withMapping(mapping())
              .withRejectsDir(
                  rejects != null
                      ? rejects
                      : graph.remote() ? Path.of("rejects") : graph.dataDir().resolve("rejects"))
              .withProgress(Progress.auto(System.err));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), TalentGraphCli.EXIT_USAGE);
    }
    FieldCipher cipher = keyset.cipher(graph, personal());
    List<ImportReport> reports;
    try (GraphConnection c = graph.open()) {
      reports = run(new ImportContext(c.driver(), c.database(), options, cipher));
    } catch (ImportFailedException e) {
      Problem p = e.problem();
      throw new CliException(
          e.getMessage(), p == null ? TalentGraphCli.EXIT_FAILURE : TalentGraphCli.EXIT_USAGE);
    } catch (IOException e) {
      throw new CliException(
          "cannot read " + input() + ": " + e.getMessage(), TalentGraphCli.EXIT_USAGE);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? toJson(reports) : toText(reports));
    out.flush();
    return reports.stream().anyMatch(r -> r.rowsRejected() > 0) ? EXIT_REJECTED_ROWS : 0;
  }

  static String toText(List<ImportReport> reports) {
    StringBuilder b = new StringBuilder();
    long read = 0;
    long nodes = 0;
    long rels = 0;
    long rejected = 0;
    double secs = 0;
    for (ImportReport r : reports) {
      b.append(r.toText());
      read += r.rowsRead();
      nodes += r.nodesCreated();
      rels += r.relationshipsCreated();
      rejected += r.rowsRejected();
      secs += r.seconds();
    }
    if (reports.size() > 1) {
      b.append(
          String.format(
              "total: %,d rows read, %,d rejected; %,d nodes and %,d relationships created in %.1f s%n",
              read, rejected, nodes, rels, secs));
    }
    return b.toString().stripTrailing();
  }

  static String toJson(List<ImportReport> reports) {
    try {
      ObjectMapper om = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
      Object body =
          reports.size() == 1
              ? reports.get(0).toMap()
              : Map.of("sources", reports.stream().map(ImportReport::toMap).toList());
      return om.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A source that reads one path. */
  abstract static class OnePath extends ImportSourceCommand {
    @Parameters(index = "0", paramLabel = "PATH", description = "The file or folder to read.")
    Path path;

    @Override
    protected Path input() {
      return path;
    }

    protected Importer named(String name) {
      return Importers.get(name).orElseThrow();
    }
  }

  @Command(
      name = "esco",
      mixinStandardHelpOptions = true,
      description = "ESCO skills, skill groups and hierarchy, occupations (PATH: the ESCO folder).")
  static class Esco extends OnePath {
    @Override
    protected Importer importer() {
      return named("esco");
    }
  }

  @Command(
      name = "esco-i18n",
      mixinStandardHelpOptions = true,
      description =
          "ESCO labels and synonyms in several languages onto the skills and occupations of `import esco`,"
              + " joined by conceptUri; creates no node (PATH: the esco-i18n folder).")
  static class EscoI18n extends OnePath {
    @Override
    protected Importer importer() {
      return named("esco-i18n");
    }
  }

  @Command(
      name = "onet",
      mixinStandardHelpOptions = true,
      description =
          "O*NET occupations and technology skills under UNSPSC, linked SAME_AS to ESCO (PATH: the O*NET text folder).")
  static class Onet extends OnePath {
    @Override
    protected Importer importer() {
      return named("onet");
    }
  }

  @Command(
      name = "aan",
      mixinStandardHelpOptions = true,
      description =
          "ACL Anthology Network: authors, papers, co-authorships, title skills (PATH: the AAN folder or acl-metadata.txt).")
  static class Aan extends OnePath {
    @Override
    protected Importer importer() {
      return named("aan");
    }
  }

  @Command(
      name = "snap",
      mixinStandardHelpOptions = true,
      description = "A SNAP edge list as experts and COLLABORATED_WITH (PATH: the file).")
  static class Snap extends OnePath {
    @Override
    protected Importer importer() {
      return named("snap");
    }
  }

  @Command(
      name = "mooccube",
      mixinStandardHelpOptions = true,
      description =
          "MOOCCube enrolments (label 1 only) and course-concept graph (PATH: the folder with ratings_final.txt, kg_final.txt).")
  static class MoocCube extends OnePath {
    @Override
    protected Importer importer() {
      return named("mooccube");
    }
  }

  @Command(
      name = "resumes",
      mixinStandardHelpOptions = true,
      description =
          "Resumes (Category,Resume CSV): de-duplicated, repaired, skills with evidence (PATH: the CSV or its folder).")
  static class Resumes extends OnePath {
    @Override
    protected Importer importer() {
      return named("resumes");
    }
  }

  @Command(
      name = "jobs",
      mixinStandardHelpOptions = true,
      description =
          "Job postings (semicolon CSV): openings REQUIRE skills, minimum vs preferred (PATH: the CSV or its folder).")
  static class Jobs extends OnePath {
    @Override
    protected Importer importer() {
      return named("jobs");
    }
  }

  @Command(
      name = "stackexchange",
      mixinStandardHelpOptions = true,
      description = {
        "A Stack Exchange site's data dump (official XML): questions, answers, acceptance, scores, tags linked to",
        "skills, authors as people of the site's community, answers as skill evidence (PATH: the site's folder)."
      })
  static class StackExchange extends OnePath {
    @Override
    protected Importer importer() {
      return named("stackexchange");
    }
  }

  /** The generic importers need a mapping. */
  abstract static class Mapped extends OnePath {
    @Option(
        names = "--mapping",
        required = true,
        paramLabel = "FILE",
        description =
            "Mapping file (YAML or JSON) naming columns, types, keys and relationships; builtin:ibm-attrition and"
                + " builtin:job-change ship with TalentGraph.")
    Path mappingFile;

    @Override
    protected Path mapping() {
      return mappingFile;
    }

    @Override
    protected boolean personal() {
      return true;
    }
  }

  @Command(
      name = "csv",
      mixinStandardHelpOptions = true,
      description =
          "A CSV export (experts, reviews, trainings, any node or relationship) by a mapping file.")
  static class Csv extends Mapped {
    @Override
    protected Importer importer() {
      return named("csv");
    }
  }

  @Command(
      name = "json",
      mixinStandardHelpOptions = true,
      description = "A JSON or JSON Lines export by a mapping file.")
  static class Json extends Mapped {
    @Override
    protected Importer importer() {
      return named("json");
    }
  }

  @Command(
      name = "all",
      mixinStandardHelpOptions = true,
      description = {
        "Every data set of a datasets folder into one graph, taxonomies first: esco, onet, aan, snap, mooccube,",
        "resumes, jobs, and the HR tables through the shipped mappings. Missing data sets are skipped."
      })
  static class All extends ImportSourceCommand {
    @Parameters(
        index = "0",
        paramLabel = "DATASETS",
        defaultValue = "${env:TALENT_DATASETS:-../shared/data}",
        description = "The datasets folder (default: ${DEFAULT-VALUE}).")
    Path datasets;

    @Override
    protected Importer importer() {
      throw new UnsupportedOperationException();
    }

    @Override
    protected Path input() {
      return datasets;
    }

    @Override
    protected boolean personal() {
      return true;
    }

    @Override
    protected List<ImportReport> run(ImportContext ctx) throws IOException {
      PrintStream err = System.err;
      err.println("import all from " + datasets.toAbsolutePath().normalize());
      return Importers.importAll(datasets, ctx);
    }
  }
}
