package dev.talentgraph.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Point;

/**
 * The logical backup of the graph (ADR 0018): every node (labels, properties) and relationship
 * (type, ends, properties) but the migration records, streamed in one read transaction to gzipped
 * JSON lines beside a manifest (counts, the graph's fingerprint, the schema version and the name of
 * the field key set the personal data needs: the key set itself is never written). A restore writes
 * the same graph into an empty store and checks the fingerprint.
 *
 * <p>The fingerprint: the SHA-256 of each node's labels and properties (sorted, with typed values),
 * of each relationship's type, its ends' hashes and its properties; then of the sorted node hashes
 * and the sorted relationship hashes. It does not depend on element ids or on order, so a restored
 * graph has the fingerprint of its source.
 */
public final class GraphBackup {
  public static final String MANIFEST = "manifest.json";
  static final String NODES = "nodes.jsonl.gz";
  static final String RELATIONSHIPS = "relationships.jsonl.gz";
  static final int FORMAT = 1;

  /** A temporary label and property that tie restored nodes to their backup ids. */
  static final String RESTORING = "__Restoring";

  static final String RESTORE_ID = "__restoreId";
  private static final int BATCH = 2_000;
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  static final String READ_NODES =
      "MATCH (n) WHERE NOT n:"
          + Labels.MIGRATION
          + " RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props";
  static final String READ_RELATIONSHIPS =
      "MATCH (a)-[r]->(b) WHERE NOT a:"
          + Labels.MIGRATION
          + " AND NOT b:"
          + Labels.MIGRATION
          + " RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type, properties(r) AS props";
  static final String SCHEMA_VERSION =
      "MATCH (m:" + Labels.MIGRATION + ") RETURN max(m.version) AS v";
  static final String DATA_NODES =
      "MATCH (n) WHERE NOT n:" + Labels.MIGRATION + " RETURN count(n) AS n";

  private GraphBackup() {}

  /** What a backup holds, as in its manifest. */
  public record Manifest(
      int format,
      String created,
      long nodes,
      long relationships,
      String fingerprint,
      long schemaVersion,
      String keySet,
      Map<String, Long> labels,
      Map<String, Long> types) {}

  /** The graph's fingerprint and counts, computed live. */
  public record Fingerprint(String value, long nodes, long relationships) {}

