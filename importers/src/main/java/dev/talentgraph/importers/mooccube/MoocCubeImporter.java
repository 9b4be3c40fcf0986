package dev.talentgraph.importers.mooccube;

import dev.talentgraph.importers.ImportContext;
import dev.talentgraph.importers.Importer;
import dev.talentgraph.importers.Location;
import dev.talentgraph.importers.Problem;
import dev.talentgraph.importers.RowException;
import dev.talentgraph.importers.RowSink;
import dev.talentgraph.importers.Statement;
import dev.talentgraph.importers.Write;
import dev.talentgraph.importers.io.DelimitedReader;
import dev.talentgraph.importers.io.Fields;
import dev.talentgraph.importers.io.SourceFiles;
import dev.talentgraph.importers.io.TextLines;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * MOOCCube as preprocessed for KGAN: {@code ratings_final.txt} (user index, course index, label)
 * and {@code kg_final.txt} (head, relation, tail), all whitespace-separated integers.
 *
 * <p><b>What the numbers are.</b> They are row indices assigned by the KGAN preprocessing, not
 * MOOCCube/XuetangX ids: user {@code 17} here cannot be looked up anywhere else, and the files
 * carry no names. Course indices are 0-218; in {@code kg_final.txt} every head is a course and the
 * tails of each relation occupy their own index range (relation 5, 16,821 triples over entities
 * 977-2070, is the course-concept relation; relations 0-4 and 6 are other course attributes whose
 * meaning the files do not say). So the graph gets courses {@code mooccube:course/<i>}, learners
 * {@code mooccube:user/<i>} (as experts), concepts {@code mooccube:concept/<i>} (skills without a
 * real name, never used by the skill extractor), ENROLLED for label 1 and TEACHES for relation 5;
 * the other relations are kept on the course as {@code kgR<n>} lists of entity indices, nothing
 * invented.
 *
 * <p><b>Label 0 rows are not enrolments.</b> They are negatives sampled for training (one per
 * positive), so they are skipped with that reason and never become ENROLLED.
 */
public final class MoocCubeImporter implements Importer {
  public static final String SOURCE = "mooccube";

  /** kg_final.txt relation of courses to concepts. */
  public static final int CONCEPT_RELATION = 5;

  static final Statement COURSE =
      Statement.nodes(
          "mooccube-course",
          "MERGE (c:" + Labels.COURSE + " {" + Props.ID + ": row.id}) SET c += row.props");
  static final Statement CONCEPT =
      Statement.nodes(
          "mooccube-concept",
          "MERGE (s:" + Labels.SKILL + " {" + Props.ID + ": row.id}) SET s += row.props");
  static final Statement LEARNER =
      Statement.nodes(
          "mooccube-learner",
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
              + "'");
  static final Statement TEACHES =
      Statement.relationships(
          "mooccube-teaches",
          "MATCH (c:"
              + Labels.COURSE
              + " {"
              + Props.ID
              + ": row.course}) MATCH (s:"
              + Labels.SKILL
              + " {"
              + Props.ID
              + ": row.concept})"
              + " MERGE (c)-[r:"
              + RelTypes.TEACHES
              + "]->(s) SET r."
              + Props.SOURCE
              + " = '"
              + SOURCE
              + "'");
  static final Statement ENROLLED =
      Statement.relationships(
          "mooccube-enrolled",
          "MATCH (e:"
              + Labels.EXPERT
              + " {"
              + Props.ID
              + ": row.user}) MATCH (c:"
              + Labels.COURSE
              + " {"
              + Props.ID
              + ": row.course})"
              + " MERGE (e)-[r:"
              + RelTypes.ENROLLED
              + "]->(c) SET r."
              + Props.SOURCE
              + " = '"
              + SOURCE
              + "'");
  static final Statement ATTRIBUTES =
      Statement.of(
          "mooccube-course-attributes",
          Statement.LATE,
          "MATCH (c:" + Labels.COURSE + " {" + Props.ID + ": row.id}) SET c += row.props");

  @Override
  public String name() {
    return SOURCE;
  }

  @Override
  public String usage() {
    return "the MOOCCube folder (ratings_final.txt, kg_final.txt)";
  }

  public static String courseId(long i) {
    return SOURCE + ":course/" + i;
  }

  public static String userId(long i) {
    return SOURCE + ":user/" + i;
  }

  public static String conceptId(long i) {
    return SOURCE + ":concept/" + i;
  }

