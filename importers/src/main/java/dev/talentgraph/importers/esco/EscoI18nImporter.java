package dev.talentgraph.importers.esco;

import dev.talentgraph.importers.ImportContext;
import dev.talentgraph.importers.Importer;
import dev.talentgraph.importers.Problem;
import dev.talentgraph.importers.RowException;
import dev.talentgraph.importers.RowSink;
import dev.talentgraph.importers.Statement;
import dev.talentgraph.importers.Write;
import dev.talentgraph.importers.io.Csv;
import dev.talentgraph.importers.io.DelimitedReader;
import dev.talentgraph.importers.io.Fields;
import dev.talentgraph.importers.io.Header;
import dev.talentgraph.importers.io.Row;
import dev.talentgraph.importers.io.SourceFiles;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.i18n.Languages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.neo4j.driver.Record;

/**
 * ESCO in several languages onto the skills and occupations the {@code esco} import created, joined
 * by {@code conceptUri}: English synonyms ({@code altLabels_en}), skill labels and synonyms in
 * Spanish and French, occupation labels, synonyms and descriptions in the languages of {@link
 * Languages#ALL} (property keys from {@link Languages}, ADR 0015). It never creates a node: a
 * concept the graph does not have (ESCO v1.1 added some) is skipped with its reason, so the skill
 * count stays what {@code import esco} made it.
 *
 * <p>Input: the {@code esco-i18n} folder: {@code skills_en.csv} (required), {@code skills_es.csv},
 * {@code skills_fr.csv}, {@code occupations_en.csv} and {@code
 * occupations-v1.0.8/occupations_xx.csv} (each optional).
 */
public final class EscoI18nImporter implements Importer {
  public static final String SOURCE = "esco-i18n";

  static final Statement SKILL_LABELS =
      Statement.nodes(
          "esco-i18n-skill",
          "MATCH (s:" + Labels.SKILL + " {" + Props.ID + ": row.id}) SET s += row.props");
  static final Statement OCCUPATION_LABELS =
      Statement.nodes(
          "esco-i18n-occupation",
          "MATCH (o:" + Labels.OCCUPATION + " {" + Props.ID + ": row.id}) SET o += row.props");

  private static final String OCCUPATIONS_108 = "occupations-v1.0.8/occupations_%s.csv";

  @Override
  public String name() {
    return SOURCE;
  }

  @Override
  public String usage() {
    return "the esco-i18n folder (skills_en.csv, skills_es.csv, skills_fr.csv, occupations_en.csv,"
        + " occupations-v1.0.8/); run after import esco";
  }

  /** What one file added, for the report. */
  private static final class Tally {
    long labels;
    long withSynonyms;
    long synonyms;
    long descriptions;
  }

  @Override
  public void read(Path input, ImportContext ctx, RowSink out) throws IOException {
    Path folder = SourceFiles.folder(input);
    Map<String, String> skillNames = names(ctx, Labels.SKILL);
    Map<String, String> occupationNames = names(ctx, Labels.OCCUPATION);
    if (skillNames.isEmpty())
      out.note("no ESCO skills in the graph: run `import esco` first; every skill row is skipped");
    Map<String, Tally> skills = new TreeMap<>();
    Map<String, Tally> occupations = new TreeMap<>();
    out.expect(13_896 + 2 * 13_485 + 3_007 + 7 * 2_942);

    Path skillsEn = SourceFiles.require(folder, "skills_en.csv");
    read(folder, skillsEn, "en", false, skillNames, ctx, out, skills);
    for (String lang : Languages.SKILL_LANGUAGES) {
      if (lang.equals(Languages.ENGLISH)) continue;
      Path p = SourceFiles.optional(folder, "skills_" + lang + ".csv");
      if (p != null) read(folder, p, lang, false, skillNames, ctx, out, skills);
    }
    Path occEn = SourceFiles.optional(folder, "occupations_en.csv");
    if (occEn != null) read(folder, occEn, "en", true, occupationNames, ctx, out, occupations);
    for (String lang : Languages.ALL) {
      if (lang.equals(Languages.ENGLISH)) continue;
      Path p = SourceFiles.optional(folder, String.format(OCCUPATIONS_108, lang));
      if (p != null) read(folder, p, lang, true, occupationNames, ctx, out, occupations);
    }
    out.note("skills: " + summary(skills));
    if (!occupations.isEmpty()) out.note("occupations: " + summary(occupations));
  }

