package dev.talentgraph.importers.demo;

import dev.talentgraph.importers.demo.DemoData.Row;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * Writes a {@link DemoData} into Neo4j through the driver, the one path to the database the design
 * allows (embedded or remote alike).
 *
 * <ul>
 *   <li><b>Validated first.</b> {@link DemoValidator} checks the whole graph before the first
 *       write.
 *   <li><b>Batched.</b> One {@code UNWIND $rows ... MERGE} statement per batch of {@link
 *       DemoSettings#batchSize()} rows, one transaction per batch. Every statement counts the rows
 *       whose endpoints it found; fewer than it was given rolls the batch back with a message.
 *   <li><b>Idempotent.</b> Nodes are merged on {@code id}, relationships on their endpoints, and
 *       properties set with {@code +=}; personal values are re-encrypted only when their plain text
 *       changed (AES-GCM ciphertexts differ on every encryption), so a second load changes nothing.
 *   <li><b>Resumable.</b> A {@code (:__Dataset {name:'demo'})} node records "loading" before the
 *       first batch and "complete" after the last, so {@link #loadIfEmpty} finishes an interrupted
 *       load instead of serving half a graph.
 *   <li><b>Private by construction.</b> Personal fields reach the store only as {@link FieldCipher}
 *       ciphertexts bound to owner and field.
 * </ul>
 *
 * Labels, types and property keys come from graph-schema constants; values are always parameters.
 */
public final class DemoLoader {
  /** The {@code name} of the demo's {@link Labels#DATASET} bookkeeping node. */
  public static final String DATASET_NAME = "demo";

  private final Driver driver;
  private final String database;
  private final FieldCipher cipher;

  public DemoLoader(Driver driver, String database, FieldCipher cipher) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.database = Objects.requireNonNull(database, "database");
    this.cipher =
        Objects.requireNonNull(cipher, "cipher: personal data is never written unencrypted");
  }

  /** What the store holds: no graph, an interrupted demo load, a complete one, or other data. */
  public enum StoreState {
    EMPTY,
    DEMO_LOADING,
    DEMO_COMPLETE,
    OTHER_DATA
  }

  public StoreState storeState() {
    try (Session s = session()) {
      return s.executeRead(
          tx -> {
            Result r =
                tx.run(
                    "OPTIONAL MATCH (d:"
                        + Labels.DATASET
                        + " {name: $name}) RETURN d.state AS state",
                    Map.of("name", DATASET_NAME));
            Value state = r.single().get("state");
            if (!state.isNull()) {
              return "complete".equals(state.asString())
                  ? StoreState.DEMO_COMPLETE
                  : StoreState.DEMO_LOADING;
            }
            boolean any =
                tx.run(
                        "RETURN EXISTS { MATCH (:"
                            + Labels.EXPERT
                            + ") } OR EXISTS { MATCH (:"
                            + Labels.SKILL
                            + ") } OR EXISTS { MATCH (:"
                            + Labels.COURSE
                            + ") } OR EXISTS { MATCH (:"
                            + Labels.PROJECT
                            + ") } OR EXISTS { MATCH (:"
                            + Labels.CANDIDATE
                            + ") } AS any")
                    .single()
                    .get("any")
                    .asBoolean();
            return any ? StoreState.OTHER_DATA : StoreState.EMPTY;
          });
    }
  }

  /**
   * What {@code serve --demo} calls: loads the demo into an empty store, finishes an interrupted
   * demo load, and leaves any other store alone (the summary says why).
   */
  public DemoSummary loadIfEmpty(DemoSettings settings, ProgressListener progress) {
    StoreState state = storeState();
    if (state == StoreState.DEMO_LOADING) {
      // finishing it with other settings would leave a mixture of two demos
      long[] started = startedWith();
      if (started[0] != settings.seed() || started[1] != settings.experts()) {
        return DemoSummary.skipped(
            "the store holds an interrupted demo load with seed "
                + started[0]
                + " and "
                + started[1]
                + " experts; finish it with the same settings, or use an empty store");
      }
    }
    return switch (state) {
      case DEMO_COMPLETE -> DemoSummary.skipped("the store already holds the demo graph");
      case OTHER_DATA ->
          DemoSummary.skipped(
              "the store already holds a graph that is not the demo; "
                  + "the demo is only generated into an empty store (use an empty --data-dir)");
      case EMPTY, DEMO_LOADING -> load(DemoGenerator.generate(settings), progress);
    };
  }

  /** Seed and number of experts recorded when the demo load in the store began. */
  private long[] startedWith() {
    try (Session s = session()) {
      Record r =
          s.executeRead(
              tx ->
                  tx.run(
                          "MATCH (d:"
                              + Labels.DATASET
                              + " {name: $name}) RETURN d.seed AS seed, d.experts AS experts",
                          Map.of("name", DATASET_NAME))
                      .single());
      return new long[] {r.get("seed").asLong(-1), r.get("experts").asLong(-1)};
    }
  }

  /**
   * Generates and writes the demo for these settings, whatever the store holds (merging into it).
   */
  public DemoSummary load(DemoSettings settings, ProgressListener progress) {
    return load(DemoGenerator.generate(settings), progress);
  }

  /**
   * Writes the data, or throws {@link IllegalArgumentException} listing its problems before writing
   * anything if it does not validate.
   */
  public DemoSummary load(DemoData data, ProgressListener progress) {
    List<String> problems = DemoValidator.validate(data);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "demo data is invalid, nothing was written:\n  " + String.join("\n  ", problems));
    }
    long start = System.nanoTime();
    List<Step> steps = steps(data);
    long total = steps.stream().mapToLong(Step::size).sum();
    long[] counters = new long[3];
    Map<String, Long> rowsByStep = new LinkedHashMap<>();
    long done = 0;
    int batchSize = data.settings().batchSize();
    try (Session s = session()) {
      s.executeWrite(
          tx ->
              tx.run(
                      "MERGE (d:"
                          + Labels.DATASET
                          + " {name: $name}) SET d.state = 'loading', d.seed = $seed, "
                          + "d.experts = $experts, d.startedAt = datetime()",
                      Map.of(
                          "name",
                          DATASET_NAME,
                          "seed",
                          data.settings().seed(),
                          "experts",
                          data.settings().experts()))
                  .consume());
      done = write(s, steps, batchSize, counters, rowsByStep, progress, done, total);
      s.executeWrite(
          tx ->
              tx.run(
                      "MATCH (d:"
                          + Labels.DATASET
                          + " {name: $name}) SET d.state = 'complete', "
                          + "d.completedAt = datetime()",
                      Map.of("name", DATASET_NAME))
                  .consume());
    }
    return new DemoSummary(
        false,
        null,
        data.settings().seed(),
        data.settings().experts(),
        rowsByStep,
        data.expectedCounts(),
        counters[0],
        counters[1],
        counters[2],
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Writes the steps batch by batch, one transaction per batch, and returns the rows done so far.
   * Shared with {@link SyntheticLoader}, which writes one unit's steps at a time.
   */
  long write(
      Session s,
      List<Step> steps,
      int batchSize,
      long[] counters,
      Map<String, Long> rowsByStep,
      ProgressListener progress,
      long done,
      long total) {
    for (Step step : steps) {
      if (step.sealed() != null) {
        done = writePersonal(s, step, batchSize, counters, rowsByStep, progress, done, total);
        continue;
      }
      List<Map<String, Object>> rows = step.rows().stream().map(Row::row).toList();
      for (int from = 0; from < rows.size(); from += batchSize) {
        List<Map<String, Object>> batch =
            rows.subList(from, Math.min(rows.size(), from + batchSize));
        SummaryCounters c =
            s.executeWrite(
                tx -> {
                  Result r = tx.run(step.cypher(), Map.of("rows", batch));
                  long matched = r.single().get(0).asLong();
                  if (matched != batch.size()) {
                    throw new IllegalStateException(
                        "step "
                            + step.name()
                            + ": only "
                            + matched
                            + " of "
                            + batch.size()
                            + " rows found the nodes they connect; the batch was rolled back");
                  }
                  return r.consume().counters();
                });
        add(counters, c);
        done += batch.size();
        rowsByStep.merge(step.name(), (long) batch.size(), Long::sum);
        progress.progress(step.name(), done, total);
      }
    }
    return done;
  }

  /**
   * One statement of a unit and the rows it runs with: rows of one step, at most a batch. {@code
   * sealed}: personal values to encrypt instead of rows.
   */
  record Batch(Step step, String cypher, List<Map<String, Object>> rows, List<Sealed> sealed) {
    int size() {
      return sealed != null ? sealed.size() : rows.size();
    }
  }

  /**
   * A unit's steps as statements of at most {@code batchSize} rows, in step order, leaving out its
   * first {@code skip} rows (written before).
   *
   * <p>With {@code fresh}, the store holds none of the unit's nodes but the shared skill taxonomy:
   * the unit's nodes and relationships are then {@code CREATE}d rather than merged (no lookup
   * before each write; the uniqueness constraints still guard the ids), which writes the same graph
   * as the merging steps, since a step whose rows repeat a key (a node id, or a relationship's
   * endpoints under one statement) keeps its merging statement. The taxonomy's steps ({@link
   * #SHARED_STEPS}) always merge. Without {@code fresh}, every step merges as {@link #write} does.
   */
  static List<Batch> batches(List<Step> steps, int batchSize, boolean fresh, long skip) {
    List<Batch> out = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    long seen = 0;
    for (Step step : steps) {
      long size = step.size();
      long from = Math.max(0, Math.min(size, skip - seen));
      seen += size;
      if (step.sealed() != null) {
        for (long i = from; i < size; i += batchSize) {
          out.add(
              new Batch(
                  step,
                  personalCypher(step.ownerLabel()),
                  null,
                  step.sealed().subList((int) i, (int) Math.min(size, i + batchSize))));
        }
        continue;
      }
      List<Map<String, Object>> rows = new ArrayList<>(step.rows().size());
      boolean repeats = false;
      for (Row row : step.rows()) {
        Map<String, Object> m = row.row();
        rows.add(m);
        repeats |= !keys.add(step.cypher() + '\u0000' + key(m));
      }
      String cypher =
          !fresh || repeats || SHARED_STEPS.contains(step.name())
              ? step.cypher()
              : step.cypher().replace("MERGE ", "CREATE ");
      for (long i = from; i < size; i += batchSize) {
        out.add(
            new Batch(
                step, cypher, rows.subList((int) i, (int) Math.min(size, i + batchSize)), null));
      }
    }
    return out;
  }

  /**
   * Runs the batches in the caller's transaction and adds what the database reported to {@code
   * counters} and the rows to {@code rowsByStep}; {@code progress} is told after every batch,
   * inside the transaction. {@code fresh}: personal values are encrypted without reading stored
   * ones, as there are none.
   */
  void write(
      TransactionContext tx,
      List<Batch> batches,
      boolean fresh,
      long[] counters,
      Map<String, Long> rowsByStep,
      ProgressListener progress) {
    long done = 0;
    long total = batches.stream().mapToLong(Batch::size).sum();
    for (Batch batch : batches) {
      String name = batch.step().name();
      add(
          counters,
          batch.sealed() != null
              ? personalBatch(tx, batch.step(), batch.sealed(), fresh)
              : run(tx, name, batch.cypher(), batch.rows()));
      done += batch.size();
      rowsByStep.merge(name, (long) batch.size(), Long::sum);
      progress.progress(name, done, total);
    }
  }

  /**
   * The steps of the shared skill taxonomy, which every unit of a synthetic graph writes again and
   * so always merge.
   */
  static final Set<String> SHARED_STEPS =
      Set.of(Labels.SKILL, Labels.SKILL_GROUP, RelTypes.BROADER, RelTypes.RELATED_TO);

  /** What makes a row's node or relationship one: its node id, else its endpoints. */
  private static String key(Map<String, Object> row) {
    Object id = row.get("id");
    return id != null ? "id:" + id : row.get("from") + "\u0000" + row.get("to");
  }

  /**
   * One batch of one statement; fewer rows matched than given fails the transaction. The statement
   * keeps its first plan ({@code replan=skip}): every one finds its nodes by a unique id, and a
   * store growing unit by unit would otherwise have its statistics diverge and the statements
   * planned again, over and over.
   */
  private static SummaryCounters run(
      TransactionContext tx, String step, String cypher, List<Map<String, Object>> batch) {
    Result r = tx.run("CYPHER replan=skip " + cypher, Map.of("rows", batch));
    long matched = r.single().get(0).asLong();
    if (matched != batch.size()) {
      throw new IllegalStateException(
          "step "
              + step
              + ": only "
              + matched
              + " of "
              + batch.size()
              + " rows found the nodes they connect; the transaction was rolled back");
    }
    return r.consume().counters();
  }

  private static String personalCypher(String owner) {
    return "UNWIND $rows AS row MATCH (e:"
        + owner
        + " {id: row.id}) MERGE (e)-[:"
        + RelTypes.HAS_PERSONAL_DATA
        + "]->(p:"
        + Labels.PERSONAL_DATA
        + ") SET p += row.props RETURN count(*)";
  }

  /**
   * Personal data in batches: read what is stored, decrypt, and encrypt only the fields whose plain
   * text differs (or that do not decrypt with the current key). Read and write share a transaction.
   * The owners are Experts (their personal fields) or Interviews (their feedback).
   */
  private long writePersonal(
      Session s,
      Step step,
      int batchSize,
      long[] counters,
      Map<String, Long> rowsByStep,
      ProgressListener progress,
      long done,
      long total) {
    List<Sealed> all = step.sealed();
    for (int from = 0; from < all.size(); from += batchSize) {
      List<Sealed> batch = all.subList(from, Math.min(all.size(), from + batchSize));
      SummaryCounters c = s.executeWrite(tx -> personalBatch(tx, step, batch, false));
      add(counters, c);
      done += batch.size();
      rowsByStep.merge(step.name(), (long) batch.size(), Long::sum);
      progress.progress(step.name(), done, total);
    }
    return done;
  }

  /**
   * One batch of personal values: with {@code fresh} (no owner has personal data yet) every field
   * is encrypted; otherwise the stored values are read and only the fields whose plain text differs
   * (or that do not decrypt with the current key) are encrypted. The owners are Experts (their
   * personal fields), Candidates (their demographics) or Interviews (their feedback).
   */
  private SummaryCounters personalBatch(
      TransactionContext tx, Step step, List<Sealed> batch, boolean fresh) {
    String owner = step.ownerLabel();
    Map<String, Map<String, Object>> stored = new HashMap<>();
    if (!fresh) {
      List<String> ids = batch.stream().map(Sealed::ownerId).toList();
      for (Record rec :
          tx.run(
                  "UNWIND $ids AS id MATCH (:"
                      + owner
                      + " {id: id})-[:"
                      + RelTypes.HAS_PERSONAL_DATA
                      + "]->(p:"
                      + Labels.PERSONAL_DATA
                      + ") RETURN id, properties(p) AS props",
                  Map.of("ids", ids))
              .list()) {
        stored.put(rec.get("id").asString(), rec.get("props").asMap());
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>(batch.size());
    for (Sealed p : batch) {
      Map<String, Object> old = stored.getOrDefault(p.ownerId(), Map.of());
      Map<String, Object> changed = new HashMap<>();
      p.values()
          .forEach(
              (field, plain) -> {
                String aad = FieldCipher.aad(p.ownerId(), field);
                if (fresh || !plain.equals(decryptOrNull(old.get(field), aad))) {
                  changed.put(field, cipher.encrypt(plain, aad));
                }
              });
      rows.add(Map.of("id", p.ownerId(), "props", changed));
    }
    Result r = tx.run(personalCypher(owner), Map.of("rows", rows));
    long matched = r.single().get(0).asLong();
    if (matched != rows.size()) {
      throw new IllegalStateException(
          "step "
              + step.name()
              + ": only "
              + matched
              + " of "
              + rows.size()
              + " owners found; the batch was rolled back");
    }
    return r.consume().counters();
  }

  private String decryptOrNull(Object stored, String aad) {
    if (!(stored instanceof String text)) {
      return null;
    }
    try {
      return cipher.decrypt(text, aad);
    } catch (
        RuntimeException
            notOurs) { // another key, a tampered or a clear-text legacy value: rewrite it
      return null;
    }
  }

  private static void add(long[] counters, SummaryCounters c) {
    counters[0] += c.nodesCreated();
    counters[1] += c.relationshipsCreated();
    counters[2] += c.propertiesSet();
  }

  private Session session() {
    return driver.session(GraphSessions.write(driver, database));
  }

  /**
   * One statement and the rows it is run with, batch by batch; or, with {@code sealed}, personal
   * values of {@code ownerLabel} nodes to encrypt onto their PersonalData nodes.
   */
  record Step(
      String name,
      String cypher,
      List<? extends Row> rows,
      String ownerLabel,
      List<Sealed> sealed) {
    Step(String name, String cypher, List<? extends Row> rows) {
      this(name, cypher, rows, null, null);
    }

    static Step personal(String name, String ownerLabel, List<Sealed> sealed) {
      return new Step(name, null, List.of(), ownerLabel, sealed);
    }

    long size() {
      return sealed != null ? sealed.size() : rows.size();
    }
  }

  /** Clear personal values of one owner node, by field; encrypted on write. */
  record Sealed(String ownerId, Map<String, String> values) {}

  private static String nodes(String label) {
    return "UNWIND $rows AS row MERGE (n:"
        + label
        + " {id: row.id}) SET n += row.props RETURN count(*)";
  }

  private static String rels(String fromLabel, String type, String toLabel) {
    return "UNWIND $rows AS row MATCH (a:"
        + fromLabel
        + " {id: row.from}) MATCH (b:"
        + toLabel
        + " {id: row.to}) "
        + "MERGE (a)-[r:"
        + type
        + "]->(b) SET r += row.props RETURN count(*)";
  }

  /** A node owned by an expert, created with its relationship in the same statement. */
  private static String owned(String label, String type) {
    return "UNWIND $rows AS row MATCH (e:"
        + Labels.EXPERT
        + " {id: row.expert}) MERGE (n:"
        + label
        + " {id: row.id}) "
        + "SET n += row.props MERGE (e)-[:"
        + type
        + "]->(n) RETURN count(*)";
  }

  private static String application(String applicantLabel) {
    return "UNWIND $rows AS row MATCH (a:"
        + applicantLabel
        + " {id: row.applicant}) MATCH (o:"
        + Labels.JOB_OPENING
        + " {id: row.opening}) MERGE (n:"
        + Labels.APPLICATION
        + " {id: row.id}) SET n += row.props "
        + "MERGE (a)-[:"
        + RelTypes.APPLIED
        + "]->(n) MERGE (n)-[:"
        + RelTypes.TO
        + "]->(o) RETURN count(*)";
  }

  /**
   * A node owned by an application ({@code row.owner}), created with its relationship in the same
   * statement.
   */
  private static String ofApplication(String label, String type, String extra) {
    return "UNWIND $rows AS row MATCH (a:"
        + Labels.APPLICATION
        + " {id: row.owner}) "
        + extra
        + "MERGE (n:"
        + label
        + " {id: row.id}) SET n += row.props MERGE (a)-[:"
        + type
        + "]->(n) "
        + (extra.isEmpty() ? "" : "MERGE (n)-[:" + RelTypes.INTERVIEWED_BY + "]->(x) ")
        + "RETURN count(*)";
  }

  /** Nodes before the relationships that need them; the order is also the progress order. */
  static List<Step> steps(DemoData d) {
    String skill = Labels.SKILL;
    String expert = Labels.EXPERT;
    Set<String> hired = d.hiredCandidates();
    List<DemoData.Skill> groups = d.skills().stream().filter(DemoData.Skill::group).toList();
    List<Row> broader =
        d.skills().stream()
            .filter(s -> s.broaderId() != null)
            .map(s -> (Row) () -> DemoData.rel(s.id(), s.broaderId(), DemoData.props()))
            .toList();
    List<Row> hiresFor =
        d.openings().stream()
            .map(o -> (Row) () -> DemoData.rel(o.id(), o.teamId(), DemoData.props()))
            .toList();
    List<Sealed> employeesPersonal =
        d.personal().stream()
            .filter(p -> !hired.contains(p.expertId()))
            .map(p -> new Sealed(p.expertId(), p.values()))
            .toList();
    List<Sealed> hiresPersonal =
        d.personal().stream()
            .filter(p -> hired.contains(p.expertId()))
            .map(p -> new Sealed(p.expertId(), p.values()))
            .toList();
    List<Sealed> feedback =
        d.feedback().stream()
            .map(f -> new Sealed(f.interviewId(), Map.of(Props.FEEDBACK, f.text())))
            .toList();
    return List.of(
        new Step(skill, nodes(skill), d.skills()),
        new Step(
            Labels.SKILL_GROUP,
            "UNWIND $rows AS row MATCH (n:"
                + skill
                + " {id: row.id}) SET n:"
                + Labels.SKILL_GROUP
                + " RETURN count(*)",
            groups),
        new Step(RelTypes.BROADER, rels(skill, RelTypes.BROADER, skill), broader),
        new Step(RelTypes.RELATED_TO, rels(skill, RelTypes.RELATED_TO, skill), d.related()),
        new Step(Labels.TEAM, nodes(Labels.TEAM), d.teams()),
        new Step(
            expert,
            nodes(expert),
            d.experts().stream().filter(e -> !hired.contains(e.id())).toList()),
        Step.personal(Labels.PERSONAL_DATA, expert, employeesPersonal),
        new Step(
            RelTypes.MEMBER_OF,
            rels(expert, RelTypes.MEMBER_OF, Labels.TEAM),
            d.memberships().stream().filter(m -> !hired.contains(m.expertId())).toList()),
        new Step(RelTypes.MANAGES, rels(expert, RelTypes.MANAGES, Labels.TEAM), d.manages()),
        new Step(RelTypes.MENTORS, rels(expert, RelTypes.MENTORS, expert), d.mentorships()),
        new Step(
            RelTypes.HAS_SKILL,
            rels(expert, RelTypes.HAS_SKILL, skill),
            d.hasSkills().stream().filter(h -> h.ownerLabel().equals(expert)).toList()),
        new Step(Labels.COURSE, nodes(Labels.COURSE), d.courses()),
        new Step(RelTypes.TEACHES, rels(Labels.COURSE, RelTypes.TEACHES, skill), d.teaches()),
        new Step(
            RelTypes.PREREQUISITE_OF,
            rels(Labels.COURSE, RelTypes.PREREQUISITE_OF, Labels.COURSE),
            d.prerequisites()),
        new Step(
            RelTypes.ENROLLED, rels(expert, RelTypes.ENROLLED, Labels.COURSE), d.enrollments()),
        new Step(Labels.PROJECT, nodes(Labels.PROJECT), d.projects()),
        new Step(
            RelTypes.REQUIRES + " (project)",
            rels(Labels.PROJECT, RelTypes.REQUIRES, skill),
            d.requires().stream().filter(r -> r.ownerLabel().equals(Labels.PROJECT)).toList()),
        new Step(
            RelTypes.WORKED_ON, rels(expert, RelTypes.WORKED_ON, Labels.PROJECT), d.workedOn()),
        new Step(Labels.PUBLICATION, nodes(Labels.PUBLICATION), d.publications()),
        new Step(
            RelTypes.AUTHORED, rels(expert, RelTypes.AUTHORED, Labels.PUBLICATION), d.authored()),
        new Step(RelTypes.ABOUT, rels(Labels.PUBLICATION, RelTypes.ABOUT, skill), d.about()),
        new Step(
            RelTypes.COLLABORATED_WITH,
            rels(expert, RelTypes.COLLABORATED_WITH, expert),
            d.collaborations()),
        new Step(
            Labels.PERFORMANCE_REVIEW,
            owned(Labels.PERFORMANCE_REVIEW, RelTypes.HAS_REVIEW),
            d.reviews()),
        new Step(Labels.PROMOTION, owned(Labels.PROMOTION, RelTypes.PROMOTED), d.promotions()),
        new Step(Labels.JOB_OPENING, nodes(Labels.JOB_OPENING), d.openings()),
        new Step(
            RelTypes.HIRES_FOR,
            rels(Labels.JOB_OPENING, RelTypes.HIRES_FOR, Labels.TEAM),
            hiresFor),
        new Step(
            RelTypes.ON_HIRING_TEAM,
            rels(expert, RelTypes.ON_HIRING_TEAM, Labels.JOB_OPENING),
            d.hiringTeams()),
        new Step(
            RelTypes.REQUIRES + " (opening)",
            rels(Labels.JOB_OPENING, RelTypes.REQUIRES, skill),
            d.requires().stream().filter(r -> r.ownerLabel().equals(Labels.JOB_OPENING)).toList()),
        new Step(Labels.CANDIDATE, nodes(Labels.CANDIDATE), d.candidates()),
        new Step(
            RelTypes.HAS_SKILL + " (candidate)",
            rels(Labels.CANDIDATE, RelTypes.HAS_SKILL, skill),
            d.hasSkills().stream().filter(h -> h.ownerLabel().equals(Labels.CANDIDATE)).toList()),
        // hired candidates: the same node becomes an Expert too (ADR 0006), with its team and
        // personal data
        new Step(
            expert + " (hired candidate)",
            "UNWIND $rows AS row MATCH (n:"
                + Labels.CANDIDATE
                + " {id: row.id}) SET n:"
                + expert
                + ", n += row.props RETURN count(*)",
            d.experts().stream().filter(e -> hired.contains(e.id())).toList()),
        Step.personal(Labels.PERSONAL_DATA + " (hired candidate)", expert, hiresPersonal),
        Step.personal(
            Labels.PERSONAL_DATA + " (candidate demographics)",
            Labels.CANDIDATE,
            d.candidateDemographics().stream()
                .map(p -> new Sealed(p.expertId(), p.values()))
                .toList()),
        new Step(
            RelTypes.MEMBER_OF + " (hired candidate)",
            rels(expert, RelTypes.MEMBER_OF, Labels.TEAM),
            d.memberships().stream().filter(m -> hired.contains(m.expertId())).toList()),
        new Step(
            Labels.APPLICATION + " (candidate)",
            application(Labels.CANDIDATE),
            d.applications().stream()
                .filter(a -> a.applicantLabel().equals(Labels.CANDIDATE))
                .toList()),
        new Step(
            Labels.APPLICATION + " (internal)",
            application(expert),
            d.applications().stream().filter(a -> a.applicantLabel().equals(expert)).toList()),
        new Step(
            Labels.STAGE_CHANGE,
            ofApplication(Labels.STAGE_CHANGE, RelTypes.MOVED, ""),
            d.stageChanges()),
        new Step(
            Labels.ASSESSMENT,
            ofApplication(Labels.ASSESSMENT, RelTypes.HAS_ASSESSMENT, ""),
            d.assessments()),
        new Step(
            RelTypes.MEASURED, rels(Labels.ASSESSMENT, RelTypes.MEASURED, skill), d.measured()),
        new Step(
            Labels.INTERVIEW,
            ofApplication(
                Labels.INTERVIEW,
                RelTypes.HAS_INTERVIEW,
                "MATCH (x:" + expert + " {id: row.interviewer}) "),
            d.interviews()),
        Step.personal(Labels.PERSONAL_DATA + " (interview feedback)", Labels.INTERVIEW, feedback),
        new Step(
            Labels.CONTEST,
            "UNWIND $rows AS row MATCH (e:"
                + expert
                + " {id: row.expert}) MATCH (k:"
                + skill
                + " {id: row.skill}) MERGE (n:"
                + Labels.CONTEST
                + " {id: row.id}) SET n += row.props MERGE (e)-[:"
                + RelTypes.CONTESTED
                + "]->(n) MERGE (n)-[:"
                + RelTypes.CONCERNS
                + "]->(k) RETURN count(*)",
            d.contests()));
  }
}
