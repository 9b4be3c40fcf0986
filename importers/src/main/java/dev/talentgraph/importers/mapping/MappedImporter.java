package dev.talentgraph.importers.mapping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.talentgraph.importers.io.Fields;
import dev.talentgraph.importers.io.Header;
import dev.talentgraph.importers.io.Row;
import dev.talentgraph.importers.io.SourceFiles;
import dev.talentgraph.importers.io.TextLines;
import dev.talentgraph.importers.skills.Tokens;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The generic HR import: a CSV or JSON export turned into nodes and relationships by a {@link
 * Mapping} file, the way graph import tools let users name columns, types, keys and relationships.
 * Personal properties are sealed with the {@link FieldCipher} and written to {@code
 * (:Expert)-[:HAS_PERSONAL_DATA]->(:PersonalData)}, never onto the Expert itself.
 *
 * <p>Checks, each reported with file, line and column: field count against the header, numbers,
 * booleans and dates, required values, keys seen twice (for unique node mappings), references to
 * nodes that are neither in the file nor in the graph, oversized fields, and strings that a
 * spreadsheet would run as a formula ({@code =HYPERLINK(...)}, {@code @SUM(...)}) unless the
 * mapping allows them. Labels, types and property names come from the validated mapping; values
 * only ever travel as parameters.
 */
public final class MappedImporter implements Importer {
  private final String format;

  private MappedImporter(String format) {
    this.format = format;
  }

  public static MappedImporter csv() {
    return new MappedImporter("csv");
  }

  public static MappedImporter json() {
    return new MappedImporter("json");
  }

  @Override
  public String name() {
    return format;
  }

  @Override
  public String usage() {
    return "a "
        + format.toUpperCase(Locale.ROOT)
        + " export, with --mapping FILE (YAML or JSON) naming columns, types, keys and relationships";
  }

  /** A record of the input: values by column or dotted JSON path. */
  record Rec(Location at, Map<String, Object> values, Problem problem, String raw) {}

  interface Source extends Closeable {
    Rec next() throws IOException;
  }

  @Override
  public void read(Path input, ImportContext ctx, RowSink out) throws IOException {
    if (ctx.options().mapping() == null) {
      throw new ImportFailedException(
          Problem.of(
              Problem.Kind.BAD_MAPPING,
              Location.file(input.toString()),
              "the " + format + " import needs a mapping file (--mapping FILE)"));
    }
    Mapping mapping = Mapping.load(ctx.options().mapping());
    if (!mapping.format().equals(format)) {
      throw new ImportFailedException(
          Problem.of(
              Problem.Kind.BAD_MAPPING,
              new Location(mapping.file().toString(), 0, "format"),
              "mapping is for " + mapping.format() + " but this is the " + format + " import"));
    }
    Path folder = SourceFiles.folder(input);
    if (Files.isDirectory(input)) {
      throw new ImportFailedException(
          Problem.of(
              Problem.Kind.MISSING_FILE,
              Location.file(input.toString()),
              "is a folder, expected a " + format + " file"));
    }
    String display = SourceFiles.display(folder, input);
    DelimitedReader.requireNonEmptyFile(input, display);
    Plan plan = new Plan(mapping, ctx);
    if (mapping.nodes().stream().anyMatch(Mapping.NodeMapping::hasPersonal))
      ctx.cipher(new Location(mapping.file().toString(), 0, "personal"));

    // Pass 1: keys in the file, and references to check against the graph.
    Map<String, Set<String>> fileKeys = new HashMap<>();
    Map<String, Set<String>> references = new HashMap<>();
    long records = 0;
    try (Source src = open(input, display, mapping, ctx)) {
      for (Rec r = src.next(); r != null; r = src.next()) {
        records++;
        if (r.problem() != null) continue;
        for (Mapping.NodeMapping n : mapping.nodes()) {
          String id = keyOrNull(n.key(), r);
          if (id != null) fileKeys.computeIfAbsent(n.label(), k -> new HashSet<>()).add(id);
        }
        for (Mapping.RelMapping rel : mapping.relationships()) {
          for (Mapping.Endpoint e : List.of(rel.from(), rel.to())) {
            if (e.inRow()) continue;
            String id = keyOrNull(e.key(), r);
            if (id != null) references.computeIfAbsent(e.label(), k -> new HashSet<>()).add(id);
          }
        }
      }
    }
    if (records == 0)
      throw new ImportFailedException(
          Problem.of(Problem.Kind.EMPTY_FILE, Location.file(display), "no records"));
    Map<String, Set<String>> inGraph = new HashMap<>();
    for (var e : references.entrySet()) {
      List<String> missing = new ArrayList<>();
      for (String id : e.getValue())
        if (!fileKeys.getOrDefault(e.getKey(), Set.of()).contains(id)) missing.add(id);
      Set<String> found = new HashSet<>();
      for (int i = 0; i < missing.size(); i += 10_000) {
        List<String> chunk = missing.subList(i, Math.min(missing.size(), i + 10_000));
        ctx.query(
                "UNWIND $ids AS id MATCH (n:`" + e.getKey() + "` {" + Props.ID + ": id}) RETURN id",
                Map.of("ids", chunk))
            .forEach(rec -> found.add(rec.get("id").asString()));
      }
      inGraph.put(e.getKey(), found);
    }

    // Pass 2: validate and map every record.
    out.expect(records);
    Map<String, Long> seen = new HashMap<>();
    try (Source src = open(input, display, mapping, ctx)) {
      for (Rec r = src.next(); r != null; r = src.next()) {
        try {
          if (r.problem() != null) throw new RowException(r.problem());
          out.accept(r.at(), plan.writes(r, seen, fileKeys, inGraph));
        } catch (RowException e) {
          out.reject(e.problem(), r.raw());
        }
      }
    }
  }

