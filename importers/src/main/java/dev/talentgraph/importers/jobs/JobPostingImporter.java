package dev.talentgraph.importers.jobs;

import dev.talentgraph.importers.ImportContext;
import dev.talentgraph.importers.Importer;
import dev.talentgraph.importers.RowException;
import dev.talentgraph.importers.RowSink;
import dev.talentgraph.importers.Statement;
import dev.talentgraph.importers.Write;
import dev.talentgraph.importers.io.DelimitedReader;
import dev.talentgraph.importers.io.Fields;
import dev.talentgraph.importers.io.Hashes;
import dev.talentgraph.importers.io.Header;
import dev.talentgraph.importers.io.Row;
import dev.talentgraph.importers.io.SourceFiles;
import dev.talentgraph.importers.io.TextLines;
import dev.talentgraph.importers.io.TextRepair;
import dev.talentgraph.importers.skills.SkillExtractor;
import dev.talentgraph.importers.skills.SkillMatch;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Job postings ({@code Company;Title;Category;Location;Responsibilities;Minimum
 * Qualifications;Preferred Qualifications}, semicolon-separated, quoted multi-line fields). Each
 * distinct posting becomes a {@code JobOpening} ({@code jobs:<hash of its content>}; the file has
 * no ids, and re-scraped identical postings are skipped as duplicates) that REQUIRES the skills
 * found in its qualifications: {@code required: true} for the minimum qualifications, {@code
 * required: false} for skills only in the preferred ones, each with the matched span as evidence
 * and the section it came from.
 */
public final class JobPostingImporter implements Importer {
  public static final String SOURCE = "jobs";
  static final List<String> COLUMNS =
      List.of(
          "Company",
          "Title",
          "Category",
          "Location",
          "Responsibilities",
          "Minimum Qualifications",
          "Preferred Qualifications");

  static final Statement OPENING =
      Statement.nodes(
          "job-opening",
          "MERGE (j:" + Labels.JOB_OPENING + " {" + Props.ID + ": row.id}) SET j += row.props");
  static final Statement REQUIRES =
      Statement.relationships(
          "job-requires",
          "MATCH (j:"
              + Labels.JOB_OPENING
              + " {"
              + Props.ID
              + ": row.job}) MATCH (s:"
              + Labels.SKILL
              + " {"
              + Props.ID
              + ": row.skill})"
              + " MERGE (j)-[r:"
              + RelTypes.REQUIRES
              + "]->(s) SET r += row.props");

  @Override
  public String name() {
    return SOURCE;
  }

  @Override
  public String usage() {
    return "the postings CSV (semicolon-separated), e.g. jobs/job_skills.csv, or its folder";
  }

  @Override
  public void read(Path input, ImportContext ctx, RowSink out) throws IOException {
    Path folder = SourceFiles.folder(input);
    Path file = Files.isRegularFile(input) ? input : SourceFiles.require(folder, "job_skills.csv");
    SkillExtractor extractor = ctx.skillExtractor();
    Map<String, Long> seen = new HashMap<>();
    try (DelimitedReader r =
        DelimitedReader.open(
            file,
            SourceFiles.display(folder, file),
            ';',
            true,
            TextLines.Decoding.STRICT_UTF8,
            ctx.options().maxFieldChars())) {
      Header h = r.header();
      h.requireAll(COLUMNS);
      out.expect(1_300);
      for (Row row = r.next(); row != null; row = r.next()) {
        try {
          Fields f = new Fields(row, h);
          String title = TextRepair.squeeze(f.required("Title"));
          String company = f.optional("Company");
          String minimum = clean(f.optional("Minimum Qualifications"));
          String preferred = clean(f.optional("Preferred Qualifications"));
          String responsibilities = clean(f.optional("Responsibilities"));
          String content =
              String.join(
                  "\u0001",
                  String.valueOf(company),
                  title,
                  String.valueOf(f.optional("Category")),
                  String.valueOf(f.optional("Location")),
                  String.valueOf(responsibilities),
                  String.valueOf(minimum),
                  String.valueOf(preferred));
          String id = "jobs:" + Hashes.short64(content);
          if (seen.putIfAbsent(id, row.line()) != null) {
            out.skip(row.at(), "duplicate posting (same content as an earlier row)");
            continue;
          }
          Map<String, Object> props = new HashMap<>();
          props.put(Props.TITLE, title);
          props.put(Props.NAME, title);
          props.put("company", company);
          props.put("category", f.optional("Category"));
          props.put("location", f.optional("Location"));
          props.put("responsibilities", responsibilities);
          props.put("minimumQualifications", minimum);
          props.put("preferredQualifications", preferred);
          props.put(Props.SOURCE, SOURCE);
          props.put("sourceLine", row.line());
          List<Write> writes = new ArrayList<>();
          writes.add(new Write(OPENING, Map.of(Props.ID, id, "props", props)));
          Map<String, Object[]> skills = new LinkedHashMap<>();
          for (SkillMatch m : extractor.distinctSkills(minimum == null ? "" : minimum)) {
            skills.put(m.skillId(), new Object[] {true, m, "minimum", minimum});
          }
          for (SkillMatch m : extractor.distinctSkills(preferred == null ? "" : preferred)) {
            skills.putIfAbsent(m.skillId(), new Object[] {false, m, "preferred", preferred});
          }
          for (var e : skills.entrySet()) {
            SkillMatch m = (SkillMatch) e.getValue()[1];
            Map<String, Object> rp = new HashMap<>();
            rp.put(Props.REQUIRED, e.getValue()[0]);
            rp.put(Props.EVIDENCE, m.context((String) e.getValue()[3], 40));
            rp.put("evidenceSpan", m.span());
            rp.put("section", e.getValue()[2]);
            rp.put(Props.SOURCE, SOURCE);
            writes.add(new Write(REQUIRES, Map.of("job", id, "skill", e.getKey(), "props", rp)));
          }
          out.accept(row.at(), writes);
        } catch (RowException e) {
          out.reject(e.problem(), row.raw());
        }
      }
    }
    out.note(seen.size() + " distinct postings");
  }

  private static String clean(String s) {
    return s == null ? null : TextRepair.fixMojibake(s).strip();
  }
}
