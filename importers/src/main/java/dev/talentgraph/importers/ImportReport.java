package dev.talentgraph.importers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one import did: rows read, written, skipped (with reasons) and rejected (with problems),
 * what the database counted, and how fast. Printed as a summary by the command line and as JSON
 * with {@code --json}.
 */
public final class ImportReport {
  /**
   * Problems kept in full; beyond this only the counts per kind grow (the rejects file has all).
   */
  public static final int MAX_PROBLEMS_KEPT = 200;

  private final String source;
  private final String input;
  private final boolean dryRun;
  long rowsRead;
  long rowsWritten;
  long rowsRejected;
  long derivedWrites;
  long batches;
  long nodesCreated;
  long nodesDeleted;
  long relationshipsCreated;
  long relationshipsDeleted;
  long propertiesSet;
  long labelsAdded;
  long elapsedNanos;
  Path rejectsFile;
  final Map<String, Long> skipped = new TreeMap<>();
  final Map<Problem.Kind, Long> problemsByKind = new EnumMap<>(Problem.Kind.class);
  final List<Problem> problems = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  ImportReport(String source, Path input, boolean dryRun) {
    this.source = source;
    this.input = String.valueOf(input);
    this.dryRun = dryRun;
  }

  public String source() {
    return source;
  }

  public String input() {
    return input;
  }

  public boolean dryRun() {
    return dryRun;
  }

  public long rowsRead() {
    return rowsRead;
  }

  public long rowsWritten() {
    return rowsWritten;
  }

  public long rowsRejected() {
    return rowsRejected;
  }

  public long rowsSkipped() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  public Map<String, Long> skipped() {
    return Collections.unmodifiableMap(skipped);
  }

  public long derivedWrites() {
    return derivedWrites;
  }

  public long batches() {
    return batches;
  }

  public long nodesCreated() {
    return nodesCreated;
  }

  public long relationshipsCreated() {
    return relationshipsCreated;
  }

  public long propertiesSet() {
    return propertiesSet;
  }

  public long labelsAdded() {
    return labelsAdded;
  }

  public long nodesDeleted() {
    return nodesDeleted;
  }

  public long relationshipsDeleted() {
    return relationshipsDeleted;
  }

  public double seconds() {
    return elapsedNanos / 1e9;
  }

  public Path rejectsFile() {
    return rejectsFile;
  }

  public List<Problem> problems() {
    return Collections.unmodifiableList(problems);
  }

  public Map<Problem.Kind, Long> problemsByKind() {
    return Collections.unmodifiableMap(problemsByKind);
  }

  public List<String> notes() {
    return Collections.unmodifiableList(notes);
  }

  /** Input records per second over the whole import, validation included. */
  public double rowsPerSecond() {
    return elapsedNanos == 0 ? 0 : rowsRead / seconds();
  }

  void problem(Problem p) {
    problemsByKind.merge(p.kind(), 1L, Long::sum);
    if (problems.size() < MAX_PROBLEMS_KEPT) problems.add(p);
  }

  /** A human summary, a few lines. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "%s%s from %s%n", source, dryRun ? " (dry run, nothing written)" : "", input));
    sb.append(
        String.format(
            "  rows: %,d read, %,d written, %,d skipped, %,d rejected%n",
            rowsRead, rowsWritten, rowsSkipped(), rowsRejected));
    skipped.forEach((reason, n) -> sb.append(String.format("    skipped %,d: %s%n", n, reason)));
    if (!dryRun) {
      sb.append(
          String.format(
              "  graph: %,d nodes created, %,d relationships created, %,d properties set"
                  + " (%,d batches, %,d derived writes)%n",
              nodesCreated, relationshipsCreated, propertiesSet, batches, derivedWrites));
    }
    sb.append(String.format("  time: %.1f s, %,.0f rows/s%n", seconds(), rowsPerSecond()));
    for (String n : notes) sb.append("  note: ").append(n).append(System.lineSeparator());
    int shown = 0;
    for (Problem p : problems) {
      if (shown++ == 10) {
        sb.append(String.format("  ... %,d more problems%n", rowsRejected - 10));
        break;
      }
      sb.append("  rejected ")
          .append(p.kind())
          .append(' ')
          .append(p)
          .append(System.lineSeparator());
    }
    if (rejectsFile != null)
      sb.append("  rejects: ").append(rejectsFile).append(System.lineSeparator());
    return sb.toString();
  }

  /** The report as plain maps and lists, for JSON output. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", source);
    m.put("input", input);
    m.put("dryRun", dryRun);
    m.put("rowsRead", rowsRead);
    m.put("rowsWritten", rowsWritten);
    m.put("rowsSkipped", rowsSkipped());
    m.put("skipped", new LinkedHashMap<>(skipped));
    m.put("rowsRejected", rowsRejected);
    Map<String, Long> kinds = new LinkedHashMap<>();
    problemsByKind.forEach((k, v) -> kinds.put(k.name(), v));
    m.put("rejectedByKind", kinds);
    m.put("nodesCreated", nodesCreated);
    m.put("relationshipsCreated", relationshipsCreated);
    m.put("propertiesSet", propertiesSet);
    m.put("labelsAdded", labelsAdded);
    m.put("batches", batches);
    m.put("derivedWrites", derivedWrites);
    m.put("seconds", Math.round(seconds() * 1000) / 1000.0);
    m.put("rowsPerSecond", Math.round(rowsPerSecond()));
    m.put("rejectsFile", rejectsFile == null ? null : rejectsFile.toString());
    List<Map<String, Object>> ps = new ArrayList<>();
    for (Problem p : problems) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("kind", p.kind().name());
      pm.put("file", p.at().file());
      pm.put("line", p.at().line());
      pm.put("field", p.at().field());
      pm.put("message", p.message());
      ps.add(pm);
    }
    m.put("problems", ps);
    m.put("notes", List.copyOf(notes));
    return m;
  }

  @Override
  public String toString() {
    return toText();
  }
}