  private static String keyOrNull(Mapping.Key key, Rec r) {
    Object v = r.values().get(key.column());
    if (v == null) return null;
    String s = String.valueOf(v).strip();
    if (s.isEmpty()) return null;
    return key.prefix() + (key.slug() ? Tokens.normal(s).replace(' ', '-') : s);
  }

  /** The statements of a mapping and the conversion of one record into writes. */
  private static final class Plan {
    private final Mapping mapping;
    private final ImportContext ctx;
    private final Map<String, Statement> nodeStatements = new LinkedHashMap<>();
    private final Map<String, Statement> personalStatements = new LinkedHashMap<>();
    private final List<Statement> relStatements = new ArrayList<>();

    Plan(Mapping mapping, ImportContext ctx) {
      this.mapping = mapping;
      this.ctx = ctx;
      for (Mapping.NodeMapping n : mapping.nodes()) {
        nodeStatements.put(
            n.alias(),
            Statement.nodes(
                mapping.source() + "-" + n.alias(),
                "MERGE (n:`" + n.label() + "` {" + Props.ID + ": row.id}) SET n += row.props"));
        if (n.hasPersonal()) {
          personalStatements.put(
              n.alias(),
              Statement.relationships(
                  mapping.source() + "-" + n.alias() + "-personal",
                  "MATCH (n:`"
                      + n.label()
                      + "` {"
                      + Props.ID
                      + ": row.id}) MERGE (n)-[:"
                      + RelTypes.HAS_PERSONAL_DATA
                      + "]->(p:"
                      + Labels.PERSONAL_DATA
                      + ") SET p += row.sealed"));
        }
      }
      for (Mapping.RelMapping r : mapping.relationships()) {
        relStatements.add(
            Statement.relationships(
                mapping.source() + "-" + r.type().toLowerCase(Locale.ROOT),
                "MATCH (a:`"
                    + r.from().label()
                    + "` {"
                    + Props.ID
                    + ": row.from}) MATCH (b:`"
                    + r.to().label()
                    + "` {"
                    + Props.ID
                    + ": row.to}) MERGE (a)-[r:`"
                    + r.type()
                    + "`]->(b) SET r += row.props"));
      }
    }

    List<Write> writes(
        Rec r,
        Map<String, Long> seen,
        Map<String, Set<String>> fileKeys,
        Map<String, Set<String>> inGraph) {
      List<Write> writes = new ArrayList<>();
      Map<String, String> ids = new HashMap<>();
      for (Mapping.NodeMapping n : mapping.nodes()) {
        String id = keyOrNull(n.key(), r);
        if (id == null)
          throw new RowException(
              Problem.Kind.MISSING_VALUE,
              r.at().field(n.key().column()),
              "key '" + n.key().column() + "' is empty");
        if (n.unique()) {
          Long first = seen.putIfAbsent(n.label() + "\u0000" + id, r.at().line());
          if (first != null) {
            throw new RowException(
                Problem.Kind.DUPLICATE_KEY,
                r.at().field(n.key().column()),
                n.label() + " key '" + id + "' already appeared on line " + first);
          }
        }
        ids.put(n.alias(), id);
        Map<String, Object> props = new HashMap<>();
        Map<String, Object> sealed = new HashMap<>();
        for (Mapping.Property p : n.properties()) {
          Object v = convert(p, r);
          if (v == null) continue;
          if (p.personal()) {
            FieldCipher cipher = ctx.cipher(r.at().field(p.column()));
            sealed.put(
                p.property(), cipher.encrypt(String.valueOf(v), FieldCipher.aad(id, p.property())));
          } else {
            props.put(p.property(), v);
          }
        }
        props.put(Props.SOURCE, mapping.source());
        writes.add(new Write(nodeStatements.get(n.alias()), Map.of(Props.ID, id, "props", props)));
        if (!sealed.isEmpty())
          writes.add(
              new Write(personalStatements.get(n.alias()), Map.of(Props.ID, id, "sealed", sealed)));
      }
      for (int i = 0; i < mapping.relationships().size(); i++) {
        Mapping.RelMapping rel = mapping.relationships().get(i);
        String from = endpoint(rel.from(), r, ids, fileKeys, inGraph);
        String to = endpoint(rel.to(), r, ids, fileKeys, inGraph);
        if (from == null || to == null) continue; // optional reference left empty
        Map<String, Object> props = new HashMap<>();
        for (Mapping.Property p : rel.properties()) {
          Object v = convert(p, r);
          if (v != null) props.put(p.property(), v);
        }
        props.put(Props.SOURCE, mapping.source());
        writes.add(new Write(relStatements.get(i), Map.of("from", from, "to", to, "props", props)));
      }
      return writes;
    }

