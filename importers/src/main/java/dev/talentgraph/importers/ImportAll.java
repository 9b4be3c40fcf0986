package dev.talentgraph.importers;

import dev.talentgraph.schema.MigrationRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code import all <datasets>}: a list of sources, each under its path in the shared data folder,
 * into one graph in the order given, schema migrations first. The list the product ships is {@code
 * catalog.Importers.importAllSteps()}.
 */
public final class ImportAll {
  private ImportAll() {}

  /** One step: a source, the path under the datasets folder, and the shipped mapping if any. */
  public record Step(Importer importer, String path, String mapping) {}

  /**
   * Runs every step whose input exists; a missing data set is reported and skipped, a failing one
   * stops the run (the sources before it stay imported; a re-run completes the rest).
   */
  public static List<ImportReport> run(List<Step> steps, Path datasets, ImportContext ctx)
      throws IOException {
    if (!Files.isDirectory(datasets)) {
      throw new ImportFailedException(
          Problem.of(
              Problem.Kind.MISSING_FILE,
              Location.file(datasets.toString()),
              "datasets folder not found"));
    }
    if (!ctx.options().dryRun()) new MigrationRunner(ctx.driver(), ctx.database()).migrate();
    List<ImportReport> reports = new ArrayList<>();
    for (Step s : steps) {
      Path input = datasets.resolve(s.path());
      if (!Files.exists(input)) {
        ImportReport skipped = new ImportReport(s.importer().name(), input, ctx.options().dryRun());
        skipped.notes.add("skipped: " + input + " not found");
        reports.add(skipped);
        continue;
      }
      ImportContext c =
          s.mapping() == null
              ? ctx
              : ctx.withOptions(ctx.options().withMapping(Path.of(s.mapping())));
      ImportReport r = ImportRunner.run(s.importer(), input, c);
      if (s.mapping() != null) r.notes.add(0, "mapping " + s.mapping());
      reports.add(r);
    }
    return reports;
  }
}
