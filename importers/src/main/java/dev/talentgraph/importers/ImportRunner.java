package dev.talentgraph.importers;

import dev.talentgraph.schema.GraphSessions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.SummaryCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Importer}: batches its writes into transactions of {@code batchSize} rows (a
 * row's writes are never split, so a failed transaction leaves no half-written row or batch, and a
 * re-run MERGEs the rest), keeps rejects, reports progress, and counts what the database did.
 *
 * <ul>
 *   <li>default: one pass; bad rows are rejected and the good ones written;
 *   <li>{@code strict}: a validation pass that stops at the first bad row with nothing written,
 *       then the write pass;
 *   <li>{@code dryRun}: the validation pass only.
 * </ul>
 */
public final class ImportRunner {
  private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

  private ImportRunner() {}

  public static ImportReport run(Importer importer, Path input, ImportContext ctx)
      throws IOException {
    ImportOptions o = ctx.options();
    ImportReport report = new ImportReport(importer.name(), input, o.dryRun());
    long t0 = System.nanoTime();
    try {
      if (o.strict() || o.dryRun()) {
        Sink validate =
            new Sink(
                importer.name(), report, ctx, null, o.strict(), o.dryRun() ? o.rejectsDir() : null);
        o.progress()
            .start(importer.name() + (o.dryRun() ? " (validate)" : " (validate, strict)"), 0);
        try {
          importer.read(input, ctx, validate);
        } finally {
          validate.closeRejects();
        }
        o.progress().finish(validate.rows);
        if (o.dryRun()) return report;
        report.notes.clear();
        resetCounts(report);
      }
      try (Session session =
          ctx.driver().session(GraphSessions.write(ctx.driver(), ctx.database()))) {
        Sink write =
            new Sink(
                importer.name(), report, ctx, session, false, o.strict() ? null : o.rejectsDir());
        o.progress().start(importer.name(), 0);
        try {
          importer.read(input, ctx, write);
          write.flush();
        } finally {
          write.closeRejects();
        }
        o.progress().finish(write.rows);
      }
      ctx.invalidateSkills();
      return report;
    } finally {
      report.elapsedNanos = System.nanoTime() - t0;
      log.info(
          "import {}: {} rows read, {} written, {} rejected in {} s",
          importer.name(),
          report.rowsRead,
          report.rowsWritten,
          report.rowsRejected,
          String.format("%.1f", report.seconds()));
    }
  }

  private static void resetCounts(ImportReport r) {
    r.rowsRead = 0;
    r.rowsWritten = 0;
    r.rowsRejected = 0;
    r.derivedWrites = 0;
    r.skipped.clear();
    r.problems.clear();
    r.problemsByKind.clear();
  }

  /** Buffers writes by statement; flushes whole rows in one transaction. */
  private static final class Sink implements RowSink {
    private final String source;
    private final ImportReport report;
    private final ImportContext ctx;
    private final Session session;
    private final boolean failFast;
    private final Path rejectsDir;
    private final int batchSize;
    private final Map<Statement, List<Map<String, Object>>> buffer = new LinkedHashMap<>();
    private long buffered;
    private long bufferedRows;
    private long rows;
    private BufferedWriter rejects;

    Sink(
        String source,
        ImportReport report,
        ImportContext ctx,
        Session session,
        boolean failFast,
        Path rejectsDir) {
      this.source = source;
      this.report = report;
      this.ctx = ctx;
      this.session = session;
      this.failFast = failFast;
      this.rejectsDir = rejectsDir;
      this.batchSize = ctx.options().batchSize();
    }

    @Override
    public void accept(Location at, List<Write> writes) {
      report.rowsRead++;
      rows++;
      report.rowsWritten++;
      add(writes);
      ctx.options().progress().update(rows);
    }

    @Override
    public void derived(List<Write> writes) {
      report.derivedWrites += writes.size();
      add(writes);
    }

