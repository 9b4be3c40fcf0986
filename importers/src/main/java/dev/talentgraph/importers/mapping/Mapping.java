package dev.talentgraph.importers.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.talentgraph.importers.ImportFailedException;
import dev.talentgraph.importers.Location;
import dev.talentgraph.importers.Problem;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.PersonalFields;
import dev.talentgraph.schema.Props;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The mapping file of the generic {@code csv}/{@code json} import: which columns (or JSON fields)
 * become which nodes, keys, typed properties and relationships. YAML or JSON, checked completely
 * before any row is read; every mistake names the mapping file and the entry.
 *
 * <pre>
 * source: ibm                      # namespace: ids become "ibm:..." unless a key gives its own prefix
 * format: csv                      # csv (default) or json (an array of objects, or one object per line)
 * delimiter: ","
 * nodes:
 *   - as: expert                   # name for relationships (default: the label in lower case)
 *     label: Expert
 *     key: {column: EmployeeNumber, prefix: "ibm:employee/"}
 *     unique: true                 # a key seen twice in the file is a DUPLICATE_KEY (default: first node only)
 *     properties:
 *       - {column: JobLevel, property: jobLevel, type: int, required: true}
 *       - {column: Attrition, property: attrition, type: boolean, "true": ["Yes"], "false": ["No"]}
 *       - {column: HireDate, property: hiredOn, type: date, format: "dd/MM/yyyy"}
 *       - {column: Gender, property: gender, personal: true}    # sealed on (:Expert)-[:HAS_PERSONAL_DATA]->(:PersonalData)
 * relationships:
 *   - {type: MEMBER_OF, from: expert, to: team}
 *   - type: MENTORS                # an endpoint that is not in the row: it must exist in the file or the graph
 *     from: expert
 *     to: {label: Expert, column: MentorId, prefix: "ibm:employee/"}
 *     properties: [{column: Since, property: since, type: date}]
 * </pre>
 */
public final class Mapping {
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  private static final Set<String> TYPES =
      Set.of("string", "int", "long", "float", "double", "boolean", "date", "datetime", "list");

  /** How one column becomes one property. */
  public record Property(
      String column,
      String property,
      String type,
      boolean required,
      boolean personal,
      String format,
      List<String> trueValues,
      List<String> falseValues,
      String separator) {}

  /** A node key: the column holding it and the prefix that namespaces it. */
  public record Key(String column, String prefix, boolean slug) {}

  /** One node made from each row. */
  public record NodeMapping(
      String alias, String label, Key key, boolean unique, List<Property> properties) {
    public boolean hasPersonal() {
      return properties.stream().anyMatch(Property::personal);
    }
  }

  /** An endpoint: a node of the row (alias) or an existing node named by a column. */
  public record Endpoint(String alias, String label, Key key) {
    public boolean inRow() {
      return alias != null;
    }
  }

  public record RelMapping(String type, Endpoint from, Endpoint to, List<Property> properties) {}

  private final Path file;
  private final String source;
  private final String format;
  private final char delimiter;
  private final boolean allowFormulas;
  private final List<NodeMapping> nodes;
  private final List<RelMapping> relationships;

  private Mapping(
      Path file,
      String source,
      String format,
      char delimiter,
      boolean allowFormulas,
      List<NodeMapping> nodes,
      List<RelMapping> relationships) {
    this.file = file;
    this.source = source;
    this.format = format;
    this.delimiter = delimiter;
    this.allowFormulas = allowFormulas;
    this.nodes = nodes;
    this.relationships = relationships;
  }

  public Path file() {
    return file;
  }

  public String source() {
    return source;
  }

  public String format() {
    return format;
  }

  public char delimiter() {
    return delimiter;
  }

  public boolean allowFormulas() {
    return allowFormulas;
  }

  public List<NodeMapping> nodes() {
    return nodes;
  }

  public List<RelMapping> relationships() {
    return relationships;
  }

  /** Every column the mapping reads. */
  public Set<String> columns() {
    Set<String> out = new java.util.LinkedHashSet<>();
    for (NodeMapping n : nodes) {
      out.add(n.key().column());
      n.properties().forEach(p -> out.add(p.column()));
    }
    for (RelMapping r : relationships) {
      if (!r.from().inRow()) out.add(r.from().key().column());
      if (!r.to().inRow()) out.add(r.to().key().column());
      r.properties().forEach(p -> out.add(p.column()));
    }
    return out;
  }

  /**
   * Prefix of the mappings that ship with the project: {@code builtin:ibm-attrition}, {@code
   * builtin:job-change}.
   */
  public static final String BUILTIN = "builtin:";

