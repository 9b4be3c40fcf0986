package dev.talentgraph.importers.onet;

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
import dev.talentgraph.importers.skills.SameAsLinker;
import dev.talentgraph.importers.skills.Tokens;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.neo4j.driver.Record;

/**
 * O*NET 29.x: occupations with their alternate and reported titles as aliases; the software
 * examples of Technology Skills as skills ({@code onet:tech/<name>}) with their hot-technology
 * flag, under the UNSPSC commodity hierarchy (commodity, class, family, segment as {@code
 * SkillGroup}s, {@code unspsc:<code>}); and each occupation REQUIRES its technologies, with the
 * row's hot-technology and in-demand flags.
 *
 * <p>A technology that is an ESCO skill as well is linked to it by {@code SAME_AS} ({@link
 * SameAsLinker}); the skill extractor then treats both as one skill.
 */
public final class OnetImporter implements Importer {
  public static final String SOURCE = "onet";
  private static final Pattern SOC = Pattern.compile("\\d{2}-\\d{4}\\.\\d{2}");
  private static final Pattern UNSPSC = Pattern.compile("\\d{8}");

  static final Statement OCCUPATION =
      Statement.nodes(
          "onet-occupation",
          "MERGE (o:" + Labels.OCCUPATION + " {" + Props.ID + ": row.id}) SET o += row.props");
  static final Statement GROUP =
      Statement.nodes(
          "unspsc-group",
          "MERGE (g:"
              + Labels.SKILL
              + " {"
              + Props.ID
              + ": row.id}) SET g:"
              + Labels.SKILL_GROUP
              + " SET g += row.props");
  static final Statement GROUP_BROADER =
      Statement.relationships(
          "unspsc-broader",
          "MATCH (a:"
              + Labels.SKILL
              + " {"
              + Props.ID
              + ": row.from}) MATCH (b:"
              + Labels.SKILL
              + " {"
              + Props.ID
              + ": row.to})"
              + " MERGE (a)-[:"
              + RelTypes.BROADER
              + "]->(b)");
  static final Statement TECH =
      Statement.of(
          "onet-technology",
          1,
          "MERGE (s:" + Labels.SKILL + " {" + Props.ID + ": row.id}) SET s += row.props");
  static final Statement REQUIRES =
      Statement.relationships(
          "onet-requires",
          "MATCH (o:"
              + Labels.OCCUPATION
              + " {"
              + Props.ID
              + ": row.occupation}) MATCH (s:"
              + Labels.SKILL
              + " {"
              + Props.ID
              + ": row.skill}) MERGE (o)-[r:"
              + RelTypes.REQUIRES
              + "]->(s) SET r += row.props");
  static final Statement SAME_AS =
      Statement.of(
          "onet-same-as",
          Statement.LATE,
          "MATCH (a:"
              + Labels.SKILL
              + " {"
              + Props.ID
              + ": row.from}) MATCH (b:"
              + Labels.SKILL
              + " {"
              + Props.ID
              + ": row.to})"
              + " MERGE (a)-[r:"
              + RelTypes.SAME_AS
              + "]->(b) SET r.rule = row.rule");

  @Override
  public String name() {
    return SOURCE;
  }

  @Override
  public String usage() {
    return "the O*NET text folder (Technology Skills.txt, UNSPSC Reference.txt, Occupation Data.txt, Alternate Titles.txt)";
  }

  public static String occupationId(String soc) {
    return SOURCE + ":" + soc;
  }

  /**
   * {@code onet:tech/} + the folded name: stable across releases as long as O*NET keeps the name.
   */
  public static String techId(String example) {
    return SOURCE + ":tech/" + Tokens.normal(example).replace(' ', '-');
  }

  public static String unspscId(String code) {
    return "unspsc:" + code;
  }

  private record Commodity(
      String code,
      String title,
      String classCode,
      String classTitle,
      String familyCode,
      String familyTitle,
      String segmentCode,
      String segmentTitle,
      long line) {}

