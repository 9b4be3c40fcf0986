package dev.talentgraph.importers.snap;

import dev.talentgraph.importers.ImportContext;
import dev.talentgraph.importers.ImportFailedException;
import dev.talentgraph.importers.Importer;
import dev.talentgraph.importers.Location;
import dev.talentgraph.importers.Problem;
import dev.talentgraph.importers.RowSink;
import dev.talentgraph.importers.Statement;
import dev.talentgraph.importers.Write;
import dev.talentgraph.importers.io.DelimitedReader;
import dev.talentgraph.importers.io.SourceFiles;
import dev.talentgraph.importers.io.TextLines;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A SNAP-style edge list: {@code #} comment lines, then two node ids per line separated by a tab or
 * spaces, each undirected pair usually listed in both directions. Nodes become experts ({@code
 * snap:<file stem>:<node id>}, so two SNAP graphs never share ids) and each unordered pair one
 * COLLABORATED_WITH from the smaller id to the larger. A second direction of a pair and self-loops
 * are skipped with their reason; SNAP graphs carry no years or counts, so none are invented.
 *
 * <p>Input: an edge list file, or a folder holding exactly one {@code .txt} edge list.
 */
public final class SnapImporter implements Importer {
  public static final String SOURCE = "snap";

  static final Statement NODE =
      Statement.nodes(
          "snap-node",
          "MERGE (e:"
              + Labels.EXPERT
              + " {"
              + Props.ID
              + ": row.id}) ON CREATE SET e."
              + Props.NAME
              + " = row.name"
              + " SET e."
              + Props.SOURCE
              + " = '"
              + SOURCE
              + "', e.snapGraph = row.graph");
  static final Statement EDGE =
      Statement.relationships(
          "snap-edge",
          "MATCH (a:"
              + Labels.EXPERT
              + " {"
              + Props.ID
              + ": row.a}) MATCH (b:"
              + Labels.EXPERT
              + " {"
              + Props.ID
              + ": row.b})"
              + " MERGE (a)-[r:"
              + RelTypes.COLLABORATED_WITH
              + "]->(b) SET r."
              + Props.SOURCE
              + " = '"
              + SOURCE
              + "'");

  @Override
  public String name() {
    return SOURCE;
  }

  @Override
  public String usage() {
    return "a SNAP edge list (e.g. snap/ca-GrQc.txt), or its folder";
  }

  public static String nodeId(String graph, long node) {
    return SOURCE + ":" + graph + ":" + node;
  }

  @Override
  public void read(Path input, ImportContext ctx, RowSink out) throws IOException {
    Path file = input;
    if (Files.isDirectory(input)) {
      List<Path> lists;
      try (Stream<Path> s = Files.list(input)) {
        lists =
            s.filter(
                    p ->
                        p.getFileName().toString().endsWith(".txt")
                            && !p.getFileName().toString().equals("SOURCE.txt"))
                .toList();
      }
      if (lists.size() != 1) {
        throw new ImportFailedException(
            Problem.of(
                Problem.Kind.MISSING_FILE,
                Location.file(input.toString()),
                "expected one edge list (*.txt) in the folder, found " + lists.size()));
      }
      file = lists.get(0);
    }
    Path folder = SourceFiles.folder(file);
    String display = SourceFiles.display(folder, file);
    DelimitedReader.requireNonEmptyFile(file, display);
    String name = file.getFileName().toString();
    String graph = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    Set<Long> nodes = new HashSet<>();
    Set<Long> pairs = new HashSet<>();
    boolean any = false;
    try (TextLines lines = new TextLines(file, display, TextLines.Decoding.STRICT_UTF8)) {
      for (TextLines.Line line = lines.next(); line != null; line = lines.next()) {
        String text = line.text().strip();
        if (text.isEmpty() || text.startsWith("#")) continue;
        any = true;
        Location at = Location.line(display, line.number());
        if (line.problem() != null) {
          out.reject(line.problem(), text);
          continue;
        }
        String[] parts = text.split("[\\t ]+");
        if (parts.length != 2) {
          out.reject(
              Problem.of(
                  Problem.Kind.COLUMN_COUNT,
                  at,
                  "expected 2 node ids, found " + parts.length + " fields"),
              text);
          continue;
        }
        long a;
        long b;
        try {
          a = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
          out.reject(
              Problem.of(
                  Problem.Kind.BAD_NUMBER,
                  at.field("column 1"),
                  "'" + parts[0] + "' is not a node id"),
              text);
          continue;
        }
        try {
          b = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
          out.reject(
              Problem.of(
                  Problem.Kind.BAD_NUMBER,
                  at.field("column 2"),
                  "'" + parts[1] + "' is not a node id"),
              text);
          continue;
        }
        if (a < 0 || b < 0 || a > Integer.MAX_VALUE || b > Integer.MAX_VALUE) {
          out.reject(
              Problem.of(Problem.Kind.BAD_VALUE, at, "node ids must be between 0 and 2^31-1"),
              text);
          continue;
        }
        List<Write> writes = new ArrayList<>(3);
        for (long n : new long[] {a, b}) {
          if (nodes.add(n))
            writes.add(
                new Write(
                    NODE,
                    Map.of(Props.ID, nodeId(graph, n), "name", graph + " #" + n, "graph", graph)));
        }
        if (a == b) {
          if (writes.isEmpty()) out.skip(at, "self-loop");
          else out.accept(at, writes); // the node exists, the loop is not a collaboration
          continue;
        }
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        if (!pairs.add(lo << 32 | hi)) {
          out.skip(at, "pair already read in the other direction");
          continue;
        }
        writes.add(new Write(EDGE, Map.of("a", nodeId(graph, lo), "b", nodeId(graph, hi))));
        out.accept(at, writes);
      }
    }
    if (!any) {
      throw new ImportFailedException(
          Problem.of(Problem.Kind.EMPTY_FILE, Location.file(display), "no edges, only comments"));
    }
    out.note(String.format("%,d nodes, %,d undirected pairs", nodes.size(), pairs.size()));
  }
}
