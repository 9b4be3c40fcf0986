package dev.talentgraph.importers.esco;

import dev.talentgraph.importers.ImportContext;
import dev.talentgraph.importers.Importer;
import dev.talentgraph.importers.Location;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;

/**
 * ESCO, the European skills/competences, qualifications and occupations classification: skills with
 * their URI, labels, alternative labels and description; skill groups of the v1.0 pillar and the
 * v1.1 hierarchy (levels 0-3); BROADER edges exactly as the files give them (pillar relations,
 * hierarchy levels, collection memberships); the ICT, language and transversal collections as a
 * property and a source of synonyms; occupations with their synonyms and ISCO groups, linked by
 * BROADER.
 *
 * <p>Input: the ESCO folder ({@code skills_en-us.csv} and the files beside it; {@code hierarchy/}
 * is optional), or {@code skills_en-us.csv} alone. Ids are {@code esco:} + the URI path after
 * {@code http://data.europa.eu/esco/}, e.g. {@code esco:skill/0005c151-...}, {@code
 * esco:isco/C2166}.
 */
public final class EscoImporter implements Importer {
  public static final String SOURCE = "esco";
  static final String URI_BASE = "http://data.europa.eu/esco/";

  static final Statement SKILL =
      Statement.nodes(
          "esco-skill",
          "MERGE (s:" + Labels.SKILL + " {" + Props.ID + ": row.id}) SET s += row.props");
  static final Statement GROUP =
      Statement.nodes(
          "esco-skill-group",
          "MERGE (s:"
              + Labels.SKILL
              + " {"
              + Props.ID
              + ": row.id}) SET s:"
              + Labels.SKILL_GROUP
              + " SET s += row.props");
  static final Statement SKILL_BROADER =
      Statement.relationships(
          "esco-skill-broader",
          "MATCH (a:"
              + Labels.SKILL
              + " {"
              + Props.ID
              + ": row.from}) MATCH (b:"
              + Labels.SKILL
              + " {"
              + Props.ID
              + ": row.to}) MERGE (a)-[:"
              + RelTypes.BROADER
              + "]->(b)");
  static final Statement COLLECTION =
      Statement.relationships(
          "esco-collection",
          "MATCH (s:"
              + Labels.SKILL
              + " {"
              + Props.ID
              + ": row.id}) SET s.escoCollections = row.collections");
  static final Statement OCCUPATION =
      Statement.nodes(
          "esco-occupation",
          "MERGE (o:" + Labels.OCCUPATION + " {" + Props.ID + ": row.id}) SET o += row.props");
  static final Statement OCCUPATION_BROADER =
      Statement.relationships(
          "esco-occupation-broader",
          "MATCH (a:"
              + Labels.OCCUPATION
              + " {"
              + Props.ID
              + ": row.from}) MATCH (b:"
              + Labels.OCCUPATION
              + " {"
              + Props.ID
              + ": row.to}) MERGE (a)-[:"
              + RelTypes.BROADER
              + "]->(b)");