    /**
     * Adds one row's writes (or one derived group); flushes after batchSize rows, or 8 writes a row
     * on average.
     */
    private void add(List<Write> writes) {
      if (session == null) return;
      for (Write w : writes) {
        buffer.computeIfAbsent(w.statement(), k -> new ArrayList<>()).add(w.row());
        buffered++;
      }
      bufferedRows++;
      if (bufferedRows >= batchSize || buffered >= 8L * batchSize) flush();
    }

    @Override
    public void reject(Problem problem, String raw) {
      if (problem.kind().isFatal()) throw new ImportFailedException(problem);
      report.rowsRead++;
      rows++;
      report.rowsRejected++;
      report.problem(problem);
      if (failFast) throw new ImportFailedException(problem);
      if (rejectsDir != null) writeReject(problem, raw);
      ctx.options().progress().update(rows);
    }

    @Override
    public void skip(Location at, String reason) {
      report.rowsRead++;
      rows++;
      report.skipped.merge(reason, 1L, Long::sum);
      ctx.options().progress().update(rows);
    }

    @Override
    public void note(String message) {
      report.notes.add(message);
    }

    @Override
    public void expect(long records) {
      ctx.options().progress().start(source, records);
    }

    void flush() {
      if (session == null || buffer.isEmpty()) return;
      List<Map.Entry<Statement, List<Map<String, Object>>>> parts =
          new ArrayList<>(buffer.entrySet());
      parts.sort(Comparator.comparingInt(e -> e.getKey().phase()));
      long tx0 = System.nanoTime();
      try {
        List<SummaryCounters> counters =
            session.executeWrite(
                tx -> {
                  List<SummaryCounters> cs = new ArrayList<>();
                  for (var e : parts) {
                    long t = System.nanoTime();
                    cs.add(
                        tx.run(e.getKey().cypher(), Map.of("rows", e.getValue()))
                            .consume()
                            .counters());
                    if (log.isDebugEnabled()) {
                      log.debug(
                          "{}: {} rows in {} ms",
                          e.getKey().name(),
                          e.getValue().size(),
                          (System.nanoTime() - t) / 1_000_000);
                    }
                  }
                  return cs;
                });
        for (SummaryCounters c : counters) {
          report.nodesCreated += c.nodesCreated();
          report.nodesDeleted += c.nodesDeleted();
          report.relationshipsCreated += c.relationshipsCreated();
          report.relationshipsDeleted += c.relationshipsDeleted();
          report.propertiesSet += c.propertiesSet();
          report.labelsAdded += c.labelsAdded();
        }
        report.batches++;
        if (log.isDebugEnabled())
          log.debug(
              "batch of {} rows committed in {} ms",
              bufferedRows,
              (System.nanoTime() - tx0) / 1_000_000);
      } catch (Neo4jException e) {
        String stmts = String.join(", ", parts.stream().map(p -> p.getKey().name()).toList());
        throw new ImportFailedException(
            "import "
                + source
                + " failed writing a batch of "
                + bufferedRows
                + " rows (statements "
                + stmts
                + "); that batch was rolled back, earlier batches are kept, and a re-run"
                + " completes the import: "
                + e.getMessage(),
            e);
      }
      buffer.clear();
      buffered = 0;
      bufferedRows = 0;
    }

    private void writeReject(Problem p, String raw) {
      try {
        if (rejects == null) {
          Files.createDirectories(rejectsDir);
          Path file = rejectsDir.resolve(source + ".rejects.tsv");
          rejects = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          rejects.write("file\tline\tfield\tkind\tmessage\trow\n");
          report.rejectsFile = file;
        }
        rejects.write(
            String.join(
                "\t",
                clean(p.at().file()),
                String.valueOf(p.at().line()),
                clean(p.at().field()),
                p.kind().name(),
                clean(p.message()),
                clean(raw)));
        rejects.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static String clean(String s) {
      if (s == null) return "";
      String t = s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
      return t.length() > 10_000 ? t.substring(0, 10_000) + "..." : t;
    }

    void closeRejects() throws IOException {
      if (rejects != null) rejects.close();
      rejects = null;
    }
  }
}