  /**
   * Writes the backup of {@code database} into {@code out} (absent or empty), naming {@code keySet}
   * (see {@link #keySetName}) in the manifest.
   */
  public static Manifest backup(Driver driver, String database, Path out, String keySet)
      throws IOException {
    if (Files.exists(out)) {
      try (var files = Files.list(out)) {
        if (files.findAny().isPresent()) {
          throw new IllegalArgumentException("the backup directory " + out + " is not empty");
        }
      }
    }
    Files.createDirectories(out);
    Hasher hasher = new Hasher();
    Map<String, Long> labels = new TreeMap<>();
    Map<String, Long> types = new TreeMap<>();
    long schema;
    try (var session = driver.session(GraphSessions.read(driver, database));
        var nodes = writer(out.resolve(NODES));
        var rels = writer(out.resolve(RELATIONSHIPS))) {
      schema =
          session.executeRead(
              tx -> {
                var result = tx.run(READ_NODES);
                while (result.hasNext()) {
                  var r = result.next();
                  List<String> ls = r.get("labels").asList(Value::asString);
                  ObjectNode props = encodeMap(r.get("props"));
                  hasher.node(r.get("id").asString(), ls, props);
                  ls.forEach(l -> labels.merge(l, 1L, Long::sum));
                  ObjectNode line = F.objectNode();
                  line.put("id", r.get("id").asString());
                  line.set("labels", F.arrayNode().addAll(ls.stream().map(F::textNode).toList()));
                  line.set("props", props);
                  writeLine(nodes, line);
                }
                result = tx.run(READ_RELATIONSHIPS);
                while (result.hasNext()) {
                  var r = result.next();
                  String a = r.get("a").asString();
                  String b = r.get("b").asString();
                  // a relationship committed after its end was read belongs to a later graph
                  if (!hasher.knows(a) || !hasher.knows(b)) continue;
                  String type = r.get("type").asString();
                  ObjectNode props = encodeMap(r.get("props"));
                  hasher.relationship(type, a, b, props);
                  types.merge(type, 1L, Long::sum);
                  ObjectNode line = F.objectNode();
                  line.put("a", a);
                  line.put("b", b);
                  line.put("type", type);
                  line.set("props", props);
                  writeLine(rels, line);
                }
                Value v = tx.run(SCHEMA_VERSION).single().get("v");
                return v.isNull() ? -1L : v.asLong();
              });
    }
    Manifest m =
        new Manifest(
            FORMAT,
            Instant.now().toString(),
            hasher.nodeCount(),
            hasher.relationshipCount(),
            hasher.fingerprint(),
            schema,
            keySet,
            labels,
            types);
    JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve(MANIFEST).toFile(), m);
    return m;
  }

  /** Reads a backup's manifest. */
  public static Manifest manifest(Path from) throws IOException {
    Path file = from.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no backup in " + from + " (no " + MANIFEST + ")");
    }
    return JSON.readValue(file.toFile(), Manifest.class);
  }

  /**
   * Writes the backup in {@code from} into {@code database}, which must hold no data (migrations
   * only), and returns the restored graph's fingerprint (equal to the manifest's when the restore
   * is whole).
   */
  public static Fingerprint restore(Driver driver, String database, Path from) throws IOException {
    Manifest manifest = manifest(from);
    if (manifest.format() != FORMAT) {
      throw new IllegalArgumentException("unknown backup format " + manifest.format());
    }
    try (var session = driver.session(GraphSessions.write(driver, database))) {
      long existing = session.run(DATA_NODES).single().get("n").asLong();
      if (existing > 0) {
        throw new IllegalArgumentException(
            "the target store already holds "
                + existing
                + " nodes: restore writes into an empty store only");
      }
      session
          .run(
              "CREATE INDEX talentgraph_restoring IF NOT EXISTS FOR (n:"
                  + RESTORING
                  + ") ON (n."
                  + RESTORE_ID
                  + ")")
          .consume();
      session.run("CALL db.awaitIndexes(600)").consume();
      Map<String, List<Map<String, Object>>> pending = new HashMap<>();
      try (var in = reader(from.resolve(NODES))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          JsonNode n = JSON.readTree(line);
          List<String> ls = new ArrayList<>();
          n.get("labels").forEach(l -> ls.add(name(l.asText())));
          String key = String.join(":", ls.stream().sorted().toList());
          Map<String, Object> row = new HashMap<>();
          row.put("id", n.get("id").asText());
          row.put("props", decodeMap((ObjectNode) n.get("props")));
          List<Map<String, Object>> rows = pending.computeIfAbsent(key, k -> new ArrayList<>());
          rows.add(row);
          if (rows.size() >= BATCH) flushNodes(session, key, pending.remove(key));
        }
      }
      for (var e : pending.entrySet()) flushNodes(session, e.getKey(), e.getValue());
      pending.clear();
      try (var in = reader(from.resolve(RELATIONSHIPS))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          JsonNode r = JSON.readTree(line);
          String type = name(r.get("type").asText());
          Map<String, Object> row = new HashMap<>();
          row.put("a", r.get("a").asText());
          row.put("b", r.get("b").asText());
          row.put("props", decodeMap((ObjectNode) r.get("props")));
          List<Map<String, Object>> rows = pending.computeIfAbsent(type, k -> new ArrayList<>());
          rows.add(row);
          if (rows.size() >= BATCH) flushRelationships(session, type, pending.remove(type));
        }
      }
      for (var e : pending.entrySet()) flushRelationships(session, e.getKey(), e.getValue());
      String unmark =
          "MATCH (n:"
              + RESTORING
              + ") WITH n LIMIT 10000 REMOVE n:"
              + RESTORING
              + ", n."
              + RESTORE_ID
              + " RETURN count(*) AS n";
      while (session.executeWrite(tx -> tx.run(unmark).single().get("n").asLong()) > 0) {
        // batches of 10,000
      }
      session.run("DROP INDEX talentgraph_restoring IF EXISTS").consume();
    }
    return fingerprint(driver, database);
  }

  private static void flushNodes(
      org.neo4j.driver.Session session, String labelKey, List<Map<String, Object>> rows) {
    String labels =
        labelKey.isEmpty()
            ? ""
            : ":"
                + String.join(
                    ":", List.of(labelKey.split(":")).stream().map(l -> "`" + l + "`").toList());
    String query =
        "UNWIND $rows AS row CREATE (n"
            + labels
            + ":"
            + RESTORING
            + ") SET n = row.props, n."
            + RESTORE_ID
            + " = row.id";
    session.executeWrite(tx -> tx.run(query, Map.of("rows", rows)).consume());
  }

  private static void flushRelationships(
      org.neo4j.driver.Session session, String type, List<Map<String, Object>> rows) {
    String query =
        "UNWIND $rows AS row MATCH (a:"
            + RESTORING
            + " {"
            + RESTORE_ID
            + ": row.a}) MATCH (b:"
            + RESTORING
            + " {"
            + RESTORE_ID
            + ": row.b}) CREATE (a)-[r:`"
            + type
            + "`]->(b) SET r = row.props";
    session.executeWrite(tx -> tx.run(query, Map.of("rows", rows)).consume());
  }

  /** A label or type from a backup file, checked before it is written into a statement. */
  private static String name(String s) {
    if (!NAME.matcher(s).matches()) {
      throw new IllegalArgumentException("not a label or relationship type: '" + s + "'");
    }
    return s;
  }

  /** The live graph's fingerprint (migration records left out). */
  public static Fingerprint fingerprint(Driver driver, String database) {
    Hasher hasher = new Hasher();
    try (var session = driver.session(GraphSessions.read(driver, database))) {
      session.executeRead(
          tx -> {
            var result = tx.run(READ_NODES);
            while (result.hasNext()) {
              var r = result.next();
              hasher.node(
                  r.get("id").asString(),
                  r.get("labels").asList(Value::asString),
                  encodeMap(r.get("props")));
            }
            result = tx.run(READ_RELATIONSHIPS);
            while (result.hasNext()) {
              var r = result.next();
              hasher.relationship(
                  r.get("type").asString(),
                  r.get("a").asString(),
                  r.get("b").asString(),
                  encodeMap(r.get("props")));
            }
            return null;
          });
    }
    return new Fingerprint(hasher.fingerprint(), hasher.nodeCount(), hasher.relationshipCount());
  }

  /**
   * The name of a Tink JSON key set, for the manifest: its primary key id and key ids, never a key.
   */
  public static String keySetName(String keysetJson) {
    try {
      JsonNode k = JSON.readTree(keysetJson);
      List<String> ids = new ArrayList<>();
      k.path("key").forEach(key -> ids.add(key.path("keyId").asText()));
      return "tink key set, primary key id "
          + k.path("primaryKeyId").asText()
          + " (key ids "
          + String.join(", ", ids)
          + ")";
    } catch (IOException e) {
      throw new IllegalArgumentException("not a Tink JSON key set", e);
    }
  }

  // ---- typed values: JSON for strings, numbers, booleans and lists; {"$t": type, "v": text} else

  static ObjectNode encodeMap(Value map) {
    ObjectNode o = F.objectNode();
    new TreeMap<>(map.asMap(v -> v)).forEach((k, v) -> o.set(k, encode(v)));
    return o;
  }

  static JsonNode encode(Value v) {
    switch (v.type().name()) {
      case "STRING":
        return F.textNode(v.asString());
      case "INTEGER":
        return F.numberNode(v.asLong());
      case "FLOAT":
        double d = v.asDouble();
        return Double.isFinite(d) ? F.numberNode(d) : typed("float", Double.toString(d));
      case "BOOLEAN":
        return F.booleanNode(v.asBoolean());
      case "LIST":
      case "LIST OF ANY?":
        ArrayNode a = F.arrayNode();
        v.values().forEach(e -> a.add(encode(e)));
        return a;
      case "BYTES":
        return typed("bytes", Base64.getEncoder().encodeToString(v.asByteArray()));
      case "DATE":
        return typed("date", v.asLocalDate().toString());
      case "DATE_TIME":
        return typed("datetime", v.asZonedDateTime().toString());
      case "LOCAL_DATE_TIME":
        return typed("localdatetime", v.asLocalDateTime().toString());
      case "LOCAL_TIME":
        return typed("localtime", v.asLocalTime().toString());
      case "TIME":
        return typed("time", v.asOffsetTime().toString());
      case "DURATION":
        IsoDuration du = v.asIsoDuration();
        return typed(
            "duration",
            du.months() + " " + du.days() + " " + du.seconds() + " " + du.nanoseconds());
      case "POINT":
        Point p = v.asPoint();
        return typed("point", p.srid() + " " + p.x() + " " + p.y() + " " + p.z());
      default:
        if (v.type().name().startsWith("LIST")) {
          ArrayNode l = F.arrayNode();
          v.values().forEach(e -> l.add(encode(e)));
          return l;
        }
        throw new IllegalStateException("no backup encoding for a " + v.type().name() + " value");
    }
  }

  private static ObjectNode typed(String type, String text) {
    ObjectNode o = F.objectNode();
    o.put("$t", type);
    o.put("v", text);
    return o;
  }

  static Map<String, Object> decodeMap(ObjectNode o) {
    Map<String, Object> m = new LinkedHashMap<>();
    o.fields().forEachRemaining(e -> m.put(e.getKey(), decode(e.getValue())));
    return m;
  }

  static Object decode(JsonNode n) {
    if (n.isTextual()) return n.asText();
    if (n.isBoolean()) return n.asBoolean();
    if (n.isIntegralNumber()) return n.asLong();
    if (n.isNumber()) return n.asDouble();
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(e -> l.add(decode(e)));
      return l;
    }
    String v = n.path("v").asText();
    return switch (n.path("$t").asText()) {
      case "float" -> Double.parseDouble(v);
      case "bytes" -> Base64.getDecoder().decode(v);
      case "date" -> LocalDate.parse(v);
      case "datetime" -> ZonedDateTime.parse(v);
      case "localdatetime" -> LocalDateTime.parse(v);
      case "localtime" -> LocalTime.parse(v);
      case "time" -> OffsetTime.parse(v);
      case "duration" -> {
        String[] f = v.split(" ");
        yield Values.isoDuration(
                Long.parseLong(f[0]),
                Long.parseLong(f[1]),
                Long.parseLong(f[2]),
                Integer.parseInt(f[3]))
            .asIsoDuration();
      }
      case "point" -> {
        String[] f = v.split(" ");
        int srid = Integer.parseInt(f[0]);
        double z = Double.parseDouble(f[3]);
        yield Double.isNaN(z)
            ? Values.point(srid, Double.parseDouble(f[1]), Double.parseDouble(f[2])).asPoint()
            : Values.point(srid, Double.parseDouble(f[1]), Double.parseDouble(f[2]), z).asPoint();
      }
      default -> throw new IllegalArgumentException("unknown value in a backup: " + n);
    };
  }

  private static BufferedWriter writer(Path file) throws IOException {
    return new BufferedWriter(
        new OutputStreamWriter(
            new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8));
  }

  private static BufferedReader reader(Path file) throws IOException {
    return new BufferedReader(
        new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8));
  }

  private static void writeLine(BufferedWriter out, JsonNode line) {
    try {
      out.write(JSON.writeValueAsString(line));
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Node and relationship hashes by content; node hashes kept by element id for the ends. */
  static final class Hasher {
    private final Map<String, String> nodeHash = new HashMap<>();
    private final List<String> relHashes = new ArrayList<>();

    boolean knows(String elementId) {
      return nodeHash.containsKey(elementId);
    }

    void node(String id, List<String> labels, ObjectNode props) {
      nodeHash.put(id, sha256(String.join(":", labels.stream().sorted().toList()) + "|" + props));
    }

    void relationship(String type, String a, String b, ObjectNode props) {
      relHashes.add(sha256(type + "|" + nodeHash.get(a) + "|" + nodeHash.get(b) + "|" + props));
    }

    long nodeCount() {
      return nodeHash.size();
    }

    long relationshipCount() {
      return relHashes.size();
    }

    String fingerprint() {
      List<String> all = new ArrayList<>(nodeHash.values());
      all.sort(null);
      List<String> rels = new ArrayList<>(relHashes);
      rels.sort(null);
      return sha256(String.join(",", all) + "||" + String.join(",", rels));
    }
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static {
    JSON.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }
}
