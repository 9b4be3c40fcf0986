package dev.talentgraph.importers.aan;

import dev.talentgraph.importers.ImportContext;
import dev.talentgraph.importers.ImportFailedException;
import dev.talentgraph.importers.Importer;
import dev.talentgraph.importers.Location;
import dev.talentgraph.importers.Problem;
import dev.talentgraph.importers.RowException;
import dev.talentgraph.importers.RowSink;
import dev.talentgraph.importers.Statement;
import dev.talentgraph.importers.Write;
import dev.talentgraph.importers.io.DelimitedReader;
import dev.talentgraph.importers.io.SourceFiles;
import dev.talentgraph.importers.io.TextLines;
import dev.talentgraph.importers.io.TextRepair;
import dev.talentgraph.importers.skills.EmergingSkillMiner;
import dev.talentgraph.importers.skills.SkillDictionary;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Record;

/**
 * The ACL Anthology Network ({@code acl-metadata.txt}: records of {@code key = {value}} lines
 * separated by blank lines). Authors become experts ({@code aan:<folded name>}), papers
 * publications ({@code aan:<paper id>}) with AUTHORED {position}; every pair of co-authors gets one
 * COLLABORATED_WITH {count, firstYear, lastYear}, stored once from the smaller id to the larger.
 *
 * <p>Titles are matched against the skill taxonomy of the graph plus the emerging skills learned
 * from the titles themselves ({@link EmergingSkillMiner}), which are written as skills with source
 * {@code aan} and linked BROADER to the taxonomy skill they refine, or RELATED_TO one they mention;
 * they are marked {@code extract: false}, so the extractor that other sources use (resumes,
 * postings) keeps to the taxonomy, whose precision they would lower (measured in
 * ExtractorEvaluationIT). A paper is ABOUT the skills in its title (with the matched span as
 * evidence); each author HAS_SKILL for them with the papers as evidence and a level that grows with
 * the number of papers: 1 paper: 1, 2-3: 2, 4-7: 3, 8-15: 4, 16 and more: 5.
 *
 * <p>The file mixes UTF-8 and Windows-1252 lines and HTML character references in names ({@code
 * Gim&eacute;nez}); both are repaired before anything else, so that an author's name is not cut at
 * the entity's semicolon (the naive split behind the 14,385 "author strings" of SOURCE.txt).
 */
public final class AanImporter implements Importer {
  public static final String SOURCE = "aan";
  private static final Pattern FIELD = Pattern.compile("^(\\w+) = \\{(.*)\\}\\s*$");
  private static final Pattern PAPER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

  /** Evidence kept on one HAS_SKILL: the first papers, enough to show why. */
  static final int MAX_EVIDENCE = 5;