  @Override
  public void read(Path input, ImportContext ctx, RowSink out) throws IOException {
    Path folder = SourceFiles.folder(input);
    Path ratings = SourceFiles.require(folder, "ratings_final.txt");
    Path kg = SourceFiles.optional(folder, "kg_final.txt");
    DelimitedReader.requireNonEmptyFile(ratings, SourceFiles.display(folder, ratings));

    Set<Long> courses = new HashSet<>();
    Map<Long, Map<String, TreeSet<Long>>> attributes = new TreeMap<>();
    if (kg != null) {
      String display = SourceFiles.display(folder, kg);
      DelimitedReader.requireNonEmptyFile(kg, display);
      Set<Long> concepts = new HashSet<>();
      Set<String> triples = new HashSet<>();
      try (TextLines lines = new TextLines(kg, display, TextLines.Decoding.STRICT_UTF8)) {
        for (TextLines.Line line = lines.next(); line != null; line = lines.next()) {
          if (line.text().isBlank()) continue;
          try {
            long[] v = ints(display, line, 3, new String[] {"head", "relation", "tail"});
            Location at = Location.line(display, line.number());
            if (!triples.add(v[0] + " " + v[1] + " " + v[2])) {
              out.skip(at, "triple listed twice");
              continue;
            }
            List<Write> writes = new ArrayList<>();
            if (courses.add(v[0])) writes.add(course(v[0]));
            if (v[1] == CONCEPT_RELATION) {
              if (concepts.add(v[2])) {
                writes.add(
                    new Write(
                        CONCEPT,
                        Map.of(
                            Props.ID,
                            conceptId(v[2]),
                            "props",
                            Map.of(
                                Props.NAME,
                                "MOOCCube concept " + v[2],
                                Props.SOURCE,
                                SOURCE,
                                "extract",
                                false,
                                "kgIndex",
                                v[2]))));
              }
              writes.add(
                  new Write(TEACHES, Map.of("course", courseId(v[0]), "concept", conceptId(v[2]))));
            } else {
              attributes
                  .computeIfAbsent(v[0], k -> new TreeMap<>())
                  .computeIfAbsent("kgR" + v[1], k -> new TreeSet<>())
                  .add(v[2]);
            }
            out.accept(at, writes);
          } catch (RowException e) {
            out.reject(e.problem(), line.text());
          }
        }
      }
    }

    String display = SourceFiles.display(folder, ratings);
    Set<Long> users = new HashSet<>();
    Set<String> enrolments = new HashSet<>();
    try (TextLines lines = new TextLines(ratings, display, TextLines.Decoding.STRICT_UTF8)) {
      out.expect(65_000);
      for (TextLines.Line line = lines.next(); line != null; line = lines.next()) {
        if (line.text().isBlank()) continue;
        try {
          long[] v = ints(display, line, 3, new String[] {"user", "course", "label"});
          Location at = Location.line(display, line.number());
          if (v[2] != 0 && v[2] != 1)
            throw new RowException(
                Problem.Kind.BAD_VALUE, at.field("label"), "label must be 0 or 1, was " + v[2]);
          if (kg != null && !courses.contains(v[1])) {
            throw new RowException(
                Problem.Kind.UNKNOWN_REFERENCE,
                at.field("course"),
                "course " + v[1] + " is not in kg_final.txt");
          }
          if (v[2] == 0) {
            out.skip(at, "label 0: a sampled negative, not an enrolment");
            continue;
          }
          if (!enrolments.add(v[0] + " " + v[1])) {
            out.skip(at, "enrolment listed twice");
            continue;
          }
          List<Write> writes = new ArrayList<>(3);
          if (users.add(v[0]))
            writes.add(
                new Write(
                    LEARNER, Map.of(Props.ID, userId(v[0]), "name", "MOOCCube learner " + v[0])));
          if (courses.add(v[1])) writes.add(course(v[1]));
          writes.add(new Write(ENROLLED, Map.of("user", userId(v[0]), "course", courseId(v[1]))));
          out.accept(at, writes);
        } catch (RowException e) {
          out.reject(e.problem(), line.text());
        }
      }
    }
    for (var e : attributes.entrySet()) {
      Map<String, Object> props = new TreeMap<>();
      e.getValue().forEach((k, v) -> props.put(k, new ArrayList<>(v)));
      out.derived(new Write(ATTRIBUTES, Map.of(Props.ID, courseId(e.getKey()), "props", props)));
    }
    out.note(
        String.format(
            "%,d courses, %,d learners with enrolments, %,d enrolments",
            courses.size(), users.size(), enrolments.size()));
  }

  private static Write course(long i) {
    return new Write(
        COURSE,
        Map.of(
            Props.ID,
            courseId(i),
            "props",
            Map.of(Props.TITLE, "MOOCCube course " + i, Props.SOURCE, SOURCE, "kgIndex", i)));
  }

  private static long[] ints(String file, TextLines.Line line, int n, String[] names) {
    Location at = Location.line(file, line.number());
    if (line.problem() != null) throw new RowException(line.problem());
    String[] parts = line.text().strip().split("[\\t ]+");
    if (parts.length != n) {
      throw new RowException(
          Problem.Kind.COLUMN_COUNT,
          at,
          "expected " + n + " whitespace-separated integers, found " + parts.length);
    }
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = Fields.parseLong(parts[i], at.field(names[i]));
      if (v[i] < 0)
        throw new RowException(
            Problem.Kind.BAD_VALUE, at.field(names[i]), names[i] + " must not be negative");
    }
    return v;
  }
}
