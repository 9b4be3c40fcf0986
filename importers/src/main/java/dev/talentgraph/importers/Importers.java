package dev.talentgraph.importers;

import dev.talentgraph.importers.aan.AanImporter;
import dev.talentgraph.importers.esco.EscoImporter;
import dev.talentgraph.importers.jobs.JobPostingImporter;
import dev.talentgraph.importers.mapping.MappedImporter;
import dev.talentgraph.importers.mooccube.MoocCubeImporter;
import dev.talentgraph.importers.onet.OnetImporter;
import dev.talentgraph.importers.resumes.ResumeImporter;
import dev.talentgraph.importers.snap.SnapImporter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The importers by command-line name, in dependency order (taxonomies first). */
public final class Importers {
  private Importers() {}

  public static List<Importer> all() {
    return List.of(new EscoImporter(), new OnetImporter(), new AanImporter(), new SnapImporter(), new MoocCubeImporter(),
        new ResumeImporter(), new JobPostingImporter(), MappedImporter.csv(), MappedImporter.json());
  }

  public static Map<String, Importer> byName() {
    Map<String, Importer> m = new LinkedHashMap<>();
    for (Importer i : all()) m.put(i.name(), i);
    return m;
  }

  public static Optional<Importer> get(String name) {
    return Optional.ofNullable(byName().get(name));
  }
}