    private String endpoint(
        Mapping.Endpoint e,
        Rec r,
        Map<String, String> ids,
        Map<String, Set<String>> fileKeys,
        Map<String, Set<String>> inGraph) {
      if (e.inRow()) return ids.get(e.alias());
      String id = keyOrNull(e.key(), r);
      if (id == null) return null;
      if (!fileKeys.getOrDefault(e.label(), Set.of()).contains(id)
          && !inGraph.getOrDefault(e.label(), Set.of()).contains(id)) {
        throw new RowException(
            Problem.Kind.UNKNOWN_REFERENCE,
            r.at().field(e.key().column()),
            "unknown " + e.label() + " '" + id + "': not in this file nor in the graph");
      }
      return id;
    }

    private Object convert(Mapping.Property p, Rec r) {
      Location at = r.at().field(p.column());
      Object raw = r.values().get(p.column());
      if (raw instanceof List<?> list && p.type().equals("list"))
        return list.stream().map(String::valueOf).toList();
      String s = raw == null ? null : String.valueOf(raw).strip();
      if (s == null || s.isEmpty()) {
        if (p.required())
          throw new RowException(Problem.Kind.MISSING_VALUE, at, "'" + p.column() + "' is empty");
        return null;
      }
      if (s.length() > ctx.options().maxFieldChars()) {
        throw new RowException(
            Problem.Kind.FIELD_TOO_LARGE,
            at,
            "field is larger than " + ctx.options().maxFieldChars() + " characters");
      }
      switch (p.type()) {
        case "int", "long" -> {
          return Fields.parseLong(s, at);
        }
        case "float", "double" -> {
          return Fields.parseDouble(s, at);
        }
        case "boolean" -> {
          String l = s.toLowerCase(Locale.ROOT);
          if (p.trueValues().contains(l)) return true;
          if (p.falseValues().contains(l)) return false;
          throw new RowException(
              Problem.Kind.BAD_VALUE,
              at,
              "'"
                  + Fields.abbreviate(s)
                  + "' is not one of "
                  + p.trueValues()
                  + " / "
                  + p.falseValues());
        }
        case "date" -> {
          try {
            return p.format() == null
                ? LocalDate.parse(s)
                : LocalDate.parse(s, DateTimeFormatter.ofPattern(p.format(), Locale.ROOT));
          } catch (DateTimeParseException e) {
            throw new RowException(
                Problem.Kind.BAD_DATE,
                at,
                "'"
                    + Fields.abbreviate(s)
                    + "' is not a date"
                    + (p.format() == null ? " (yyyy-MM-dd)" : " (" + p.format() + ")"));
          }
        }
        case "datetime" -> {
          try {
            if (p.format() != null)
              return LocalDateTime.parse(s, DateTimeFormatter.ofPattern(p.format(), Locale.ROOT));
            return s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")
                ? OffsetDateTime.parse(s)
                : LocalDateTime.parse(s);
          } catch (DateTimeParseException e) {
            throw new RowException(
                Problem.Kind.BAD_DATE,
                at,
                "'" + Fields.abbreviate(s) + "' is not a date-time (ISO 8601)");
          }
        }
        case "list" -> {
          List<String> out = new ArrayList<>();
          for (String part : s.split(java.util.regex.Pattern.quote(p.separator()))) {
            String t = part.strip();
            if (!t.isEmpty()) out.add(checkFormula(t, at));
          }
          return out;
        }
        default -> {
          return checkFormula(s, at);
        }
      }
    }

    private String checkFormula(String s, Location at) {
      if (mapping.allowFormulas() || s.isEmpty()) return s;
      char c = s.charAt(0);
      if ((c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
          && !s.matches("[+-][0-9 ().,/%-]*[0-9][0-9 ().,/%-]*")) {
        throw new RowException(
            Problem.Kind.SPREADSHEET_FORMULA,
            at,
            "'"
                + Fields.abbreviate(s)
                + "' starts with '"
                + (c == '\t' ? "\\t" : c == '\r' ? "\\r" : String.valueOf(c))
                + "' and would run as a spreadsheet formula when exported; fix the value or set allowFormulas: true in the mapping");
      }
      return s;
    }
  }

