package dev.talentgraph.ml.features;

import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * Reads the rows of a model kind and the raw values of its declared features from the graph, in
 * batches of {@value #BATCH} experts per query (one query per source kind and batch, never one per
 * row). Personal fields are decrypted with the {@link FieldCipher}; dates become years before the
 * as-of date, which is part of the model's provenance so that a re-run reads the same numbers.
 */
public final class GraphFeatureExtractor {
  static final int BATCH = 5000;
  private final Driver driver;
  private final String database;
  private final FieldCipher cipher;

  /**
   * @param cipher decrypts personal fields; may be null when no personal feature is used
   */
  public GraphFeatureExtractor(Driver driver, String database, FieldCipher cipher) {
    this.driver = driver;
    this.database = database;
    this.cipher = cipher;
  }

  /**
   * One row of a kind's data: its id, the Expert it belongs to, its label (null when scoring), the
   * extra columns the row query returned, and the row's own as-of date when it has one (a departed
   * expert is described as of the departure, not as of today: otherwise "years since the last
   * promotion" keeps growing after someone left and gives the label away).
   */
  public record Row(
      String id, String expert, Object label, Map<String, Object> cols, LocalDate asOf) {
    public Row(String id, String expert, Object label, Map<String, Object> cols) {
      this(id, expert, label, cols, null);
    }
  }

  /**
   * Runs a kind's row query. It must return {@code id}, {@code expert}, {@code cols} (a map, may be
   * empty) and, for training, {@code label}; it may return {@code asOf} (a date) per row.
   */
  public List<Row> rows(String query, Map<String, Object> params) {
    try (Session s = session()) {
      return s.executeRead(
          tx -> {
            List<Row> out = new ArrayList<>();
            tx.run(query, params).forEachRemaining(r -> out.add(row(r)));
            return out;
          });
    }
  }

  /**
   * Runs a kind's row query (see {@link #rows(String, Map)}) in one read transaction and hands its
   * rows on in batches of at most {@code batch} as the database streams them, so that only one
   * batch is held at a time. Returns the number of rows.
   */
  public int rows(
      String query, Map<String, Object> params, int batch, Consumer<List<Row>> eachBatch) {
    try (Session s = session()) {
      return s.executeRead(
          tx -> {
            int n = 0;
            List<Row> chunk = new ArrayList<>(batch);
            Result result = tx.run(query, params);
            while (result.hasNext()) {
              chunk.add(row(result.next()));
              n++;
              if (chunk.size() == batch) {
                eachBatch.accept(chunk);
                chunk = new ArrayList<>(batch);
              }
            }
            if (!chunk.isEmpty()) eachBatch.accept(chunk);
            return n;
          });
    }
  }

  private static Row row(Record r) {
    Value label = r.containsKey("label") ? r.get("label") : null;
    Value cols = r.containsKey("cols") ? r.get("cols") : null;
    Value rowAsOf = r.containsKey("asOf") ? r.get("asOf") : null;
    return new Row(
        r.get("id").asString(),
        r.get("expert").asString(),
        label == null || label.isNull() ? null : label.asObject(),
        cols == null || cols.isNull() ? Map.of() : cols.asMap(),
        rowAsOf == null || rowAsOf.isNull() ? null : toDate(rowAsOf.asObject()));
  }

  /** Raw feature values, {@code result.get(r)[f]} for row r and definition f. */
  public List<Object[]> features(FeatureSet set, List<Row> rows, LocalDate asOf) {
    return reader(set).features(rows, asOf);
  }

  /**
   * A reader of one feature set over many batches of rows: measures of the whole graph (PageRank)
   * are computed once, on the first batch that needs them, and kept for the later batches.
   */
  public Reader reader(FeatureSet set) {
    return new Reader(set);
  }

  /** Reads the features of one feature set, batch after batch (see {@link #reader}). */
  public final class Reader {
    private final List<FeatureDefinition> defs;
    private final List<Integer> propIdx = new ArrayList<>(), personalIdx = new ArrayList<>();
    private final List<String> propKeys = new ArrayList<>(), personalKeys = new ArrayList<>();