  /** Loads a mapping file, or a shipped one named {@code builtin:<name>}. */
  public static Mapping load(Path file) {
    String name = file.toString();
    JsonNode root;
    try {
      String lower = name.toLowerCase(Locale.ROOT);
      ObjectMapper om =
          lower.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
      if (name.startsWith(BUILTIN)) {
        String res =
            "/dev/talentgraph/importers/mappings/" + name.substring(BUILTIN.length()) + ".yaml";
        try (var in = Mapping.class.getResourceAsStream(res)) {
          if (in == null)
            throw bad(
                name,
                "mapping",
                "no shipped mapping called '" + name.substring(BUILTIN.length()) + "'");
          root = om.readTree(in);
        }
      } else {
        if (!Files.isRegularFile(file)) throw bad(name, "mapping", "mapping file not found");
        root = om.readTree(file.toFile());
      }
    } catch (IOException e) {
      throw bad(name, "mapping", "cannot be parsed: " + e.getMessage().split("\n")[0]);
    }
    if (root == null || !root.isObject())
      throw bad(name, "mapping", "must be a map with 'nodes' (and optionally 'relationships')");
    knownKeys(
        name,
        "mapping",
        root,
        Set.of(
            "source",
            "format",
            "delimiter",
            "nodes",
            "relationships",
            "allowFormulas",
            "description"));
    String source = text(name, "source", root, "source", true);
    if (!source.matches("[a-z0-9][a-z0-9_-]{0,31}"))
      throw bad(name, "source", "'" + source + "' must be lower-case letters, digits, - or _");
    String format = root.has("format") ? text(name, "format", root, "format", true) : "csv";
    if (!format.equals("csv") && !format.equals("json"))
      throw bad(name, "format", "must be csv or json, was '" + format + "'");
    String delim = root.has("delimiter") ? root.get("delimiter").asText() : ",";
    if (delim.equals("\\t") || delim.equals("tab")) delim = "\t";
    if (delim.length() != 1)
      throw bad(name, "delimiter", "must be one character, was '" + delim + "'");
    boolean allowFormulas = root.path("allowFormulas").asBoolean(false);

    JsonNode ns = root.get("nodes");
    if (ns == null || !ns.isArray() || ns.isEmpty())
      throw bad(name, "nodes", "at least one node mapping is needed");
    List<NodeMapping> nodes = new ArrayList<>();
    Map<String, NodeMapping> byAlias = new LinkedHashMap<>();
    for (int i = 0; i < ns.size(); i++) {
      String at = "nodes[" + i + "]";
      JsonNode n = ns.get(i);
      knownKeys(name, at, n, Set.of("as", "label", "key", "unique", "properties"));
      String label = ident(name, at + ".label", text(name, at + ".label", n, "label", true));
      String alias =
          n.has("as")
              ? ident(name, at + ".as", n.get("as").asText())
              : label.toLowerCase(Locale.ROOT);
      Key key = key(name, at + ".key", n.get("key"), source);
      List<Property> props = properties(name, at, n.get("properties"));
      for (Property p : props) {
        if (p.property().equals(Props.ID))
          throw bad(name, at, "property 'id' is the key; map it with 'key'");
        if (PersonalFields.ALL.contains(p.property()) && !p.personal()) {
          throw bad(
              name,
              at + "." + p.property(),
              "'"
                  + p.property()
                  + "' is personal data: mark it 'personal: true' so it is"
                  + " sealed on the PersonalData node, never stored in clear");
        }
        if (p.personal() && !label.equals(Labels.EXPERT) && !label.equals(Labels.CANDIDATE)) {
          throw bad(
              name,
              at + "." + p.property(),
              "personal fields can only belong to an Expert or Candidate");
        }
      }
      boolean unique = n.has("unique") ? n.get("unique").asBoolean() : i == 0;
      NodeMapping nm = new NodeMapping(alias, label, key, unique, props);
      if (byAlias.put(alias, nm) != null)
        throw bad(name, at + ".as", "two node mappings are called '" + alias + "'");
      nodes.add(nm);
    }
    List<RelMapping> rels = new ArrayList<>();
    JsonNode rs = root.get("relationships");
    if (rs != null) {
      if (!rs.isArray()) throw bad(name, "relationships", "must be a list");
      for (int i = 0; i < rs.size(); i++) {
        String at = "relationships[" + i + "]";
        JsonNode r = rs.get(i);
        knownKeys(name, at, r, Set.of("type", "from", "to", "properties"));
        String type = ident(name, at + ".type", text(name, at + ".type", r, "type", true));
        if (!type.equals(type.toUpperCase(Locale.ROOT)))
          throw bad(name, at + ".type", "relationship types are UPPER_CASE: '" + type + "'");
        Endpoint from = endpoint(name, at + ".from", r.get("from"), byAlias, source);
        Endpoint to = endpoint(name, at + ".to", r.get("to"), byAlias, source);
        rels.add(new RelMapping(type, from, to, properties(name, at, r.get("properties"))));
      }
    }
    return new Mapping(
        file,
        source,
        format,
        delim.charAt(0),
        allowFormulas,
        List.copyOf(nodes),
        List.copyOf(rels));
  }