  private static Source open(Path file, String display, Mapping mapping, ImportContext ctx)
      throws IOException {
    if (mapping.format().equals("csv")) {
      DelimitedReader r =
          DelimitedReader.open(
              file,
              display,
              mapping.delimiter(),
              true,
              TextLines.Decoding.STRICT_UTF8,
              ctx.options().maxFieldChars());
      Header h;
      try {
        h = r.header();
        h.requireAll(new ArrayList<>(mapping.columns()));
      } catch (RuntimeException e) {
        r.close();
        throw e;
      }
      return new Source() {
        @Override
        public Rec next() throws IOException {
          Row row = r.next();
          if (row == null) return null;
          Problem p = row.problem();
          if (p == null && row.size() != h.size()) {
            p =
                Problem.of(
                    Problem.Kind.COLUMN_COUNT,
                    row.at(),
                    "expected " + h.size() + " fields as in the header, found " + row.size());
          }
          Map<String, Object> values = new HashMap<>();
          if (p == null)
            for (int i = 0; i < h.size(); i++) values.put(h.names().get(i), row.get(i));
          if (p != null
              && p.kind() == Problem.Kind.FIELD_TOO_LARGE
              && p.at().field() != null
              && p.at().field().startsWith("column ")) {
            int col = Integer.parseInt(p.at().field().substring(7)) - 1;
            if (col < h.size()) p = Problem.of(p.kind(), row.at(h.names().get(col)), p.message());
          }
          return new Rec(row.at(), values, p, row.raw());
        }

        @Override
        public void close() throws IOException {
          r.close();
        }
      };
    }
    return json(file, display, ctx);
  }

  /**
   * A JSON array of objects, or one object per line (JSON Lines); nested objects flatten to dotted
   * paths.
   */
  private static Source json(Path file, String display, ImportContext ctx) throws IOException {
    ObjectMapper om = new ObjectMapper();
    JsonParser p = new JsonFactory(om).createParser(Files.newBufferedReader(file));
    JsonToken first;
    try {
      first = p.nextToken();
    } catch (JsonParseException e) {
      p.close();
      throw new ImportFailedException(
          Problem.of(
              Problem.Kind.BAD_SYNTAX,
              Location.line(display, e.getLocation() == null ? 0 : e.getLocation().getLineNr()),
              "not JSON: " + e.getOriginalMessage()));
    }
    if (first == null) {
      p.close();
      throw new ImportFailedException(
          Problem.of(Problem.Kind.EMPTY_FILE, Location.file(display), "file has no JSON"));
    }
    boolean array = first == JsonToken.START_ARRAY;
    return new Source() {
      boolean started = !array;
      boolean done;

      @Override
      public Rec next() throws IOException {
        if (done) return null;
        try {
          JsonToken t = started ? p.nextToken() : p.currentToken();
          if (array && !started) {
            started = true;
            t = p.nextToken();
          }
          if (t == null || array && t == JsonToken.END_ARRAY) {
            done = true;
            return null;
          }
          long line = p.currentLocation().getLineNr();
          Location at = Location.line(display, line);
          JsonNode node = om.readTree(p);
          if (!node.isObject()) {
            return new Rec(
                at,
                Map.of(),
                Problem.of(
                    Problem.Kind.BAD_SYNTAX, at, "expected an object, found " + node.getNodeType()),
                node.toString());
          }
          Map<String, Object> values = new LinkedHashMap<>();
          flatten("", node, values);
          String raw = node.toString();
          return new Rec(at, values, null, raw.length() > 10_000 ? raw.substring(0, 10_000) : raw);
        } catch (JsonParseException e) {
          done = true;
          long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
          Location at = Location.line(display, line);
          return new Rec(
              at,
              Map.of(),
              Problem.of(
                  Problem.Kind.BAD_SYNTAX,
                  at,
                  "broken JSON: "
                      + e.getOriginalMessage()
                      + " (records after this point are not read)"),
              "");
        }
      }

      @Override
      public void close() throws IOException {
        p.close();
      }
    };
  }

  private static void flatten(String prefix, JsonNode n, Map<String, Object> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      var e = it.next();
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject()) {
        flatten(key, v, out);
      } else if (v.isArray()) {
        List<Object> list = new ArrayList<>();
        v.forEach(x -> list.add(x.isValueNode() ? x.asText() : x.toString()));
        out.put(key, list);
      } else if (!v.isNull()) {
        out.put(key, v.asText());
      }
    }
  }
}
