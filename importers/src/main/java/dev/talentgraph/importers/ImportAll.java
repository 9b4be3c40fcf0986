package dev.talentgraph.importers;

import dev.talentgraph.importers.aan.AanImporter;
import dev.talentgraph.importers.esco.EscoImporter;
import dev.talentgraph.importers.jobs.JobPostingImporter;
import dev.talentgraph.importers.mapping.Mapping;
import dev.talentgraph.importers.mapping.MappedImporter;
import dev.talentgraph.importers.mooccube.MoocCubeImporter;
import dev.talentgraph.importers.onet.OnetImporter;
import dev.talentgraph.importers.resumes.ResumeImporter;
import dev.talentgraph.importers.snap.SnapImporter;
import dev.talentgraph.schema.MigrationRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code import all <datasets>}: every source of the shared data folder into one graph, in dependency
 * order: the taxonomies (ESCO, then O*NET linked to it), then AAN (which adds the emerging skills that
 * resumes and postings can then use), SNAP, MOOCCube, resumes, job postings, and the two HR tables
 * through their shipped mappings. Each source namespaces its ids, so none collide. Schema migrations
 * are applied first.
 */
public final class ImportAll {
  private ImportAll() {}

  /** One step: a source, the path under the datasets folder, and the shipped mapping if any. */
  public record Step(Importer importer, String path, String mapping) {}

  public static List<Step> steps() {
    return List.of(
        new Step(new EscoImporter(), "esco", null),
        new Step(new OnetImporter(), "onet", null),
        new Step(new AanImporter(), "aan", null),
        new Step(new SnapImporter(), "snap/ca-GrQc.txt", null),
        new Step(new MoocCubeImporter(), "mooccube", null),
        new Step(new ResumeImporter(), "resumes/UpdatedResumeDataSet.csv", null),
        new Step(new JobPostingImporter(), "jobs/job_skills.csv", null),
        new Step(MappedImporter.csv(), "hr/ibm-attrition/WA_Fn-UseC_-HR-Employee-Attrition.csv", Mapping.BUILTIN + "ibm-attrition"),
        new Step(MappedImporter.csv(), "hr/job-change/aug_train.csv", Mapping.BUILTIN + "job-change"));
  }

  /**
   * Runs every step whose input exists; a missing data set is reported and skipped, a failing one stops
   * the run (the sources before it stay imported; a re-run completes the rest).
   */
  public static List<ImportReport> run(Path datasets, ImportContext ctx) throws IOException {
    if (!Files.isDirectory(datasets)) {
      throw new ImportFailedException(Problem.of(Problem.Kind.MISSING_FILE, Location.file(datasets.toString()), "datasets folder not found"));
    }
    if (!ctx.options().dryRun()) new MigrationRunner(ctx.driver(), ctx.database()).migrate();
    List<ImportReport> reports = new ArrayList<>();
    for (Step s : steps()) {
      Path input = datasets.resolve(s.path());
      if (!Files.exists(input)) {
        ImportReport skipped = new ImportReport(s.importer().name(), input, ctx.options().dryRun());
        skipped.notes.add("skipped: " + input + " not found");
        reports.add(skipped);
        continue;
      }
      ImportContext c = s.mapping() == null ? ctx : ctx.withOptions(ctx.options().withMapping(Path.of(s.mapping())));
      ImportReport r = ImportRunner.run(s.importer(), input, c);
      if (s.mapping() != null) r.notes.add(0, "mapping " + s.mapping());
      reports.add(r);
    }
    return reports;
  }
}