    /** Measures read per expert, in the order of their columns in {@link #query}. */
    private final List<GraphMeasure> perExpert = new ArrayList<>();

    private final Map<GraphMeasure, Map<String, Object>> wholeGraph = new HashMap<>();
    private final String query;

    private Reader(FeatureSet set) {
      defs = set.definitions();
      for (int f = 0; f < defs.size(); f++) {
        FeatureSource src = defs.get(f).source();
        if (src instanceof FeatureSource.Property p) {
          propIdx.add(f);
          propKeys.add(p.key());
        } else if (src instanceof FeatureSource.YearsSince y) {
          propIdx.add(f);
          propKeys.add(y.key());
        } else if (src instanceof FeatureSource.Personal p) {
          personalIdx.add(f);
          personalKeys.add(p.field());
        } else if (src instanceof FeatureSource.Measure m
            && m.measure().expression() != null
            && !perExpert.contains(m.measure())) {
          perExpert.add(m.measure());
        }
      }
      if (!personalKeys.isEmpty() && cipher == null)
        throw new IllegalStateException(
            "features " + personalKeys + " read personal data but no field cipher was given");
      query = query();
    }

    /**
     * One statement per batch for every per-expert value of the set: the expert found by its unique
     * id, its properties, its personal-data node and one subquery per measure, each starting from
     * the expert.
     */
    private String query() {
      if (propKeys.isEmpty() && personalKeys.isEmpty() && perExpert.isEmpty()) return null;
      StringBuilder q =
          new StringBuilder("UNWIND $ids AS id MATCH (e:")
              .append(Labels.EXPERT)
              .append(" {")
              .append(Props.ID)
              .append(": id}) ");
      if (!personalKeys.isEmpty()) {
        q.append("OPTIONAL MATCH (e)-[:")
            .append(RelTypes.HAS_PERSONAL_DATA)
            .append("]->(p:")
            .append(Labels.PERSONAL_DATA)
            .append(") ");
      } else {
        q.append("WITH id, e, null AS p ");
      }
      StringBuilder carried = new StringBuilder("id, e, p");
      for (int i = 0; i < perExpert.size(); i++) {
        q.append("OPTIONAL CALL (e) { ")
            .append(perExpert.get(i).expression())
            .append(" } WITH ")
            .append(carried)
            .append(", value AS m")
            .append(i)
            .append(' ');
        carried.append(", m").append(i);
      }
      q.append("RETURN id, [k IN $keys | e[k]] AS props, [k IN $personal | p[k]] AS personal, [");
      for (int i = 0; i < perExpert.size(); i++) q.append(i == 0 ? "" : ", ").append('m').append(i);
      return q.append("] AS measures").toString();
    }

