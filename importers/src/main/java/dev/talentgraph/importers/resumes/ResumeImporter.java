package dev.talentgraph.importers.resumes;

import dev.talentgraph.importers.ImportContext;
import dev.talentgraph.importers.Importer;
import dev.talentgraph.importers.RowException;
import dev.talentgraph.importers.RowSink;
import dev.talentgraph.importers.Statement;
import dev.talentgraph.importers.Write;
import dev.talentgraph.importers.io.Csv;
import dev.talentgraph.importers.io.DelimitedReader;
import dev.talentgraph.importers.io.Fields;
import dev.talentgraph.importers.io.Hashes;
import dev.talentgraph.importers.io.Header;
import dev.talentgraph.importers.io.Row;
import dev.talentgraph.importers.io.SourceFiles;
import dev.talentgraph.importers.io.TextRepair;
import dev.talentgraph.importers.skills.SkillExtractor;
import dev.talentgraph.importers.skills.SkillMatch;
import dev.talentgraph.importers.skills.Tokens;
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
 * Free-text resumes ({@code Category,Resume} CSV): each distinct resume becomes a candidate ({@code
 * resume:<hash of the normalised text>}) with HAS_SKILL for every skill the extractor finds, each
 * carrying the matched span and a little context as evidence.
 *
 * <p>The Kaggle file repeats its 166 texts to 962 rows and was mis-decoded once (UTF-8 read as
 * Latin-1: {@code NaÃ¯ve}, {@code â¢}). Text is repaired first, then rows whose normalised text was
 * already read are skipped as duplicates, naming the line of the first copy. The level of a skill
 * grows with the number of mentions like the AAN evidence levels (1, 2-3, 4-7, ...); a resume says
 * nothing better about proficiency.
 */
public final class ResumeImporter implements Importer {
  public static final String SOURCE = "resumes";

  static final Statement CANDIDATE =
      Statement.nodes(
          "resume-candidate",
          "MERGE (c:" + Labels.CANDIDATE + " {" + Props.ID + ": row.id}) SET c += row.props");
  static final Statement HAS_SKILL =
      Statement.relationships(
          "resume-has-skill",
          "MATCH (c:"
              + Labels.CANDIDATE
              + " {"
              + Props.ID
              + ": row.candidate}) MATCH (s:"
              + Labels.SKILL
              + " {"
              + Props.ID
              + ": row.skill})"
              + " MERGE (c)-[r:"
              + RelTypes.HAS_SKILL
              + "]->(s) SET r += row.props");

  @Override
  public String name() {
    return SOURCE;
  }

  @Override
  public String usage() {
    return "the resumes CSV (Category,Resume), e.g. resumes/UpdatedResumeDataSet.csv, or its folder";
  }

  public static String candidateId(String normalisedText) {
    return "resume:" + Hashes.short64(normalisedText);
  }

  /** Repaired text: mojibake undone, no-break spaces and runs of blanks squeezed within lines. */
  public static String repair(String text) {
    String fixed = TextRepair.fixMojibake(text).replace('\u00A0', ' ');
    StringBuilder sb = new StringBuilder(fixed.length());
    for (String line : fixed.split("\n")) {
      String l = TextRepair.squeeze(line);
      if (!l.isEmpty()) sb.append(sb.length() == 0 ? "" : "\n").append(l);
    }
    return sb.toString();
  }

  @Override
  public void read(Path input, ImportContext ctx, RowSink out) throws IOException {
    Path folder = SourceFiles.folder(input);
    Path file =
        Files.isRegularFile(input)
            ? input
            : SourceFiles.require(folder, "UpdatedResumeDataSet.csv");
    SkillExtractor extractor = ctx.skillExtractor();
    Map<String, Long> firstLine = new HashMap<>();
    long repaired = 0;
    try (DelimitedReader r = Csv.csv(folder, file, ctx)) {
      Header h = r.header();
      h.requireAll(List.of("Category", "Resume"));
      out.expect(1_000);
      for (Row row = r.next(); row != null; row = r.next()) {
        try {
          Fields f = new Fields(row, h);
          String category = TextRepair.squeeze(f.required("Category"));
          String raw = f.required("Resume");
          String text = repair(raw);
          if (!TextRepair.fixMojibake(raw).equals(raw)) repaired++;
          String key = Tokens.normal(text);
          String id = candidateId(key);
          Long first = firstLine.putIfAbsent(id, row.line());
          if (first != null) {
            out.skip(row.at(), "duplicate resume text");
            continue;
          }
          List<Write> writes = new ArrayList<>();
          Map<String, Object> props = new HashMap<>();
          props.put(Props.NAME, "Resume " + id.substring(7, 15) + " (" + category + ")");
          props.put("category", category);
          props.put("text", text);
          props.put(Props.SOURCE, SOURCE);
          props.put("sourceLine", row.line());
          writes.add(new Write(CANDIDATE, Map.of(Props.ID, id, "props", props)));
          Map<String, List<SkillMatch>> bySkill = new LinkedHashMap<>();
          for (SkillMatch m : extractor.extract(text))
            bySkill.computeIfAbsent(m.skillId(), k -> new ArrayList<>()).add(m);
          for (var e : bySkill.entrySet()) {
            SkillMatch m = e.getValue().get(0);
            Map<String, Object> rp = new HashMap<>();
            rp.put(Props.EVIDENCE, m.context(text, 40));
            rp.put("evidenceSpan", m.span());
            rp.put("evidenceStart", m.start());
            rp.put("evidenceEnd", m.end());
            rp.put("mentions", e.getValue().size());
            rp.put(Props.LEVEL, level(e.getValue().size()));
            rp.put(Props.SOURCE, SOURCE);
            writes.add(
                new Write(HAS_SKILL, Map.of("candidate", id, "skill", e.getKey(), "props", rp)));
          }
          out.accept(row.at(), writes);
        } catch (RowException e) {
          out.reject(e.problem(), row.raw());
        }
      }
    }
    out.note(
        repaired
            + " rows had mis-decoded characters (mojibake), repaired; "
            + firstLine.size()
            + " distinct resumes");
  }

  static int level(int mentions) {
    int level = 1;
    for (int n = mentions; n > 1 && level < Props.MAX_LEVEL; n >>= 1) level++;
    return level;
  }
}
