package dev.talentgraph.importers.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.importers.demo.DemoData.Row;
import dev.talentgraph.importers.demo.DemoLoader.Sealed;
import dev.talentgraph.importers.demo.DemoLoader.Step;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * A demo-like graph of any size, written unit by unit so memory stays bounded.
 *
 * <p>An organisation of N experts is generated as {@code ceil(N / unitSize)} business units, each
 * one a demo graph ({@link DemoGenerator}, so the same distributions of teams, skills, projects,
 * publications, courses and enrolments, openings and applications, reviews) of about {@code
 * unitSize} experts with its own seed. Unit 0 uses the seed itself, so one unit of 2,000 is the
 * served demo; unit k's ids other than skills are prefixed {@code u<k>-}, and every unit shares the
 * demo's skill taxonomy. One unit is written while the next is generated, so two are in memory at
 * most. A unit is written as the demo loader's steps in {@code UNWIND $rows} statements, in
 * transactions of at most {@link SyntheticSettings#batchSize()} rows; into a store that held
 * nothing, its nodes and relationships are created without merging.
 *
 * <p>A {@code (:__Dataset {name:'synthetic'})} node records the settings and, in every write
 * transaction, the units and rows written: a re-run with the same settings finishes an interrupted
 * load exactly where its last commit left it or, on a complete one, writes nothing; other settings,
 * or a store with other data, are refused unless forced.
 *
 * <p>With a CSV directory, the same rows (but the encrypted personal data, which only the loader
 * can write) also go to one CSV file per step, with {@code load-csv.cypher}: the {@code LOAD CSV
 * ... CALL { } IN TRANSACTIONS} statements that write them, the baseline an import is timed
 * against. Property maps are a JSON column there, so dates arrive as strings.
 */
public final class SyntheticLoader {
  /** The {@code name} of the synthetic graph's {@link Labels#DATASET} bookkeeping node. */
  public static final String DATASET_NAME = "synthetic";

  /** The file of LOAD CSV statements written beside the CSV files. */
  public static final String LOAD_CSV_FILE = "load-csv.cypher";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> KEYS =
      List.of(
          "id", "from", "to", "expert", "applicant", "opening", "owner", "interviewer", "skill");

  private final Driver driver;
  private final String database;
  private final DemoLoader demo;
  private final ProgressListener batches;

  public SyntheticLoader(Driver driver, String database, FieldCipher cipher) {
    this(driver, database, cipher, ProgressListener.NONE);
  }

  /** {@code batches} is told after every batch, inside its unit's transaction. */
  SyntheticLoader(Driver driver, String database, FieldCipher cipher, ProgressListener batches) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.database = Objects.requireNonNull(database, "database");
    this.demo = new DemoLoader(driver, database, cipher);
    this.batches = Objects.requireNonNull(batches, "batches");
  }

  /** What a load did. */
  public record Summary(
      boolean skipped,
      String reason,
      long rows,
      long csvRows,
      long nodesCreated,
      long relationshipsCreated,
      Duration elapsed,
      Map<String, Long> rowsByStep) {
    static Summary skipped(String reason) {
      return new Summary(true, reason, 0, 0, 0, 0, Duration.ZERO, Map.of());
    }
  }

  /** Progress after each unit. */
  public interface UnitProgress {
    void unit(int done, int units, long rows, Duration elapsed);
  }

  /**
   * Writes the graph (and, with {@code csvDir}, its CSV files). Refuses, with a skipped summary, a
   * store that holds other data or another synthetic graph unless {@code force}.
   */
  public Summary load(
      SyntheticSettings settings, Path csvDir, boolean force, UnitProgress progress) {
    int from = 0;
    long skip = 0;
    boolean fresh = false;
    try (Session s = session()) {
      Record r =
          s.executeRead(
              tx ->
                  tx.run(
                          "OPTIONAL MATCH (d:"
                              + Labels.DATASET
                              + " {name: $name}) RETURN d.state AS state, d.seed AS seed, "
                              + "d.experts AS experts, d.unitSize AS unitSize, "
                              + "d.unitsDone AS unitsDone, d.unitRowsDone AS unitRowsDone, "
                              + "d.exactlyOnce AS exactlyOnce, "
                              + "EXISTS { MATCH (:"
                              + Labels.EXPERT
                              + ") } AS any",
                          Map.of("name", DATASET_NAME))
                      .single());
      Value state = r.get("state");
      boolean same =
          r.get("seed").asLong(-1) == settings.seed()
              && r.get("experts").asLong(-1) == settings.experts()
              && r.get("unitSize").asLong(-1) == settings.unitSize();
      if (!state.isNull() && same) {
        if ("complete".equals(state.asString()) && csvDir == null) {
          return Summary.skipped("the store already holds this synthetic graph");
        }
        // an interrupted load resumes at the unit it was writing; CSV files are always written
        // whole, merging over the units already written
        int unitsDone = (int) r.get("unitsDone").asLong(0);
        from = csvDir == null ? unitsDone : 0;
        // every transaction counted its own rows: the rows of unit unitsDone past unitRowsDone,
        // and the units after it, hold nothing yet
        fresh = r.get("exactlyOnce").asBoolean(false) && from == unitsDone;
        skip = fresh ? r.get("unitRowsDone").asLong(0) : 0;
      } else if (state.isNull() && !r.get("any").asBoolean()) {
        fresh = true;
      } else if (!force && (!state.isNull() || r.get("any").asBoolean())) {
        return Summary.skipped(
            state.isNull()
                ? "the store already holds a graph that is not this synthetic graph"
                : "the store holds a synthetic graph with seed "
                    + r.get("seed").asLong(-1)
                    + ", "
                    + r.get("experts").asLong(-1)
                    + " experts and units of "
                    + r.get("unitSize").asLong(-1));
      }
    }
    return write(settings, from, skip, fresh, csvDir, progress);
  }

  /**
   * Writes units {@code from} on, the first of them past its first {@code skip} rows, in
   * transactions of at most {@link SyntheticSettings#batchSize()} rows (a step's batch, or the
   * small steps that fit together), each of which records the units and rows done with its rows: an
   * interrupted load goes on exactly where its last commit left it. {@code fresh}: those rows are
   * not in the store yet, so their nodes and relationships are created without merging (see {@link
   * DemoLoader#batches}); otherwise every step merges. The next unit is generated (and its CSV
   * written) on another thread while one is written.
   */
  private Summary write(
      SyntheticSettings settings,
      int from,
      long skip,
      boolean fresh,
      Path csvDir,
      UnitProgress progress) {
    long start = System.nanoTime();
    long[] counters = new long[3];
    Map<String, Long> rowsByStep = new LinkedHashMap<>();
    long rows = 0;
    long csvRows = 0;
    CsvOut csv = csvDir == null ? null : new CsvOut(csvDir);
    int units = settings.units();
    ExecutorService generator =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "synthetic-generator");
              t.setDaemon(true);
              return t;
            });
    try (Session s = session()) {
      s.executeWrite(
          tx ->
              tx.run(
                      "MERGE (d:"
                          + Labels.DATASET
                          + " {name: $name}) SET d.state = 'loading', d.seed = $seed, "
                          + "d.experts = $experts, d.unitSize = $unitSize, "
                          + "d.unitsDone = coalesce(d.unitsDone, 0), "
                          + "d.unitRowsDone = coalesce(d.unitRowsDone, 0), d.exactlyOnce = $fresh, "
                          + "d.startedAt = datetime()",
                      Map.of(
                          "name",
                          DATASET_NAME,
                          "seed",
                          settings.seed(),
                          "experts",
                          settings.experts(),
                          "unitSize",
                          settings.unitSize(),
                          "fresh",
                          fresh))
                  .consume());
      Future<Generated> next = generator.submit(() -> generate(settings, from, csv));
      for (int k = from; k < units; k++) {
        Generated unit = await(next);
        if (k + 1 < units) {
          int following = k + 1;
          next = generator.submit(() -> generate(settings, following, csv));
        }
        csvRows += unit.csvRows();
        long unitRows = k == from ? skip : 0;
        List<DemoLoader.Batch> all =
            DemoLoader.batches(unit.steps(), settings.batchSize(), fresh, unitRows);
        int i = 0;
        do {
          int j = i;
          long n = 0;
          while (j < all.size() && (n == 0 || n + all.get(j).size() <= settings.batchSize())) {
            n += all.get(j++).size();
          }
          List<DemoLoader.Batch> chunk = all.subList(i, j);
          boolean last = j == all.size();
          long unitsDone = last ? k + 1 : k;
          long rowsDone = last ? 0 : unitRows + n;
          Written w =
              s.executeWrite(
                  tx -> {
                    Written written = new Written(new long[3], new LinkedHashMap<>());
                    demo.write(tx, chunk, fresh, written.counters(), written.rowsByStep(), batches);
                    tx.run(
                            "MATCH (d:"
                                + Labels.DATASET
                                + " {name: $name}) SET d.unitsDone = $units, "
                                + "d.unitRowsDone = $rows",
                            Map.of("name", DATASET_NAME, "units", unitsDone, "rows", rowsDone))
                        .consume();
                    return written;
                  });
          for (int c = 0; c < counters.length; c++) counters[c] += w.counters()[c];
          w.rowsByStep().forEach((step, r) -> rowsByStep.merge(step, r, Long::sum));
          rows += n;
          unitRows += n;
          i = j;
        } while (i < all.size());
        progress.unit(k + 1, units, rows, Duration.ofNanos(System.nanoTime() - start));
      }
      s.executeWrite(
          tx ->
              tx.run(
                      "MATCH (d:"
                          + Labels.DATASET
                          + " {name: $name}) SET d.state = 'complete', d.completedAt = datetime()",
                      Map.of("name", DATASET_NAME))
                  .consume());
    } finally {
      generator.shutdownNow();
    }
    if (csv != null) {
      csv.finish();
    }
    return new Summary(
        false,
        null,
        rows,
        csvRows,
        counters[0],
        counters[1],
        Duration.ofNanos(System.nanoTime() - start),
        rowsByStep);
  }

  /** What one transaction wrote. */
  private record Written(long[] counters, Map<String, Long> rowsByStep) {}

  /** One unit's steps, and the rows of it written as CSV. */
  private record Generated(List<Step> steps, long csvRows) {}

  private static Generated generate(SyntheticSettings settings, int k, CsvOut csv) {
    List<Step> steps = unitSteps(settings, k);
    return new Generated(steps, csv == null ? 0 : csv.write(steps));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while generating a unit", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The seed of unit k: the settings' own for unit 0, a derived one for the others. */
  static long unitSeed(long seed, int k) {
    return k == 0 ? seed : new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * k)).nextLong();
  }

  /** Unit k's data: a demo graph of its size and seed. */
  static DemoData unit(SyntheticSettings settings, int k) {
    return DemoGenerator.generate(
        new DemoSettings(
            unitSeed(settings.seed(), k),
            settings.unitExperts(k),
            settings.asOf(),
            settings.batchSize()));
  }

  /** Unit k's steps with its ids made unique to the unit (skills stay shared). */
  static List<Step> unitSteps(SyntheticSettings settings, int k) {
    DemoData d = unit(settings, k);
    List<Step> steps = DemoLoader.steps(d);
    if (k == 0) {
      return steps;
    }
    Set<String> skills = new HashSet<>();
    d.skills().forEach(sk -> skills.add(sk.id()));
    Set<String> experts = new HashSet<>();
    d.experts().forEach(e -> experts.add(e.id()));
    String prefix = "u" + k + "-";
    List<Step> out = new ArrayList<>(steps.size());
    for (Step step : steps) {
      if (step.sealed() != null) {
        List<Sealed> sealed =
            step.sealed().stream().map(p -> new Sealed(prefix + p.ownerId(), p.values())).toList();
        out.add(Step.personal(step.name(), step.ownerLabel(), sealed));
        continue;
      }
      List<Row> rows = new ArrayList<>(step.rows().size());
      for (Row row : step.rows()) {
        Map<String, Object> m = renamed(row.row(), prefix, skills, experts);
        rows.add(() -> m);
      }
      out.add(new Step(step.name(), step.cypher(), rows));
    }
    return out;
  }

  private static Map<String, Object> renamed(
      Map<String, Object> row, String prefix, Set<String> skills, Set<String> experts) {
    Map<String, Object> m = new HashMap<>(row);
    for (String key : KEYS) {
      if (m.get(key) instanceof String id && !skills.contains(id)) {
        m.put(key, prefix + id);
      }
    }
    if (m.get("props") instanceof Map<?, ?> props
        && props.get(Props.ACTOR) instanceof String actor
        && experts.contains(actor)) {
      Map<String, Object> p = new LinkedHashMap<>();
      props.forEach((key, value) -> p.put((String) key, value));
      p.put(Props.ACTOR, prefix + actor);
      m.put("props", p);
    }
    return m;
  }

  /**
   * A digest of every row the settings generate, unit by unit, in write order: equal digests mean
   * the same graph. Bounded memory like the load.
   */
  public static String fingerprint(SyntheticSettings settings) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (int k = 0; k < settings.units(); k++) {
      for (Step step : unitSteps(settings, k)) {
        md.update(step.name().getBytes(StandardCharsets.UTF_8));
        if (step.sealed() != null) {
          for (Sealed p : step.sealed()) {
            md.update((p.ownerId() + new TreeMap<>(p.values())).getBytes(StandardCharsets.UTF_8));
          }
          continue;
        }
        for (Row row : step.rows()) {
          md.update(json(sorted(row.row())).getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static Map<String, Object> sorted(Map<String, Object> m) {
    Map<String, Object> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> p ? sortedProps(p) : v));
    return out;
  }

  private static Map<String, Object> sortedProps(Map<?, ?> p) {
    Map<String, Object> out = new TreeMap<>();
    p.forEach((k, v) -> out.put((String) k, v));
    return out;
  }

  /** JSON of a row, dates and times as their ISO strings. */
  static String json(Object value) {
    try {
      return JSON.writeValueAsString(plain(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object plain(Object v) {
    if (v instanceof TemporalAccessor t) {
      return t.toString();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put((String) k, plain(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(SyntheticLoader::plain).toList();
    }
    return v;
  }

  private Session session() {
    return driver.session(GraphSessions.write(driver, database));
  }

  /** One CSV file per step, appended unit by unit, and the LOAD CSV statements for them. */
  private static final class CsvOut {
    private final Path dir;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, String> cypher = new LinkedHashMap<>();

    CsvOut(Path dir) {
      this.dir = dir;
      try {
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
          for (Path p : old.toList()) {
            if (p.toString().endsWith(".csv")) Files.delete(p);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    long write(List<Step> steps) {
      long n = 0;
      for (Step step : steps) {
        if (step.sealed() != null || step.rows().isEmpty()) {
          continue;
        }
        String file = fileName(step.name());
        List<String> header =
            headers.computeIfAbsent(
                file,
                f -> {
                  List<String> h = new ArrayList<>();
                  Map<String, Object> first = step.rows().get(0).row();
                  KEYS.stream().filter(first::containsKey).forEach(h::add);
                  if (first.containsKey("props")) h.add("props");
                  cypher.put(f, loadCsv(step.cypher(), f));
                  return h;
                });
        Path path = dir.resolve(file);
        boolean fresh = !Files.exists(path);
        try (BufferedWriter w =
            Files.newBufferedWriter(
                path,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
          if (fresh) {
            w.write(String.join(",", header));
            w.newLine();
          }
          for (Row row : step.rows()) {
            Map<String, Object> m = row.row();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < header.size(); i++) {
              if (i > 0) line.append(',');
              String col = header.get(i);
              Object v = m.get(col);
              line.append(quote(col.equals("props") ? json(v) : v == null ? "" : v.toString()));
            }
            w.write(line.toString());
            w.newLine();
            n++;
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return n;
    }

    void finish() {
      StringBuilder b = new StringBuilder();
      cypher.forEach((file, statement) -> b.append(statement).append(";\n"));
      try {
        Files.writeString(dir.resolve(LOAD_CSV_FILE), b.toString(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static String fileName(String step) {
      return step.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_+$", "") + ".csv";
    }

    private static String quote(String s) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
  }

  /**
   * The LOAD CSV form of a loader statement: the rows come from the file, in transactions of 5,000
   * rows; the property map from its JSON column.
   */
  static String loadCsv(String cypher, String file) {
    String body =
        cypher
            .replace("UNWIND $rows AS row ", "")
            .replace(" RETURN count(*)", "")
            .replace("row.props", "apoc.convert.fromJsonMap(row.props)");
    return "LOAD CSV WITH HEADERS FROM 'file:///"
        + file
        + "' AS row CALL { WITH row "
        + body
        + " } IN TRANSACTIONS OF 5000 ROWS";
  }
}