  private static final class Tech {
    final String name;
    boolean hot;
    boolean inDemandAnywhere;
    final Set<String> commodities = new LinkedHashSet<>();

    Tech(String name) {
      this.name = name;
    }
  }

  @Override
  public void read(Path input, ImportContext ctx, RowSink out) throws IOException {
    Path folder = SourceFiles.folder(input);
    Path techFile = SourceFiles.require(folder, "Technology Skills.txt");
    Path occFile = SourceFiles.require(folder, "Occupation Data.txt");
    Path unspscFile = SourceFiles.optional(folder, "UNSPSC Reference.txt");
    Path altFile = SourceFiles.optional(folder, "Alternate Titles.txt");
    Path reportedFile = SourceFiles.optional(folder, "Sample of Reported Titles.txt");

    // Titles first: they become aliases on the occupation rows.
    Map<String, Set<String>> titles = new HashMap<>();
    if (altFile != null) collectTitles(folder, altFile, "Alternate Title", ctx, titles);
    if (reportedFile != null)
      collectTitles(folder, reportedFile, "Reported Job Title", ctx, titles);

    Map<String, Commodity> commodities = new HashMap<>();
    if (unspscFile != null) {
      try (DelimitedReader r = Csv.tsv(folder, unspscFile, ctx)) {
        Header h = r.header();
        h.requireAll(
            List.of(
                "Commodity Code",
                "Commodity Title",
                "Class Code",
                "Class Title",
                "Family Code",
                "Family Title",
                "Segment Code",
                "Segment Title"));
        for (Row row = r.next(); row != null; row = r.next()) {
          if (row.problem() != null || row.size() != h.size())
            continue; // reported in the write pass below
          commodities.put(
              row.get(0).strip(),
              new Commodity(
                  row.get(0).strip(),
                  row.get(1).strip(),
                  row.get(2).strip(),
                  row.get(3).strip(),
                  row.get(4).strip(),
                  row.get(5).strip(),
                  row.get(6).strip(),
                  row.get(7).strip(),
                  row.line()));
        }
      }
    }

    // Technology rows, validated once, aggregated per technology.
    Map<String, Tech> techs = new LinkedHashMap<>();
    Set<String> usedCommodities = new HashSet<>();
    Set<String> occupations = new HashSet<>();
    try (DelimitedReader r = Csv.tsv(folder, occFile, ctx)) {
      Header h = r.header();
      h.requireAll(List.of("O*NET-SOC Code", "Title", "Description"));
      for (Row row = r.next(); row != null; row = r.next()) {
        if (row.size() > 0) occupations.add(row.get(0).strip());
      }
    }
    List<Object[]> techRows = new ArrayList<>();
    try (DelimitedReader r = Csv.tsv(folder, techFile, ctx)) {
      Header h = r.header();
      h.requireAll(
          List.of("O*NET-SOC Code", "Example", "Commodity Code", "Hot Technology", "In Demand"));
      for (Row row = r.next(); row != null; row = r.next()) {
        try {
          Fields f = new Fields(row, h);
          String soc = f.required("O*NET-SOC Code");
          if (!SOC.matcher(soc).matches())
            throw new RowException(
                Problem.Kind.BAD_VALUE,
                f.at("O*NET-SOC Code"),
                "'" + soc + "' is not an O*NET-SOC code");
          if (!occupations.contains(soc) && !inGraph(ctx, Labels.OCCUPATION, occupationId(soc))) {
            throw new RowException(
                Problem.Kind.UNKNOWN_REFERENCE,
                f.at("O*NET-SOC Code"),
                "unknown occupation " + soc);
          }
          String example = f.required("Example");
          String code = f.required("Commodity Code");
          if (!UNSPSC.matcher(code).matches())
            throw new RowException(
                Problem.Kind.BAD_VALUE,
                f.at("Commodity Code"),
                "'" + code + "' is not an 8-digit UNSPSC code");
          if (unspscFile != null && !commodities.containsKey(code)) {
            throw new RowException(
                Problem.Kind.UNKNOWN_REFERENCE,
                f.at("Commodity Code"),
                "commodity " + code + " is not in UNSPSC Reference.txt");
          }
          boolean hot = yesNo(f, "Hot Technology");
          boolean inDemand = yesNo(f, "In Demand");
          if (Tokens.normal(example).isEmpty())
            throw new RowException(
                Problem.Kind.BAD_VALUE, f.at("Example"), "name has no letters or digits");
          Tech t = techs.computeIfAbsent(techId(example), k -> new Tech(example));
          t.hot |= hot;
          t.inDemandAnywhere |= inDemand;
          t.commodities.add(code);
          usedCommodities.add(code);
          techRows.add(new Object[] {row, soc, example, code, hot, inDemand});
        } catch (RowException e) {
          techRows.add(new Object[] {row, e.problem()});
        }
      }
    }

    // UNSPSC: the commodities that technologies use, with their class, family and segment.
    if (unspscFile != null) {
      try (DelimitedReader r = Csv.tsv(folder, unspscFile, ctx)) {
        Header h = r.header();
        Set<String> groupsDone = new HashSet<>();
        for (Row row = r.next(); row != null; row = r.next()) {
          try {
            Fields f = new Fields(row, h);
            String code = f.required("Commodity Code");
            if (!usedCommodities.contains(code)) {
              out.skip(row.at(), "UNSPSC commodity used by no technology");
              continue;
            }
            Commodity c = commodities.get(code);
            List<Write> writes = new ArrayList<>();
            String[][] levels = {
              {c.code(), c.title(), "commodity"},
              {c.classCode(), c.classTitle(), "class"},
              {c.familyCode(), c.familyTitle(), "family"},
              {c.segmentCode(), c.segmentTitle(), "segment"}
            };
            for (int i = 0; i < levels.length; i++) {
              if (!groupsDone.add(levels[i][0])) continue;
              writes.add(
                  new Write(
                      GROUP,
                      Map.of(
                          Props.ID,
                          unspscId(levels[i][0]),
                          "props",
                          Map.of(
                              Props.NAME,
                              levels[i][1],
                              "unspscCode",
                              levels[i][0],
                              "unspscLevel",
                              levels[i][2],
                              Props.SOURCE,
                              "unspsc"))));
              if (i + 1 < levels.length) {
                writes.add(
                    new Write(
                        GROUP_BROADER,
                        Map.of("from", unspscId(levels[i][0]), "to", unspscId(levels[i + 1][0]))));
              }
            }
            out.accept(row.at(), writes);
          } catch (RowException e) {
            out.reject(e.problem(), row.raw());
          }
        }
      }
    }

    try (DelimitedReader r = Csv.tsv(folder, occFile, ctx)) {
      Header h = r.header();
      Set<String> seen = new HashSet<>();
      for (Row row = r.next(); row != null; row = r.next()) {
        try {
          Fields f = new Fields(row, h);
          String soc = f.required("O*NET-SOC Code");
          if (!SOC.matcher(soc).matches())
            throw new RowException(
                Problem.Kind.BAD_VALUE,
                f.at("O*NET-SOC Code"),
                "'" + soc + "' is not an O*NET-SOC code");
          if (!seen.add(soc))
            throw new RowException(
                Problem.Kind.DUPLICATE_KEY,
                f.at("O*NET-SOC Code"),
                "occupation " + soc + " appears twice");
          String title = f.required("Title");
          Set<String> aliases = new LinkedHashSet<>(titles.getOrDefault(soc, Set.of()));
          aliases.remove(title);
          Map<String, Object> p = new HashMap<>();
          p.put(Props.NAME, title);
          p.put(Props.DESCRIPTION, f.optional("Description"));
          p.put(Props.ALIASES, new ArrayList<>(aliases));
          p.put("onetCode", soc);
          p.put("kind", "occupation");
          p.put(Props.SOURCE, SOURCE);
          out.accept(
              row.at(), new Write(OCCUPATION, Map.of(Props.ID, occupationId(soc), "props", p)));
        } catch (RowException e) {
          out.reject(e.problem(), row.raw());
        }
      }
    }

    out.expect(techRows.size());
    Set<String> techDone = new HashSet<>();
    Set<String> broaderDone = new HashSet<>();
    Set<String> pairs = new HashSet<>();
    for (Object[] t : techRows) {
      Row row = (Row) t[0];
      if (t.length == 2) {
        out.reject((Problem) t[1], row.raw());
        continue;
      }
      String soc = (String) t[1];
      String example = (String) t[2];
      String code = (String) t[3];
      String id = techId(example);
      if (!pairs.add(soc + "|" + id)) {
        out.skip(row.at(), "technology listed twice for the occupation");
        continue;
      }
      List<Write> writes = new ArrayList<>();
      if (techDone.add(id)) {
        Tech tech = techs.get(id);
        Map<String, Object> p = new HashMap<>();
        p.put(Props.NAME, tech.name);
        p.put(Props.ALIASES, aliases(tech.name));
        p.put("hotTechnology", tech.hot);
        p.put("inDemand", tech.inDemandAnywhere);
        p.put("unspscCodes", new ArrayList<>(tech.commodities));
        p.put("kind", "technology");
        p.put(Props.SOURCE, SOURCE);
        writes.add(new Write(TECH, Map.of(Props.ID, id, "props", p)));
      }
      if (unspscFile != null && broaderDone.add(id + "|" + code)) {
        writes.add(new Write(GROUP_BROADER, Map.of("from", id, "to", unspscId(code))));
      }
      writes.add(
          new Write(
              REQUIRES,
              Map.of(
                  "occupation",
                  occupationId(soc),
                  "skill",
                  id,
                  "props",
                  Map.of("hotTechnology", t[4], "inDemand", t[5], Props.SOURCE, SOURCE))));
      out.accept(row.at(), writes);
    }

    // SAME_AS: technologies that are ESCO skills too.
    List<SameAsLinker.Named> onet = new ArrayList<>();
    for (var e : techs.entrySet())
      onet.add(new SameAsLinker.Named(e.getKey(), e.getValue().name, List.of()));
    List<SameAsLinker.Named> esco = new ArrayList<>();
    for (Record rec :
        ctx.query(
            "MATCH (s:"
                + Labels.SKILL
                + " {"
                + Props.SOURCE
                + ": 'esco'}) WHERE NOT s:"
                + Labels.SKILL_GROUP
                + " RETURN s.id AS id, s.name AS name, coalesce(s.aliases, []) AS aliases",
            Map.of())) {
      esco.add(
          new SameAsLinker.Named(
              rec.get("id").asString(),
              rec.get("name").asString(),
              rec.get("aliases").asList(v -> v.asString())));
    }
    if (esco.isEmpty()) {
      out.note(
          "no ESCO skills in the graph: O*NET technologies are not linked to ESCO (import esco first, or again after esco)");
    }
    List<SameAsLinker.Link> links = SameAsLinker.match(onet, esco);
    for (SameAsLinker.Link l : links) {
      out.derived(
          new Write(SAME_AS, Map.of("from", l.onetId(), "to", l.escoId(), "rule", l.rule())));
    }
    if (!esco.isEmpty())
      out.note(links.size() + " O*NET technologies linked SAME_AS to ESCO skills");
  }