  static final Statement EMERGING =
      Statement.nodes(
          "aan-emerging-skill",
          "MERGE (s:" + Labels.SKILL + " {" + Props.ID + ": row.id}) SET s += row.props");
  static final Statement EMERGING_BROADER =
      Statement.relationships(
          "aan-emerging-broader",
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
  static final Statement EMERGING_RELATED =
      Statement.relationships(
          "aan-emerging-related",
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
              + RelTypes.RELATED_TO
              + "]->(b) SET r.source = '"
              + SOURCE
              + "', r.via = row.via");
  static final Statement PAPER =
      Statement.nodes(
          "aan-paper",
          "MERGE (p:" + Labels.PUBLICATION + " {" + Props.ID + ": row.id}) SET p += row.props");
  static final Statement AUTHOR =
      Statement.nodes(
          "aan-author",
          "MERGE (e:"
              + Labels.EXPERT
              + " {"
              + Props.ID
              + ": row.id}) ON CREATE SET e."
              + Props.NAME
              + " = row.name"
              + " SET e."
              + Props.SOURCE
              + " = '"
              + SOURCE
              + "'");
  static final Statement AUTHORED =
      Statement.relationships(
          "aan-authored",
          "MATCH (e:"
              + Labels.EXPERT
              + " {"
              + Props.ID
              + ": row.author}) MATCH (p:"
              + Labels.PUBLICATION
              + " {"
              + Props.ID
              + ": row.paper}) MERGE (e)-[r:"
              + RelTypes.AUTHORED
              + "]->(p) SET r.position = row.position");
  static final Statement ABOUT =
      Statement.relationships(
          "aan-about",
          "MATCH (p:"
              + Labels.PUBLICATION
              + " {"
              + Props.ID
              + ": row.paper}) MATCH (s:"
              + Labels.SKILL
              + " {"
              + Props.ID
              + ": row.skill}) MERGE (p)-[r:"
              + RelTypes.ABOUT
              + "]->(s) SET r."
              + Props.EVIDENCE
              + " = row.evidence,"
              + " r."
              + Props.SOURCE
              + " = '"
              + SOURCE
              + "'");
  static final Statement COLLABORATED =
      Statement.of(
          "aan-collaborated",
          Statement.LATE,
          "MATCH (a:"
              + Labels.EXPERT
              + " {"
              + Props.ID
              + ": row.a}) MATCH (b:"
              + Labels.EXPERT
              + " {"
              + Props.ID
              + ": row.b})"
              + " MERGE (a)-[r:"
              + RelTypes.COLLABORATED_WITH
              + "]->(b) SET r."
              + Props.COUNT
              + " = row.count, r."
              + Props.FIRST_YEAR
              + " = row.firstYear, r."
              + Props.LAST_YEAR
              + " = row.lastYear, r."
              + Props.SOURCE
              + " = '"
              + SOURCE
              + "'");
  static final Statement HAS_SKILL =
      Statement.of(
          "aan-has-skill",
          Statement.LATE,
          "MATCH (e:"
              + Labels.EXPERT
              + " {"
              + Props.ID
              + ": row.author}) MATCH (s:"
              + Labels.SKILL
              + " {"
              + Props.ID
              + ": row.skill})"
              + " MERGE (e)-[r:"
              + RelTypes.HAS_SKILL
              + "]->(s) SET r += row.props");

  private final boolean skills;
  private final boolean collaborations;

  /** The full import: papers, authors, collaborations, title skills and author skills. */
  public AanImporter() {
    this(true, true);
  }

  /**
   * @param skills match titles to skills (taxonomy plus emerging), ABOUT and HAS_SKILL
   * @param collaborations aggregate COLLABORATED_WITH
   */
  public AanImporter(boolean skills, boolean collaborations) {
    this.skills = skills;
    this.collaborations = collaborations;
  }

  @Override
  public String name() {
    return SOURCE;
  }

  @Override
  public String usage() {
    return "the AAN folder or its acl-metadata.txt";
  }

  public static String expertId(String name) {
    return SOURCE + ":" + Tokens.normal(name).replace(' ', '-');
  }

  public static String paperId(String id) {
    return SOURCE + ":" + id;
  }

  public static String emergingId(String name) {
    return SOURCE + ":skill/" + Tokens.normal(name).replace(' ', '-');
  }

  /** The level for a number of papers: 1, 2-3, 4-7, 8-15, 16+ give 1 to 5. */
  public static int level(int papers) {
    int level = 1;
    for (int n = papers; n > 1 && level < Props.MAX_LEVEL; n >>= 1) level++;
    return level;
  }

  /** One parsed paper. */
  record Paper(
      String id,
      List<String> authors,
      String title,
      String venue,
      int year,
      Location at,
      String raw) {}

  private static final class Pair {
    int count;
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
  }

  private static final class Evidence {
    int papers;
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    final List<String> items = new ArrayList<>();
  }

  @Override
  public void read(Path input, ImportContext ctx, RowSink out) throws IOException {
    Path folder = SourceFiles.folder(input);
    Path file =
        Files.isRegularFile(input) ? input : SourceFiles.require(folder, "acl-metadata.txt");
    DelimitedReader.requireNonEmptyFile(file, SourceFiles.display(folder, file));

    List<Object> parsed = new ArrayList<>(); // Paper or Problem+raw
    long repaired;
    try (TextLines lines =
        new TextLines(file, SourceFiles.display(folder, file), TextLines.Decoding.UTF8_OR_CP1252)) {
      parse(lines, parsed);
      repaired = lines.repairedLines();
    }
    if (parsed.isEmpty()) {
      throw new ImportFailedException(
          Problem.of(
              Problem.Kind.EMPTY_FILE,
              Location.file(SourceFiles.display(folder, file)),
              "no paper records"));
    }
    if (repaired > 0) out.note(repaired + " lines were not UTF-8 and were read as Windows-1252");

    SkillExtractor extractor = skills ? skillExtractor(ctx, parsed, out) : null;

    // Papers.
    out.expect(parsed.size());
    Map<String, Pair> pairs = new TreeMap<>();
    Map<String, Map<String, Evidence>> skillsOf = new LinkedHashMap<>();
    Set<String> seenIds = new HashSet<>();
    Set<String> authorsWritten = new HashSet<>();
    long withSkill = 0;
    long papers = 0;
    for (Object o : parsed) {
      if (o instanceof Object[] bad) {
        out.reject((Problem) bad[0], (String) bad[1]);
        continue;
      }
      Paper p = (Paper) o;
      if (!seenIds.add(p.id())) {
        out.reject(
            Problem.of(
                Problem.Kind.DUPLICATE_KEY,
                p.at().field("id"),
                "paper " + p.id() + " appears twice"),
            p.raw());
        continue;
      }
      papers++;
      List<Write> writes = new ArrayList<>();
      String pid = paperId(p.id());
      Map<String, Object> props = new HashMap<>();
      props.put(Props.TITLE, p.title());
      props.put("venue", p.venue());
      props.put(Props.YEAR, p.year());
      props.put(Props.URI, "aan:" + p.id());
      props.put(Props.SOURCE, SOURCE);
      writes.add(new Write(PAPER, Map.of(Props.ID, pid, "props", props)));
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < p.authors().size(); i++) {
        String name = p.authors().get(i);
        String eid = expertId(name);
        if (ids.contains(eid)) continue; // the same author listed twice on one paper
        ids.add(eid);
        if (authorsWritten.add(eid))
          writes.add(new Write(AUTHOR, Map.of(Props.ID, eid, "name", name)));
        writes.add(
            new Write(AUTHORED, Map.of("author", eid, "paper", pid, "position", ids.size())));
      }
      List<SkillMatch> matches =
          extractor == null ? List.of() : extractor.distinctSkills(p.title());
      if (!matches.isEmpty()) withSkill++;
      for (SkillMatch m : matches) {
        writes.add(
            new Write(ABOUT, Map.of("paper", pid, "skill", m.skillId(), "evidence", m.span())));
        for (String a : ids) {
          Evidence ev =
              skillsOf
                  .computeIfAbsent(a, k -> new LinkedHashMap<>())
                  .computeIfAbsent(m.skillId(), k -> new Evidence());
          ev.papers++;
          ev.first = Math.min(ev.first, p.year());
          ev.last = Math.max(ev.last, p.year());
          if (ev.items.size() < MAX_EVIDENCE)
            ev.items.add(pid + ": \"" + m.span() + "\" in \"" + p.title() + "\"");
        }
      }
      if (!collaborations) {
        out.accept(p.at(), writes);
        continue;
      }
      List<String> sorted = new ArrayList<>(ids);
      sorted.sort(null);
      for (int i = 0; i < sorted.size(); i++) {
        for (int j = i + 1; j < sorted.size(); j++) {
          Pair pair = pairs.computeIfAbsent(sorted.get(i) + "\t" + sorted.get(j), k -> new Pair());
          pair.count++;
          pair.first = Math.min(pair.first, p.year());
          pair.last = Math.max(pair.last, p.year());
        }
      }
      out.accept(p.at(), writes);
    }
    for (var e : pairs.entrySet()) {
      String[] ab = e.getKey().split("\t");
      Pair pr = e.getValue();
      out.derived(
          new Write(
              COLLABORATED,
              Map.of(
                  "a",
                  ab[0],
                  "b",
                  ab[1],
                  "count",
                  pr.count,
                  "firstYear",
                  pr.first,
                  "lastYear",
                  pr.last)));
    }
    for (var a : skillsOf.entrySet()) {
      for (var s : a.getValue().entrySet()) {
        Evidence ev = s.getValue();
        Map<String, Object> props = new HashMap<>();
        props.put(Props.LEVEL, level(ev.papers));
        props.put("evidenceCount", ev.papers);
        props.put(Props.EVIDENCE, ev.items);
        props.put(Props.FIRST_YEAR, ev.first);
        props.put(Props.LAST_YEAR, ev.last);
        props.put(Props.SOURCE, SOURCE);
        out.derived(
            new Write(
                HAS_SKILL, Map.of("author", a.getKey(), "skill", s.getKey(), "props", props)));
      }
    }
    if (skills) {
      out.note(
          String.format(
              "%,d of %,d papers (%.1f%%) have at least one skill",
              withSkill, papers, papers == 0 ? 0 : 100.0 * withSkill / papers));
    }
    if (collaborations) out.note(String.format("%,d co-author pairs", pairs.size()));
  }

