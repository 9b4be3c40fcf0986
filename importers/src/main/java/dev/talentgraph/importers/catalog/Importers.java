package dev.talentgraph.importers.catalog;

import dev.talentgraph.importers.ImportAll;
import dev.talentgraph.importers.ImportContext;
import dev.talentgraph.importers.ImportReport;
import dev.talentgraph.importers.Importer;
import dev.talentgraph.importers.aan.AanImporter;
import dev.talentgraph.importers.esco.EscoI18nImporter;
import dev.talentgraph.importers.esco.EscoImporter;
import dev.talentgraph.importers.jobs.JobPostingImporter;
import dev.talentgraph.importers.mapping.MappedImporter;
import dev.talentgraph.importers.mapping.Mapping;
import dev.talentgraph.importers.mooccube.MoocCubeImporter;
import dev.talentgraph.importers.onet.OnetImporter;
import dev.talentgraph.importers.resumes.ResumeImporter;
import dev.talentgraph.importers.snap.SnapImporter;
import dev.talentgraph.importers.stackexchange.StackExchangeImporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The importers by command-line name, in dependency order (taxonomies first). */
public final class Importers {
  private Importers() {}

  public static List<Importer> all() {
    return List.of(
        new EscoImporter(),
        new EscoI18nImporter(),
        new OnetImporter(),
        new AanImporter(),
        new SnapImporter(),
        new MoocCubeImporter(),
        new ResumeImporter(),
        new JobPostingImporter(),
        new StackExchangeImporter(),
        MappedImporter.csv(),
        MappedImporter.json());
  }

  public static Map<String, Importer> byName() {
    Map<String, Importer> m = new LinkedHashMap<>();
    for (Importer i : all()) m.put(i.name(), i);
    return m;
  }

  public static Optional<Importer> get(String name) {
    return Optional.ofNullable(byName().get(name));
  }

  /**
   * Every source of the shared data folder, in dependency order: the taxonomies (ESCO, then O*NET
   * linked to it), then AAN (which adds the emerging skills that resumes and postings can then
   * use), SNAP, MOOCCube, resumes, job postings, and the two HR tables through their shipped
   * mappings. Each source namespaces its ids, so none collide.
   */
  public static List<ImportAll.Step> importAllSteps() {
    return List.of(
        new ImportAll.Step(new EscoImporter(), "esco", null),
        new ImportAll.Step(new OnetImporter(), "onet", null),
        new ImportAll.Step(new AanImporter(), "aan", null),
        new ImportAll.Step(new SnapImporter(), "snap/ca-GrQc.txt", null),
        new ImportAll.Step(new MoocCubeImporter(), "mooccube", null),
        new ImportAll.Step(new ResumeImporter(), "resumes/UpdatedResumeDataSet.csv", null),
        new ImportAll.Step(new JobPostingImporter(), "jobs/job_skills.csv", null),
        new ImportAll.Step(
            MappedImporter.csv(),
            "hr/ibm-attrition/WA_Fn-UseC_-HR-Employee-Attrition.csv",
            Mapping.BUILTIN + "ibm-attrition"),
        new ImportAll.Step(
            MappedImporter.csv(), "hr/job-change/aug_train.csv", Mapping.BUILTIN + "job-change"));
  }

  /** {@code import all <datasets>}: {@link #importAllSteps()} through {@link ImportAll}. */
  public static List<ImportReport> importAll(Path datasets, ImportContext ctx) throws IOException {
    return ImportAll.run(importAllSteps(), datasets, ctx);
  }
}