  /**
   * Other names people write for a technology: without its vendor when the rest is a product name
   * ("Apache Hadoop" -> "Hadoop", not "Oracle Database" -> "Database"), "MS" for Microsoft, without
   * a trailing "software" ("Microsoft Office software" -> "MS Office"), and CamelCase split
   * ("PowerPoint" -> "Power Point"). The skill dictionary still drops one-word synonyms that are
   * everyday words ("Word", "Project").
   */
  static List<String> aliases(String name) {
    Set<String> out = new LinkedHashSet<>();
    List<String> bases = new ArrayList<>();
    bases.add(name);
    if (name.endsWith(" software")
        && name.length() > 9
        && SameAsLinker.withoutVendor(name) != null) {
      bases.add(
          name.substring(0, name.length() - 9)
              .strip()); // "Microsoft Office software" -> "Microsoft Office", "SAP software" ->
      // "SAP"
    }
    for (String b : bases) {
      if (!b.equals(name)) out.add(b);
      String rest = SameAsLinker.withoutVendor(b);
      if (rest != null && productName(rest)) {
        out.add(rest);
        if (b.startsWith("Microsoft ")) out.add("MS " + rest);
      }
    }
    for (String a : new ArrayList<>(out.isEmpty() ? List.of(name) : List.copyOf(out))) {
      String split = a.replaceAll("(?<=[a-z])(?=[A-Z][a-z])", " ");
      if (!split.equals(a)) out.add(split);
    }
    String splitName = name.replaceAll("(?<=[a-z])(?=[A-Z][a-z])", " ");
    if (!splitName.equals(name)) out.add(splitName);
    out.remove(name);
    return new ArrayList<>(out);
  }