  private static Endpoint endpoint(
      String file, String at, JsonNode n, Map<String, NodeMapping> byAlias, String source) {
    if (n == null) throw bad(file, at, "missing");
    if (n.isTextual()) {
      NodeMapping nm = byAlias.get(n.asText());
      if (nm == null)
        throw bad(
            file,
            at,
            "no node mapping is called '" + n.asText() + "' (known: " + byAlias.keySet() + ")");
      return new Endpoint(nm.alias(), nm.label(), nm.key());
    }
    knownKeys(file, at, n, Set.of("label", "column", "prefix", "slug"));
    String label = ident(file, at + ".label", text(file, at + ".label", n, "label", true));
    return new Endpoint(null, label, key(file, at, n, source));
  }

  private static Key key(String file, String at, JsonNode n, String source) {
    if (n == null) throw bad(file, at, "missing: which column holds the id?");
    if (n.isTextual()) return new Key(n.asText(), source + ":", false);
    String column = text(file, at + ".column", n, "column", true);
    String prefix = n.has("prefix") ? n.get("prefix").asText() : source + ":";
    if (!prefix.startsWith(source + ":")) {
      throw bad(
          file,
          at + ".prefix",
          "'"
              + prefix
              + "' must start with the source namespace '"
              + source
              + ":' so sources never collide");
    }
    return new Key(column, prefix, n.path("slug").asBoolean(false));
  }

  private static List<Property> properties(String file, String at, JsonNode ps) {
    List<Property> out = new ArrayList<>();
    if (ps == null) return out;
    if (!ps.isArray()) throw bad(file, at + ".properties", "must be a list");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ps.size(); i++) {
      String pat = at + ".properties[" + i + "]";
      JsonNode p = ps.get(i);
      knownKeys(
          file,
          pat,
          p,
          Set.of(
              "column",
              "property",
              "type",
              "required",
              "personal",
              "format",
              "true",
              "false",
              "separator"));
      String column = text(file, pat + ".column", p, "column", true);
      String property = p.has("property") ? p.get("property").asText() : column;
      ident(file, pat + ".property", property);
      if (!names.add(property))
        throw bad(file, pat + ".property", "'" + property + "' is mapped twice");
      String type = p.has("type") ? p.get("type").asText() : "string";
      if (!TYPES.contains(type))
        throw bad(file, pat + ".type", "unknown type '" + type + "' (one of " + TYPES + ")");
      String format = p.has("format") ? p.get("format").asText() : null;
      if (format != null) {
        try {
          DateTimeFormatter.ofPattern(format);
        } catch (IllegalArgumentException e) {
          throw bad(
              file, pat + ".format", "'" + format + "' is not a date pattern: " + e.getMessage());
        }
      }
      out.add(
          new Property(
              column,
              property,
              type,
              p.path("required").asBoolean(false),
              p.path("personal").asBoolean(false),
              format,
              strings(p.get("true"), List.of("true", "yes", "y", "1")),
              strings(p.get("false"), List.of("false", "no", "n", "0")),
              p.has("separator") ? p.get("separator").asText() : ";"));
    }
    return out;
  }

  private static List<String> strings(JsonNode n, List<String> dflt) {
    if (n == null) return dflt;
    List<String> out = new ArrayList<>();
    if (n.isArray()) n.forEach(x -> out.add(x.asText().toLowerCase(Locale.ROOT)));
    else out.add(n.asText().toLowerCase(Locale.ROOT));
    return out;
  }

  private static void knownKeys(String file, String at, JsonNode n, Set<String> allowed) {
    if (!n.isObject()) throw bad(file, at, "must be a map");
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k))
        throw bad(file, at + "." + k, "unknown setting '" + k + "' (allowed: " + allowed + ")");
    }
  }

  private static String text(String file, String at, JsonNode n, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      if (required) throw bad(file, at, "missing");
      return null;
    }
    return v.asText();
  }

  private static String ident(String file, String at, String s) {
    if (s == null || !IDENT.matcher(s).matches()) {
      throw bad(
          file,
          at,
          "'" + s + "' is not a valid name (letters, digits and _, starting with a letter)");
    }
    return s;
  }

  private static ImportFailedException bad(String file, String at, String message) {
    return new ImportFailedException(
        Problem.of(Problem.Kind.BAD_MAPPING, new Location(file, 0, at), message));
  }
}