  /**
   * The taxonomy in the graph plus the emerging skills of these titles, which are written first.
   */
  private static SkillExtractor skillExtractor(
      ImportContext ctx, List<Object> parsed, RowSink out) {
    List<String> titles = new ArrayList<>();
    for (Object o : parsed) if (o instanceof Paper p) titles.add(p.title());
    List<String> background = new ArrayList<>();
    for (Record r :
        ctx.query(
            "MATCH (n) WHERE (n:"
                + Labels.SKILL
                + " OR n:"
                + Labels.OCCUPATION
                + ") AND n."
                + Props.DESCRIPTION
                + " IS NOT NULL AND NOT coalesce(n.emerging, false) RETURN n."
                + Props.DESCRIPTION
                + " AS d",
            Map.of())) {
      background.add(r.get("d").asString());
    }
    // The taxonomy without the skills an earlier AAN import learned: a re-run learns the same ones
    // again.
    List<SkillDictionary.Entry> entries = allEntries(ctx);
    List<String[]> same = sameAs(ctx);
    SkillDictionary.Builder base = SkillDictionary.builder();
    SkillDictionary.Builder dict = SkillDictionary.builder();
    for (SkillDictionary.Entry e : entries) {
      base.add(e.id(), e.name(), e.aliases(), e.source());
      dict.add(e.id(), e.name(), e.aliases(), e.source());
    }
    for (String b : background) {
      base.background(b);
      dict.background(b);
    }
    for (String[] s : same) {
      base.sameAs(s[0], s[1]);
      dict.sameAs(s[0], s[1]);
    }
    SkillExtractor taxonomy = new SkillExtractor(base.build());
    List<EmergingSkillMiner.Emerging> emerging =
        new EmergingSkillMiner().mine(titles, background, taxonomy);
    for (EmergingSkillMiner.Emerging e : emerging)
      dict.add(emergingId(e.name()), e.name(), e.aliases(), SOURCE);
    SkillExtractor extractor = new SkillExtractor(dict.build());
    writeEmerging(emerging, taxonomy, extractor, out);
    out.note(emerging.size() + " emerging skills learned from " + titles.size() + " titles");

    return extractor;
  }