  /**
   * Acronyms that every vendor uses for a product line: "SAP SCM" is SAP's, "SCM" alone is
   * anybody's.
   */
  private static final Set<String> GENERIC_ACRONYMS =
      Set.of(
          "SCM", "ERP", "CRM", "HCM", "HR", "BI", "PLM", "MES", "WMS", "CMS", "LMS", "EAM", "EHS",
          "GRC", "SRM", "APO", "MDM", "DMS");

  /**
   * Plain words that end product-family names: "Big Data", "Office software" name a field, not a
   * product.
   */
  private static final Set<String> GENERIC_HEADS =
      Set.of(
          "data",
          "software",
          "services",
          "service",
          "database",
          "databases",
          "management",
          "analytics",
          "cloud",
          "platform",
          "suite",
          "system",
          "systems",
          "tools",
          "applications",
          "intelligence",
          "solutions",
          "server",
          "online");

  /**
   * Whether a vendor-less rest still names the product: it starts with a capital or digit, is not a
   * generic acronym ("SCM"), and if it is several plain words it does not end in a generic word
   * ("Big Data"); one-word rests that are everyday words ("Word") are dropped later by the
   * dictionary.
   */
  static boolean productName(String rest) {
    if (rest.isEmpty()
        || !(Character.isUpperCase(rest.charAt(0)) || Character.isDigit(rest.charAt(0))))
      return false;
    if (GENERIC_ACRONYMS.contains(rest)) return false;
    String[] words = rest.split("\\s+");
    if (words.length == 1) return true;
    for (String w : words) {
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (Character.isDigit(c) || i > 0 && Character.isUpperCase(c)) return true;
      }
    }
    return !GENERIC_HEADS.contains(words[words.length - 1].toLowerCase(java.util.Locale.ROOT))
        || words.length == 2 && words[0].equals("Windows");
  }

  private static boolean yesNo(Fields f, String column) {
    String v = f.required(column);
    if (v.equals("Y")) return true;
    if (v.equals("N")) return false;
    throw new RowException(
        Problem.Kind.BAD_VALUE, f.at(column), "'" + Fields.abbreviate(v) + "' is not Y or N");
  }

  private static boolean inGraph(ImportContext ctx, String label, String id) {
    return !ctx.query(
            "MATCH (n:" + label + " {" + Props.ID + ": $id}) RETURN 1 LIMIT 1", Map.of("id", id))
        .isEmpty();
  }

  private static void collectTitles(
      Path folder, Path file, String column, ImportContext ctx, Map<String, Set<String>> titles)
      throws IOException {
    try (DelimitedReader r = Csv.tsv(folder, file, ctx)) {
      Header h = r.header();
      h.requireAll(List.of("O*NET-SOC Code", column));
      int soc = h.require("O*NET-SOC Code");
      int col = h.require(column);
      for (Row row = r.next(); row != null; row = r.next()) {
        if (row.problem() != null || row.size() != h.size()) continue;
        String t = row.get(col).strip();
        if (!t.isEmpty())
          titles.computeIfAbsent(row.get(soc).strip(), k -> new LinkedHashSet<>()).add(t);
      }
    }
  }
}