  static final Statement SAME_AS =
      Statement.of(
          "esco-same-as",
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

  private static final String[] COLLECTIONS = {"ict", "language", "transversal"};

  @Override
  public String name() {
    return SOURCE;
  }

  @Override
  public String usage() {
    return "the ESCO folder (skills_en-us.csv, broaderRelationsSkillPillar.csv, skillGroups_en.csv, occupations, "
        + "hierarchy/), or skills_en-us.csv alone";
  }

  /** The graph id of an ESCO URI. */
  public static String id(String uri) {
    return SOURCE + ":" + (uri.startsWith(URI_BASE) ? uri.substring(URI_BASE.length()) : uri);
  }

  private record Collected(Set<String> aliases, Set<String> collections) {}

  @Override
  public void read(Path input, ImportContext ctx, RowSink out) throws IOException {
    Path folder = SourceFiles.folder(input);
    boolean single = Files.isRegularFile(input);
    Path skills = single ? input : SourceFiles.require(folder, "skills_en-us.csv");
    Path groups10 = single ? null : SourceFiles.optional(folder, "skillGroups_en.csv");
    Path groups11 = single ? null : SourceFiles.optional(folder, "hierarchy/skillGroups_en.csv");
    Path hierarchy =
        single ? null : SourceFiles.optional(folder, "hierarchy/skillsHierarchy_en.csv");
    Path pillar = single ? null : SourceFiles.optional(folder, "broaderRelationsSkillPillar.csv");
    Path isco = single ? null : SourceFiles.optional(folder, "ISCOGroups_en.csv");
    Path occupations = single ? null : SourceFiles.optional(folder, "occupations_en-us.csv");
    Path occupations11 =
        single ? null : SourceFiles.optional(folder, "hierarchy/occupations_en.csv");
    Path occPillar = single ? null : SourceFiles.optional(folder, "broaderRelationsOccPillar.csv");
    Map<String, Path> collections = new LinkedHashMap<>();
    for (String c : COLLECTIONS) {
      Path p =
          single
              ? null
              : SourceFiles.optional(folder, "hierarchy/" + c + "SkillsCollection_en.csv");
      if (p != null) collections.put(c, p);
    }

    // Collections first: their synonyms and memberships belong on the skill rows.
    Map<String, Collected> collected = new HashMap<>();
    for (var c : collections.entrySet()) {
      try (DelimitedReader r = Csv.csv(folder, c.getValue(), ctx)) {
        Header h = r.header();
        h.requireAll(List.of("conceptUri", "altLabels"));
        for (Row row = r.next(); row != null; row = r.next()) {
          if (row.problem() != null || row.size() != h.size())
            continue; // reported when the rows are written below
          String uri = row.get(h.require("conceptUri")).strip();
          Collected col =
              collected.computeIfAbsent(
                  uri, k -> new Collected(new LinkedHashSet<>(), new LinkedHashSet<>()));
          col.collections().add(c.getKey());
          col.aliases().addAll(split(row.get(h.require("altLabels")), "|"));
        }
      }
    }

    Set<String> known = new HashSet<>();
    if (groups10 != null) readGroups(folder, groups10, ctx, out, known);
    if (groups11 != null) readGroups(folder, groups11, ctx, out, known);
    if (hierarchy != null) readHierarchy(folder, hierarchy, ctx, out, known);
    List<SameAsLinker.Named> named = new ArrayList<>();
    readSkills(folder, skills, ctx, out, known, collected, named);
    linkOnet(ctx, out, named);

    Set<String> edges = new HashSet<>();
    if (pillar != null)
      readBroader(folder, pillar, ctx, out, known, edges, SKILL_BROADER, Labels.SKILL);
    for (var c : collections.entrySet())
      readCollection(folder, c.getKey(), c.getValue(), ctx, out, known, edges, collected);

    if (isco != null || occupations != null) {
      Map<String, List<String>> synonyms =
          occupations11 == null ? Map.of() : occupationSynonyms(folder, occupations11, ctx);
      Set<String> knownOcc = new HashSet<>();
      if (isco != null) readIsco(folder, isco, ctx, out, knownOcc);
      if (occupations != null) readOccupations(folder, occupations, ctx, out, knownOcc, synonyms);
      if (occPillar != null) {
        readBroader(
            folder,
            occPillar,
            ctx,
            out,
            knownOcc,
            new HashSet<>(),
            OCCUPATION_BROADER,
            Labels.OCCUPATION);
      }
    }
  }

  private static List<String> split(String value, String separator) {
    List<String> out = new ArrayList<>();
    if (value == null) return out;
    String[] parts = "|".equals(separator) ? value.split("\\|") : value.split("\n");
    for (String p : parts) {
      String t = p.strip();
      if (!t.isEmpty()) out.add(t);
    }
    return out;
  }

  private static String uri(Fields f, String column) {
    String uri = f.required(column);
    if (!uri.startsWith(URI_BASE)) {
      throw new RowException(
          Problem.Kind.BAD_VALUE,
          f.at(column),
          "'" + Fields.abbreviate(uri) + "' is not an ESCO URI");
    }
    return uri;
  }

  private static Map<String, Object> props(
      String uri, String name, List<String> aliases, String description) {
    Map<String, Object> p = new HashMap<>();
    p.put(Props.URI, uri);
    p.put(Props.NAME, name);
    p.put(Props.ALIASES, aliases);
    p.put(Props.DESCRIPTION, description);
    p.put(Props.SOURCE, SOURCE);
    return p;
  }

  private void readGroups(Path folder, Path file, ImportContext ctx, RowSink out, Set<String> known)
      throws IOException {
    try (DelimitedReader r = Csv.csv(folder, file, ctx)) {
      Header h = r.header();
      h.requireAll(List.of("conceptUri", "preferredLabel", "altLabels", "description"));
      Set<String> seen = new HashSet<>();
      for (Row row = r.next(); row != null; row = r.next()) {
        try {
          Fields f = new Fields(row, h);
          String uri = uri(f, "conceptUri");
          if (!seen.add(uri))
            throw new RowException(
                Problem.Kind.DUPLICATE_KEY, f.at("conceptUri"), "group " + uri + " appears twice");
          known.add(uri);
          out.accept(
              row.at(),
              new Write(
                  GROUP,
                  Map.of(
                      Props.ID,
                      id(uri),
                      "props",
                      props(
                          uri,
                          f.required("preferredLabel"),
                          split(f.optional("altLabels"), "\n"),
                          f.optional("description")))));
        } catch (RowException e) {
          out.reject(e.problem(), row.raw());
        }
      }
    }
  }

  /**
   * Levels 0-3 of the v1.1 skills pillar: each row names its deepest concept and the path above it.
   */
  private void readHierarchy(
      Path folder, Path file, ImportContext ctx, RowSink out, Set<String> known)
      throws IOException {
    try (DelimitedReader r = Csv.csv(folder, file, ctx)) {
      Header h = r.header();
      List<String> cols = new ArrayList<>();
      for (int l = 0; l < 4; l++) {
        cols.add("Level " + l + " URI");
        cols.add("Level " + l + " preferred term");
      }
      h.requireAll(cols);
      for (Row row = r.next(); row != null; row = r.next()) {
        try {
          Fields f = new Fields(row, h);
          String uri = null;
          String parent = null;
          String label = null;
          for (int l = 0; l < 4; l++) {
            String u = f.optional("Level " + l + " URI");
            if (u == null) break;
            parent = uri;
            uri = u;
            label = f.required("Level " + l + " preferred term");
          }
          if (uri == null)
            throw new RowException(
                Problem.Kind.MISSING_VALUE, f.at("Level 0 URI"), "row names no concept");
          known.add(uri);
          String description = h.has("Description") ? f.optional("Description") : null;
          List<Write> writes = new ArrayList<>();
          Map<String, Object> p = props(uri, label, List.of(), description);
          p.remove(Props.ALIASES); // the skill groups file carries the synonyms
          if (description == null) p.remove(Props.DESCRIPTION);
          writes.add(new Write(GROUP, Map.of(Props.ID, id(uri), "props", p)));
          if (parent != null)
            writes.add(new Write(SKILL_BROADER, Map.of("from", id(uri), "to", id(parent))));
          out.accept(row.at(), writes);
        } catch (RowException e) {
          out.reject(e.problem(), row.raw());
        }
      }
    }
  }

  /**
   * O*NET technologies already in the graph that are these ESCO skills: SAME_AS, as the O*NET
   * import does.
   */
  private static void linkOnet(ImportContext ctx, RowSink out, List<SameAsLinker.Named> esco) {
    List<SameAsLinker.Named> onet = new ArrayList<>();
    for (Record r :
        ctx.query(
            "MATCH (s:"
                + Labels.SKILL
                + " {"
                + Props.SOURCE
                + ": 'onet'}) RETURN s.id AS id, s.name AS name",
            Map.of())) {
      onet.add(new SameAsLinker.Named(r.get("id").asString(), r.get("name").asString(), List.of()));
    }
    if (onet.isEmpty()) return;
    List<SameAsLinker.Link> links = SameAsLinker.match(onet, esco);
    for (SameAsLinker.Link l : links) {
      out.derived(
          new Write(SAME_AS, Map.of("from", l.onetId(), "to", l.escoId(), "rule", l.rule())));
    }
    out.note(
        links.size() + " O*NET technologies already in the graph linked SAME_AS to ESCO skills");
  }

  private void readSkills(
      Path folder,
      Path file,
      ImportContext ctx,
      RowSink out,
      Set<String> known,
      Map<String, Collected> collected,
      List<SameAsLinker.Named> named)
      throws IOException {
    try (DelimitedReader r = Csv.csv(folder, file, ctx)) {
      Header h = r.header();
      h.requireAll(
          List.of(
              "conceptUri",
              "skillType",
              "reuseLevel",
              "preferredLabel",
              "altLabels",
              "description"));
      Set<String> seen = new HashSet<>();
      out.expect(13_500);
      for (Row row = r.next(); row != null; row = r.next()) {
        try {
          Fields f = new Fields(row, h);
          String uri = uri(f, "conceptUri");
          if (!seen.add(uri)) {
            throw new RowException(
                Problem.Kind.DUPLICATE_KEY, f.at("conceptUri"), "skill " + uri + " appears twice");
          }
          String label = f.required("preferredLabel");
          Set<String> aliases = new LinkedHashSet<>(split(f.optional("altLabels"), "\n"));
          Collected c = collected.get(uri);
          if (c != null) aliases.addAll(c.aliases());
          aliases.remove(label);
          Map<String, Object> p =
              props(uri, label, new ArrayList<>(aliases), f.optional("description"));
          p.put("skillType", f.optional("skillType"));
          p.put("reuseLevel", f.optional("reuseLevel"));
          known.add(uri);
          named.add(new SameAsLinker.Named(id(uri), label, new ArrayList<>(aliases)));
          out.accept(row.at(), new Write(SKILL, Map.of(Props.ID, id(uri), "props", p)));
        } catch (RowException e) {
          out.reject(e.problem(), row.raw());
        }
      }
    }
  }

  private void readBroader(
      Path folder,
      Path file,
      ImportContext ctx,
      RowSink out,
      Set<String> known,
      Set<String> edges,
      Statement statement,
      String label)
      throws IOException {
    try (DelimitedReader r = Csv.csv(folder, file, ctx)) {
      Header h = r.header();
      h.requireAll(List.of("conceptUri", "broaderUri"));
      for (Row row = r.next(); row != null; row = r.next()) {
        try {
          Fields f = new Fields(row, h);
          String child = uri(f, "conceptUri");
          String broader = uri(f, "broaderUri");
          requireKnown(ctx, known, child, label, f.at("conceptUri"));
          requireKnown(ctx, known, broader, label, f.at("broaderUri"));
          if (!edges.add(child + " " + broader)) {
            out.skip(row.at(), "relation listed twice");
            continue;
          }
          out.accept(row.at(), new Write(statement, Map.of("from", id(child), "to", id(broader))));
        } catch (RowException e) {
          out.reject(e.problem(), row.raw());
        }
      }
    }
  }

  private void readCollection(
      Path folder,
      String name,
      Path file,
      ImportContext ctx,
      RowSink out,
      Set<String> known,
      Set<String> edges,
      Map<String, Collected> collected)
      throws IOException {
    try (DelimitedReader r = Csv.csv(folder, file, ctx)) {
      Header h = r.header();
      h.requireAll(List.of("conceptUri", "broaderConceptUri"));
      for (Row row = r.next(); row != null; row = r.next()) {
        try {
          Fields f = new Fields(row, h);
          String uri = uri(f, "conceptUri");
          requireKnown(ctx, known, uri, Labels.SKILL, f.at("conceptUri"));
          List<Write> writes = new ArrayList<>();
          writes.add(
              new Write(
                  COLLECTION,
                  Map.of(
                      Props.ID,
                      id(uri),
                      "collections",
                      new ArrayList<>(collected.get(uri).collections()))));
          for (String broader : split(f.optional("broaderConceptUri"), "|")) {
            requireKnown(ctx, known, broader, Labels.SKILL, f.at("broaderConceptUri"));
            if (edges.add(uri + " " + broader))
              writes.add(new Write(SKILL_BROADER, Map.of("from", id(uri), "to", id(broader))));
          }
          out.accept(row.at(), writes);
        } catch (RowException e) {
          out.reject(e.problem(), row.raw());
        }
      }
    }
  }

  /** A URI seen earlier in this import, or already in the graph; otherwise the row is rejected. */
  private static void requireKnown(
      ImportContext ctx, Set<String> known, String uri, String label, Location at) {
    if (known.contains(uri)) return;
    boolean inGraph =
        !ctx.query(
                "MATCH (n:" + label + " {" + Props.ID + ": $id}) RETURN 1 LIMIT 1",
                Map.of("id", id(uri)))
            .isEmpty();
    if (!inGraph) {
      throw new RowException(
          Problem.Kind.UNKNOWN_REFERENCE,
          at,
          "unknown " + label.toLowerCase() + " " + uri + " (not in this import nor in the graph)");
    }
    known.add(uri);
  }

  private Map<String, List<String>> occupationSynonyms(Path folder, Path file, ImportContext ctx)
      throws IOException {
    Map<String, List<String>> out = new HashMap<>();
    try (DelimitedReader r = Csv.csv(folder, file, ctx)) {
      Header h = r.header();
      h.requireAll(List.of("conceptUri", "altLabels"));
      for (Row row = r.next(); row != null; row = r.next()) {
        if (row.problem() != null || row.size() != h.size()) continue;
        out.put(
            row.get(h.require("conceptUri")).strip(), split(row.get(h.require("altLabels")), "\n"));
      }
    }
    return out;
  }

  private void readIsco(Path folder, Path file, ImportContext ctx, RowSink out, Set<String> known)
      throws IOException {
    try (DelimitedReader r = Csv.csv(folder, file, ctx)) {
      Header h = r.header();
      h.requireAll(List.of("conceptUri", "code", "preferredLabel", "description"));
      for (Row row = r.next(); row != null; row = r.next()) {
        try {
          Fields f = new Fields(row, h);
          String uri = uri(f, "conceptUri");
          if (!known.add(uri))
            throw new RowException(
                Problem.Kind.DUPLICATE_KEY,
                f.at("conceptUri"),
                "ISCO group " + uri + " appears twice");
          Map<String, Object> p =
              props(uri, f.required("preferredLabel"), List.of(), f.optional("description"));
          p.put("iscoCode", f.required("code"));
          p.put("kind", "isco-group");
          out.accept(row.at(), new Write(OCCUPATION, Map.of(Props.ID, id(uri), "props", p)));
        } catch (RowException e) {
          out.reject(e.problem(), row.raw());
        }
      }
    }
  }

  private void readOccupations(
      Path folder,
      Path file,
      ImportContext ctx,
      RowSink out,
      Set<String> known,
      Map<String, List<String>> synonyms)
      throws IOException {
    try (DelimitedReader r = Csv.csv(folder, file, ctx)) {
      Header h = r.header();
      h.requireAll(
          List.of("conceptUri", "iscoGroup", "preferredLabel", "altLabels", "description"));
      for (Row row = r.next(); row != null; row = r.next()) {
        try {
          Fields f = new Fields(row, h);
          String uri = uri(f, "conceptUri");
          if (!known.add(uri))
            throw new RowException(
                Problem.Kind.DUPLICATE_KEY,
                f.at("conceptUri"),
                "occupation " + uri + " appears twice");
          String label = f.required("preferredLabel");
          Set<String> aliases = new LinkedHashSet<>(split(f.optional("altLabels"), "\n"));
          aliases.addAll(synonyms.getOrDefault(uri, List.of()));
          aliases.remove(label);
          Map<String, Object> p =
              props(uri, label, new ArrayList<>(aliases), f.optional("description"));
          p.put("iscoCode", f.optional("iscoGroup"));
          p.put("kind", "occupation");
          out.accept(row.at(), new Write(OCCUPATION, Map.of(Props.ID, id(uri), "props", p)));
        } catch (RowException e) {
          out.reject(e.problem(), row.raw());
        }
      }
    }
  }
}