  /**
   * Emerging skills, each linked to the taxonomy skill it refines (BROADER) or mentions
   * (RELATED_TO).
   */
  private static void writeEmerging(
      List<EmergingSkillMiner.Emerging> emerging,
      SkillExtractor taxonomy,
      SkillExtractor withEmerging,
      RowSink out) {
    for (EmergingSkillMiner.Emerging e : emerging) {
      String id = emergingId(e.name());
      Map<String, Object> props = new HashMap<>();
      props.put(Props.NAME, e.name());
      props.put(Props.ALIASES, e.aliases());
      props.put(Props.SOURCE, SOURCE);
      props.put("emerging", true);
      // Learned from paper titles, these apply to titles: the general extractor (resumes, postings)
      // leaves them out.
      props.put("extract", false);
      props.put("documentCount", e.documents());
      props.put("distinctiveness", e.score());
      props.put(
          Props.DESCRIPTION, "Learned from " + e.documents() + " ACL Anthology paper titles.");
      List<Write> writes = new ArrayList<>();
      writes.add(new Write(EMERGING, Map.of(Props.ID, id, "props", props)));
      String target = null;
      String via = null;
      // A known skill inside the phrase that ends at its head: the phrase is a kind of it.
      for (SkillMatch m : taxonomy.extract(e.name())) {
        if (m.end() == e.name().length()) {
          target = m.skillId();
          via = "head";
        } else if (target == null) {
          target = m.skillId();
          via = "mention";
        }
      }
      if (target == null) {
        // Else another emerging skill that is its tail ("chinese word segmentation" -> "word
        // segmentation").
        for (SkillMatch m :
            withEmerging.extract(e.name().substring(Math.max(0, e.name().indexOf(' ') + 1)))) {
          if (!m.skillId().equals(id) && e.name().endsWith(m.span())) {
            target = m.skillId();
            via = "head";
          }
        }
      }
      if (target != null && !target.equals(id)) {
        writes.add(
            "head".equals(via)
                ? new Write(EMERGING_BROADER, Map.of("from", id, "to", target))
                : new Write(EMERGING_RELATED, Map.of("from", id, "to", target, "via", via)));
      }
      out.derived(writes);
    }
  }

  private static List<SkillDictionary.Entry> allEntries(ImportContext ctx) {
    List<SkillDictionary.Entry> out = new ArrayList<>();
    for (Record r :
        ctx.query(
            "MATCH (s:"
                + Labels.SKILL
                + ") WHERE NOT s:"
                + Labels.SKILL_GROUP
                + " AND coalesce(s.extract, true)"
                + " AND NOT (s."
                + Props.SOURCE
                + " = '"
                + SOURCE
                + "' AND coalesce(s.emerging, false))"
                + " RETURN s.id AS id, s.name AS name, coalesce(s.aliases, []) AS aliases, s.source AS source",
            Map.of())) {
      if (r.get("name").isNull()) continue;
      out.add(
          new SkillDictionary.Entry(
              r.get("id").asString(),
              r.get("name").asString(),
              r.get("aliases").asList(v -> v.asString()),
              r.get("source").asString(null)));
    }
    return out;
  }