    /** Raw feature values, {@code result.get(r)[f]} for row r and definition f. */
    public List<Object[]> features(List<Row> rows, LocalDate asOf) {
      List<Object[]> out = new ArrayList<>(rows.size());
      for (int r = 0; r < rows.size(); r++) out.add(new Object[defs.size()]);
      List<String> experts =
          new ArrayList<>(new LinkedHashSet<>(rows.stream().map(Row::expert).toList()));
      Map<String, PerExpert> read = query == null ? Map.of() : read(experts);
      for (FeatureDefinition d : defs) {
        if (d.source() instanceof FeatureSource.Measure m
            && m.measure().expression() == null
            && !wholeGraph.containsKey(m.measure())) {
          wholeGraph.put(m.measure(), measure(m.measure()));
        }
      }
      LocalDate globalAsOf = asOf;
      // many rows can share an expert (one per course asked about): decrypt each of their fields
      // once
      Map<String, String> clearText = new HashMap<>();
      for (int r = 0; r < rows.size(); r++) {
        Row row = rows.get(r);
        Object[] x = out.get(r);
        PerExpert pe = read.get(row.expert());
        LocalDate rowAsOf = row.asOf() != null ? row.asOf() : globalAsOf;
        for (int f = 0; f < defs.size(); f++) {
          FeatureSource src = defs.get(f).source();
          if (src instanceof FeatureSource.Column c) x[f] = row.cols().get(c.column());
          if (src instanceof FeatureSource.Measure m) {
            Object v;
            if (m.measure().expression() == null) {
              v = wholeGraph.get(m.measure()).get(row.expert());
            } else {
              v = pe == null ? null : pe.measures().get(perExpert.indexOf(m.measure()));
            }
            x[f] = m.measure().post == GraphMeasure.Post.YEARS_SINCE ? yearsSince(v, rowAsOf) : v;
          }
        }
        for (int i = 0; i < propIdx.size(); i++) {
          int f = propIdx.get(i);
          Object v = pe == null ? null : pe.props().get(i);
          x[f] =
              defs.get(f).source() instanceof FeatureSource.YearsSince ? yearsSince(v, rowAsOf) : v;
        }
        for (int i = 0; i < personalIdx.size(); i++) {
          int f = personalIdx.get(i);
          Object v = pe == null ? null : pe.personal().get(i);
          if (v != null) {
            String field = personalKeys.get(i);
            String sealed = String.valueOf(v);
            String clear =
                clearText.computeIfAbsent(
                    row.expert() + "\u0000" + field + "\u0000" + sealed,
                    k -> cipher.decrypt(sealed, FieldCipher.aad(row.expert(), field)));
            v =
                ((FeatureSource.Personal) defs.get(f).source()).yearsSince()
                    ? yearsSince(clear, rowAsOf)
                    : clear;
          }
          x[f] = v;
        }
      }
      return out;
    }

    private Map<String, PerExpert> read(List<String> ids) {
      Map<String, PerExpert> out = new HashMap<>();
      try (Session s = session()) {
        for (int from = 0; from < ids.size(); from += BATCH) {
          List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
          s.executeRead(
              tx -> {
                tx.run(query, Map.of("ids", batch, "keys", propKeys, "personal", personalKeys))
                    .forEachRemaining(
                        r ->
                            out.put(
                                r.get("id").asString(),
                                new PerExpert(
                                    r.get("props").asList(Value::asObject),
                                    r.get("personal").asList(Value::asObject),
                                    r.get("measures").asList(Value::asObject))));
                return null;
              });
        }
      }
      return out;
    }
  }

  /** What one statement read about one expert: properties, personal fields, measures. */
  private record PerExpert(List<Object> props, List<Object> personal, List<Object> measures) {}

  /** A measure of the whole graph, by expert id. */
  private Map<String, Object> measure(GraphMeasure m) {
    if (m == GraphMeasure.PAGERANK) {
      return new HashMap<>(PageRank.compute(driver, database));
    }
    throw new IllegalStateException("no whole-graph computation for " + m);
  }

  private static LocalDate toDate(Object v) {
    if (v instanceof LocalDate d) return d;
    if (v instanceof ZonedDateTime z) return z.toLocalDate();
    if (v instanceof OffsetDateTime o) return o.toLocalDate();
    if (v instanceof LocalDateTime l) return l.toLocalDate();
    String s = String.valueOf(v);
    return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s);
  }

  /**
   * Years from a date (or a year number, or an ISO date string) to the as-of date, as a fraction;
   * null when absent or unreadable.
   */
  public static Double yearsSince(Object v, LocalDate asOf) {
    if (v == null) return null;
    LocalDate d = null;
    if (v instanceof LocalDate ld) d = ld;
    else if (v instanceof ZonedDateTime z) d = z.toLocalDate();
    else if (v instanceof OffsetDateTime o) d = o.toLocalDate();
    else if (v instanceof LocalDateTime l) d = l.toLocalDate();
    else if (v instanceof Number n) {
      double year = n.doubleValue();
      return asOf.getYear() - year;
    } else {
      String s = String.valueOf(v).trim();
      try {
        if (s.matches("\\d{4}")) return (double) (asOf.getYear() - Integer.parseInt(s));
        d = LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s);
      } catch (RuntimeException e) {
        return null;
      }
    }
    return ChronoUnit.DAYS.between(d, asOf) / 365.25;
  }

  private Session session() {
    return driver.session(GraphSessions.read(driver, database));
  }
}
