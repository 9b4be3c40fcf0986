package dev.talentgraph.ml.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.talentgraph.ml.features.EncodedColumn;
import dev.talentgraph.ml.features.FeatureEncoder;
import dev.talentgraph.ml.model.Algorithm;
import dev.talentgraph.ml.model.EncodedModel;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.tribuo.Model;
import org.tribuo.protos.core.ModelProto;

/**
 * Stores, lists, activates and loads model versions on {@code :Model} nodes (see the package
 * documentation). Versions of a kind are numbered 1, 2, 3... in registration order; the id {@code
 * kind:version} is unique (schema constraint {@code model_id}). Registering and activating are
 * single transactions: a failure leaves the registry as it was.
 *
 * <p>The bytes are Tribuo's own protobuf serialisation ({@link Model#serialize()}), tagged with
 * {@link #FORMAT} and {@link #FORMAT_VERSION}; a node written by a later, unknown format is refused
 * with a {@link ModelFormatException} instead of being misread.
 */
public final class ModelRegistry {
  public static final String FORMAT = "tribuo-protobuf";

  /** Version 1: Tribuo 4.3 ModelProto bytes plus the encoder as JSON {@link EncodedColumn}s. */
  public static final int FORMAT_VERSION = 1;

  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,62}");
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final Driver driver;
  private final String database;

  public ModelRegistry(Driver driver, String database) {
    this.driver = driver;
    this.database = database;
  }

  /** Model kinds are lower-case words with hyphens ("attrition", "job-change"). */
  public static String checkKind(String kind) {
    if (kind == null || !KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException(
          "model kind must be lower-case letters, digits and '-', starting with a letter; got '"
              + kind
              + "'");
    }
    return kind;
  }

  /**
   * Saves a new version of the kind; activates it when {@code activate} is true (the previous
   * active version, if any, is deactivated in the same transaction).
   */
  public ModelInfo register(String kind, EncodedModel model, Provenance p, boolean activate) {
    return store(
        kind,
        model.tribuoModel(),
        model.algorithm().name(),
        json(model.encoder().columns()),
        p,
        activate);
  }

  /**
   * Saves a new version of a kind whose Tribuo model needs no encoder of ours: it carries its own
   * feature scaling and names (the collaborator and course rankers). Loaded with {@link
   * #loadTribuo}.
   *
   * @param algorithm words for the learner ("logistic regression", "factorization machine
   *     ensemble")
   */
  public ModelInfo registerTribuo(
      String kind, Model<?> model, String algorithm, Provenance p, boolean activate) {
    return store(kind, model, algorithm, null, p, activate);
  }

  private ModelInfo store(
      String kind,
      Model<?> model,
      String algorithm,
      String encoderJson,
      Provenance p,
      boolean activate) {
    checkKind(kind);
    byte[] bytes = model.serialize().toByteArray();
    Map<String, Object> props = new HashMap<>();
    props.put(Props.KIND, kind);
    props.put(Props.ACTIVE, false);
    props.put(Props.TRAINED_AT, ZonedDateTime.ofInstant(p.trainedAt(), ZoneOffset.UTC));
    props.put(Props.ALGORITHM, algorithm);
    props.put(Props.SEED, p.seed());
    props.put(Props.OUTCOME, p.outcome() == null ? "" : p.outcome());
    props.put(Props.FORMAT, FORMAT);
    props.put(Props.FORMAT_VERSION, FORMAT_VERSION);
    props.put(Props.BYTES, bytes);
    if (encoderJson != null) props.put(Props.ENCODER, encoderJson);
    props.put(Props.FEATURE_SET, json(p.featureSet()));
    props.put(Props.HYPERPARAMETERS, json(p.hyperparameters()));
    props.put(Props.DATA, json(p.data()));
    props.put(Props.METRICS, json(p.metrics()));
    if (p.window().from() != null) props.put(Props.TRAINED_FROM, p.window().from());
    props.put(Props.TRAINED_UNTIL, p.window().until());
    props.put(Props.TRAINING_ROWS, p.window().rows());
    try (Session s = session()) {
      int version =
          s.executeWrite(
              tx -> {
                int next =
                    tx.run(
                            "OPTIONAL MATCH (m:"
                                + Labels.MODEL
                                + " {"
                                + Props.KIND
                                + ": $kind}) RETURN coalesce(max(m."
                                + Props.VERSION
                                + "), 0) + 1 AS v",
                            Map.of("kind", kind))
                        .single()
                        .get("v")
                        .asInt();
                Map<String, Object> all = new HashMap<>(props);
                all.put(Props.VERSION, next);
                tx.run(
                        "CREATE (m:" + Labels.MODEL + " {" + Props.ID + ": $id}) SET m += $props",
                        Map.of("id", kind + ":" + next, "props", all))
                    .consume();
                if (activate) activateIn(tx, kind, next);
                return next;
              });
      return info(kind, version).orElseThrow();
    }
  }

  /** Makes the version the only active one of its kind. */
  public void activate(String kind, int version) {
    try (Session s = session()) {
      s.executeWrite(
          tx -> {
            activateIn(tx, kind, version);
            return null;
          });
    }
  }

  private static void activateIn(org.neo4j.driver.TransactionContext tx, String kind, int version) {
    boolean exists =
        tx.run(
                "MATCH (m:" + Labels.MODEL + " {" + Props.ID + ": $id}) RETURN count(m) > 0 AS e",
                Map.of("id", kind + ":" + version))
            .single()
            .get("e")
            .asBoolean();
    if (!exists)
      throw new ModelNotFoundException("no model " + kind + ":" + version + " in the registry");
    tx.run(
            "MATCH (m:"
                + Labels.MODEL
                + " {"
                + Props.KIND
                + ": $kind}) SET m."
                + Props.ACTIVE
                + " = (m."
                + Props.VERSION
                + " = $version)",
            Map.of("kind", kind, "version", version))
        .consume();
  }

  /** All versions, by kind then version. */
  public List<ModelInfo> list() {
    return query(
        "MATCH (m:" + Labels.MODEL + ") RETURN m ORDER BY m." + Props.KIND + ", m." + Props.VERSION,
        Map.of());
  }

  public Optional<ModelInfo> info(String kind, int version) {
    return query(
            "MATCH (m:" + Labels.MODEL + " {" + Props.ID + ": $id}) RETURN m",
            Map.of("id", kind + ":" + version))
        .stream()
        .findFirst();
  }

  public Optional<ModelInfo> active(String kind) {
    return query(
            "MATCH (m:"
                + Labels.MODEL
                + " {"
                + Props.KIND
                + ": $kind, "
                + Props.ACTIVE
                + ": true}) RETURN m",
            Map.of("kind", kind))
        .stream()
        .findFirst();
  }

  /** Loads the active version of a kind. */
  public StoredModel loadActive(String kind) {
    return load(kind, activeVersion(kind));
  }

  /** Loads any version, active or not. */
  public StoredModel load(String kind, int version) {
    String id = kind + ":" + version;
    Value m = read(id);
    ModelInfo info = toInfo(m);
    Model<?> tribuo = tribuo(id, info, m);
    if (m.get(Props.ENCODER).isNull()) {
      throw new ModelFormatException(
          "model "
              + id
              + " carries its own feature scaling and no encoder: load it with loadTribuo",
          null);
    }
    List<EncodedColumn> cols;
    try {
      cols =
          JSON.readValue(
              m.get(Props.ENCODER).asString(), new TypeReference<List<EncodedColumn>>() {});
    } catch (JsonProcessingException e) {
      throw new ModelFormatException(
          "model " + id + " has an unreadable encoder: " + e.getOriginalMessage(), e);
    }
    return new StoredModel(
        info,
        new EncodedModel(Algorithm.valueOf(info.algorithm()), new FeatureEncoder(cols), tribuo));
  }

  /** A model stored with {@link #registerTribuo}: its record and the Tribuo model itself. */
  public record TribuoModel(ModelInfo info, Model<?> model) {}

  /** Loads the active version of a kind stored with {@link #registerTribuo}. */
  public TribuoModel loadActiveTribuo(String kind) {
    return loadTribuo(kind, activeVersion(kind));
  }

  /** Loads a version stored with {@link #registerTribuo} (or the Tribuo part of any version). */
  public TribuoModel loadTribuo(String kind, int version) {
    String id = kind + ":" + version;
    Value m = read(id);
    ModelInfo info = toInfo(m);
    return new TribuoModel(info, tribuo(id, info, m));
  }

  private int activeVersion(String kind) {
    return active(kind)
        .orElseThrow(
            () ->
                new ModelNotFoundException(
                    "no active model of kind '"
                        + kind
                        + "'; train one first (bin/talentgraph train, or the trainModel mutation)"))
        .version();
  }

  private Value read(String id) {
    try (Session s = session()) {
      Record r =
          s.executeRead(
              tx -> {
                var res =
                    tx.run(
                        "MATCH (m:" + Labels.MODEL + " {" + Props.ID + ": $id}) RETURN m",
                        Map.of("id", id));
                return res.hasNext() ? res.next() : null;
              });
      if (r == null) throw new ModelNotFoundException("no model " + id + " in the registry");
      return r.get("m");
    }
  }

  private static Model<?> tribuo(String id, ModelInfo info, Value m) {
    if (!FORMAT.equals(info.format())
        || info.formatVersion() < 1
        || info.formatVersion() > FORMAT_VERSION) {
      throw new ModelFormatException(
          "model "
              + id
              + " is stored in format '"
              + info.format()
              + "' version "
              + info.formatVersion()
              + ", which this build cannot read (it reads "
              + FORMAT
              + " versions 1.."
              + FORMAT_VERSION
              + "); retrain it or use a newer build",
          null);
    }
    try {
      return Model.deserialize(ModelProto.parseFrom(m.get(Props.BYTES).asByteArray()));
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new ModelFormatException(
          "model " + id + " has bytes Tribuo cannot read: " + e.getMessage(), e);
    }
  }

  private List<ModelInfo> query(String cypher, Map<String, Object> params) {
    try (Session s = session()) {
      return s.executeRead(
          tx -> {
            List<ModelInfo> out = new ArrayList<>();
            tx.run(cypher, params).forEachRemaining(r -> out.add(toInfo(r.get("m"))));
            return out;
          });
    }
  }

  private static ModelInfo toInfo(Value m) {
    Map<String, Double> metrics;
    try {
      metrics =
          JSON.readValue(
              m.get(Props.METRICS).asString("{}"), new TypeReference<Map<String, Double>>() {});
    } catch (JsonProcessingException e) {
      metrics = Map.of();
    }
    Value bytes = m.get(Props.BYTES);
    return new ModelInfo(
        m.get(Props.ID).asString(),
        m.get(Props.KIND).asString(),
        m.get(Props.VERSION).asInt(),
        m.get(Props.ACTIVE).asBoolean(false),
        m.get(Props.TRAINED_AT).asZonedDateTime().toInstant(),
        m.get(Props.ALGORITHM).asString(""),
        m.get(Props.SEED).asLong(0),
        m.get(Props.OUTCOME).asString(""),
        metrics,
        m.get(Props.FORMAT).asString(""),
        m.get(Props.FORMAT_VERSION).asInt(0),
        bytes.isNull() ? 0 : bytes.size(),
        m.get(Props.DATA).asString("{}"),
        m.get(Props.FEATURE_SET).asString("{}"),
        m.get(Props.HYPERPARAMETERS).asString("{}"),
        m.get(Props.TRAINED_FROM).isNull() ? null : m.get(Props.TRAINED_FROM).asLocalDate(),
        m.get(Props.TRAINED_UNTIL).isNull() ? null : m.get(Props.TRAINED_UNTIL).asLocalDate(),
        m.get(Props.TRAINING_ROWS).asLong(0));
  }

  private Session session() {
    return driver.session(GraphSessions.read(driver, database));
  }

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write provenance as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