  private static List<String[]> sameAs(ImportContext ctx) {
    List<String[]> out = new ArrayList<>();
    for (Record r :
        ctx.query(
            "MATCH (a:"
                + Labels.SKILL
                + ")-[:"
                + RelTypes.SAME_AS
                + "]->(b:"
                + Labels.SKILL
                + ") RETURN a.id AS a, b.id AS b",
            Map.of())) {
      out.add(new String[] {r.get("a").asString(), r.get("b").asString()});
    }
    return out;
  }

  /** Reads the records; each becomes a Paper or an Object[]{Problem, raw}. */
  static void parse(TextLines lines, List<Object> out) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    StringBuilder raw = new StringBuilder();
    long start = 0;
    Problem problem = null;
    for (TextLines.Line line = lines.next(); ; line = lines.next()) {
      if (line == null || line.text().isBlank()) {
        if (!fields.isEmpty() || problem != null) {
          out.add(toPaper(lines.name(), start, fields, problem, raw.toString()));
        }
        fields.clear();
        raw.setLength(0);
        problem = null;
        if (line == null) break;
        continue;
      }
      if (fields.isEmpty() && problem == null) start = line.number();
      raw.append(raw.length() == 0 ? "" : " | ").append(line.text());
      if (line.problem() != null && problem == null) problem = line.problem();
      Matcher m = FIELD.matcher(line.text());
      if (!m.matches()) {
        if (problem == null) {
          problem =
              Problem.of(
                  Problem.Kind.BAD_SYNTAX,
                  Location.line(lines.name(), line.number()),
                  "expected 'key = {value}', found '" + abbreviate(line.text()) + "'");
        }
        continue;
      }
      String key = m.group(1);
      if (fields.containsKey(key) && problem == null) {
        problem =
            Problem.of(
                Problem.Kind.BAD_SYNTAX,
                Location.line(lines.name(), line.number()).field(key),
                "'" + key + "' given twice in one record");
      }
      fields.put(key, m.group(2));
    }
  }

  private static Object toPaper(
      String file, long line, Map<String, String> f, Problem problem, String raw) {
    Location at = Location.line(file, line);
    try {
      if (problem != null) throw new RowException(problem);
      String id = require(f, "id", at);
      if (!PAPER_ID.matcher(id).matches())
        throw new RowException(
            Problem.Kind.BAD_VALUE,
            at.field("id"),
            "'"
                + abbreviate(id)
                + "' is not a paper id (letters, digits, '.', '_' or '-', like P98-1001)");
      String title = TextRepair.squeeze(TextRepair.decodeHtmlEntities(require(f, "title", at)));
      String venue = TextRepair.squeeze(TextRepair.decodeHtmlEntities(f.getOrDefault("venue", "")));
      String yearText = require(f, "year", at);
      int year;
      try {
        year = Integer.parseInt(yearText.strip());
      } catch (NumberFormatException e) {
        throw new RowException(
            Problem.Kind.BAD_NUMBER,
            at.field("year"),
            "'" + abbreviate(yearText) + "' is not a year");
      }
      if (year < 1900 || year > 2100)
        throw new RowException(
            Problem.Kind.BAD_VALUE, at.field("year"), year + " is not a plausible year");
      if (!f.containsKey("author"))
        throw new RowException(
            Problem.Kind.MISSING_VALUE, at.field("author"), "record has no 'author'");
      List<String> authors = new ArrayList<>();
      for (String a : TextRepair.decodeHtmlEntities(f.get("author")).split(";")) {
        String name = TextRepair.squeeze(a);
        if (!name.isEmpty() && !Tokens.normal(name).isEmpty()) authors.add(name);
      }
      return new Paper(id, authors, title, venue.isEmpty() ? null : venue, year, at, raw);
    } catch (RowException e) {
      return new Object[] {e.problem(), raw};
    }
  }

  private static String require(Map<String, String> f, String key, Location at) {
    String v = f.get(key);
    if (v == null || v.isBlank())
      throw new RowException(
          Problem.Kind.MISSING_VALUE, at.field(key), "record has no '" + key + "'");
    return v;
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
