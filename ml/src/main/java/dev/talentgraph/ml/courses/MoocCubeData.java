package dev.talentgraph.ml.courses;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reader of the MOOCCube course data as preprocessed for KGAN (Zhang et al., Expert Systems with
 * Applications 211:118344, 2023; MOOCCube: Yu et al., ACL 2020).
 *
 * <p>{@code ratings_final.txt} holds {@code user course label}; label 1 rows are real enrolments,
 * label 0 rows are negatives the KGAN authors sampled. The negatives are ignored on purpose: they
 * were drawn knowing every enrolment of the learner, so training on them would tell a model which
 * courses are <em>not</em> the held-out one. {@code kg_final.txt} holds {@code head relation tail}
 * triples whose heads are courses; relation {@value #CONCEPT_RELATION} links a course to a concept
 * (16,821 of 17,893 triples). Course ids are the indices below the number of courses seen in the
 * ratings file.
 */
public final class MoocCubeData {
  /** Relation id of course-concept triples in kg_final.txt. */
  public static final int CONCEPT_RELATION = 5;

  private MoocCubeData() {}

  /**
   * Reads both files of {@code dir}. Throws {@link IllegalArgumentException} naming file, line and
   * field on malformed input; {@link java.nio.file.NoSuchFileException} if a file is missing.
   */
  public static Interactions load(Path dir) throws IOException {
    Path ratings = dir.resolve("ratings_final.txt");
    Path kg = dir.resolve("kg_final.txt");
    TreeMap<Integer, TreeSet<Integer>> byUser = new TreeMap<>();
    int maxCourse = -1;
    int maxUser = -1;
    try (BufferedReader in = Files.newBufferedReader(ratings, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        if (f.length != 3) {
          throw bad(
              ratings, lineNo, "row", "expected 3 fields 'user course label', got " + f.length);
        }
        int user = parse(ratings, lineNo, "user", f[0]);
        int course = parse(ratings, lineNo, "course", f[1]);
        int label = parse(ratings, lineNo, "label", f[2]);
        if (label != 0 && label != 1) {
          throw bad(ratings, lineNo, "label", "must be 0 or 1, was " + label);
        }
        maxCourse = Math.max(maxCourse, course);
        maxUser = Math.max(maxUser, user);
        if (label == 1) {
          byUser.computeIfAbsent(user, u -> new TreeSet<>()).add(course);
        }
      }
    }
    if (byUser.isEmpty()) {
      throw new IllegalArgumentException(ratings + ": no enrolment (label 1) rows");
    }
    int numItems = maxCourse + 1;
    List<int[]> users = new ArrayList<>(byUser.size());
    for (TreeSet<Integer> items : byUser.values()) {
      users.add(items.stream().mapToInt(Integer::intValue).toArray());
    }

    Map<Integer, TreeSet<Integer>> conceptsOf = new HashMap<>();
    Map<Integer, Integer> conceptIndex = new TreeMap<>();
    if (Files.exists(kg)) {
      List<int[]> pairs = new ArrayList<>();
      try (BufferedReader in = Files.newBufferedReader(kg, StandardCharsets.UTF_8)) {
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
          lineNo++;
          if (line.isBlank()) {
            continue;
          }
          String[] f = line.trim().split("\\s+");
          if (f.length != 3) {
            throw bad(kg, lineNo, "row", "expected 3 fields 'head relation tail', got " + f.length);
          }
          int head = parse(kg, lineNo, "head", f[0]);
          int rel = parse(kg, lineNo, "relation", f[1]);
          int tail = parse(kg, lineNo, "tail", f[2]);
          if (rel == CONCEPT_RELATION && head < numItems) {
            pairs.add(new int[] {head, tail});
          }
        }
      }
      new TreeSet<>(pairs.stream().map(p -> p[1]).toList())
          .forEach(t -> conceptIndex.put(t, conceptIndex.size()));
      for (int[] p : pairs) {
        conceptsOf.computeIfAbsent(p[0], c -> new TreeSet<>()).add(conceptIndex.get(p[1]));
      }
    }
    int[][] itemConcepts = new int[numItems][];
    for (int i = 0; i < numItems; i++) {
      TreeSet<Integer> cs = conceptsOf.get(i);
      itemConcepts[i] = cs == null ? new int[0] : cs.stream().mapToInt(Integer::intValue).toArray();
    }
    return new Interactions(
        numItems, users.toArray(new int[0][]), itemConcepts, conceptIndex.size());
  }

  private static int parse(Path file, int line, String field, String value) {
    try {
      int v = Integer.parseInt(value);
      if (v < 0) {
        throw bad(file, line, field, "must not be negative, was " + v);
      }
      return v;
    } catch (NumberFormatException e) {
      throw bad(file, line, field, "not an integer: '" + value + "'");
    }
  }

  private static IllegalArgumentException bad(Path file, int line, String field, String msg) {
    return new IllegalArgumentException(file + ":" + line + ": field '" + field + "' " + msg);
  }
}