  private static String summary(Map<String, Tally> byLang) {
    List<String> parts = new ArrayList<>();
    byLang.forEach(
        (lang, t) ->
            parts.add(
                String.format(
                    Locale.ROOT,
                    "%s %,d labels, %,d with synonyms (%,d synonyms)%s",
                    lang,
                    t.labels,
                    t.withSynonyms,
                    t.synonyms,
                    t.descriptions > 0
                        ? String.format(", %,d descriptions", t.descriptions)
                        : "")));
    return String.join("; ", parts);
  }

  /** Graph id -> English name of every node of the label that came from ESCO. */
  private static Map<String, String> names(ImportContext ctx, String label) {
    Map<String, String> out = new HashMap<>();
    for (Record r :
        ctx.query(
            "MATCH (n:"
                + label
                + ") WHERE n."
                + Props.SOURCE
                + " = $source RETURN n."
                + Props.ID
                + " AS id, n."
                + Props.NAME
                + " AS name",
            Map.of("source", EscoImporter.SOURCE))) {
      out.put(r.get("id").asString(), r.get("name").asString(""));
    }
    return out;
  }

  private static List<String> lines(String value) {
    List<String> out = new ArrayList<>();
    if (value == null) return out;
    for (String p : value.split("\n")) {
      String t = p.strip();
      if (!t.isEmpty()) out.add(t);
    }
    return out;
  }

  /**
   * One file of one language. English rows add their preferred label and synonyms as {@code
   * altLabels_en} (without the name the node already has); other languages set the label, the
   * synonyms and, when given, the description.
   */
  private void read(
      Path folder,
      Path file,
      String lang,
      boolean occupation,
      Map<String, String> inGraph,
      ImportContext ctx,
      RowSink out,
      Map<String, Tally> tallies)
      throws IOException {
    Statement statement = occupation ? OCCUPATION_LABELS : SKILL_LABELS;
    String kind = occupation ? "occupation" : "skill";
    Tally tally = tallies.computeIfAbsent(lang, k -> new Tally());
    try (DelimitedReader r = Csv.csv(folder, file, ctx)) {
      Header h = r.header();
      h.requireAll(List.of("conceptUri", "preferredLabel", "altLabels"));
      boolean hasDescription = h.has("description");
      Set<String> seen = new HashSet<>();
      for (Row row = r.next(); row != null; row = r.next()) {
        try {
          Fields f = new Fields(row, h);
          String uri = f.required("conceptUri");
          if (!uri.startsWith(EscoImporter.URI_BASE))
            throw new RowException(
                Problem.Kind.BAD_VALUE,
                f.at("conceptUri"),
                "'" + Fields.abbreviate(uri) + "' is not an ESCO URI");
          if (!seen.add(uri))
            throw new RowException(
                Problem.Kind.DUPLICATE_KEY,
                f.at("conceptUri"),
                kind + " " + uri + " appears twice");
          String id = EscoImporter.id(uri);
          String name = inGraph.get(id);
          if (name == null) {
            out.skip(row.at(), kind + " not in the graph (import esco has no such concept)");
            continue;
          }
          String label = f.required("preferredLabel");
          Set<String> synonyms = new LinkedHashSet<>();
          if (lang.equals(Languages.ENGLISH)) synonyms.add(label);
          synonyms.addAll(lines(f.optional("altLabels")));
          String own = lang.equals(Languages.ENGLISH) ? name : label;
          synonyms.removeIf(s -> s.equalsIgnoreCase(own));
          Map<String, Object> props = new LinkedHashMap<>();
          props.put(Languages.altLabelsKey(lang), new ArrayList<>(synonyms));
          tally.labels++;
          if (!lang.equals(Languages.ENGLISH)) {
            props.put(Languages.labelKey(lang), label);
            String description = hasDescription ? f.optional("description") : null;
            if (occupation && description != null) {
              props.put(Languages.descriptionKey(lang), description);
              tally.descriptions++;
            }
          }
          if (!synonyms.isEmpty()) {
            tally.withSynonyms++;
            tally.synonyms += synonyms.size();
          }
          out.accept(row.at(), new Write(statement, Map.of(Props.ID, id, "props", props)));
        } catch (RowException e) {
          out.reject(e.problem(), row.raw());
        }
      }
    }
  }
}
