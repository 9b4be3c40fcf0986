package dev.talentgraph.ml.collab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ACL Anthology Network read from its TSV files ({@code papers.tsv}: paper_id, year, venue,
 * title; {@code paper_authors.tsv}: paper_id, author_position, author), for the temporal protocol.
 * Author strings are the expert ids (AAN does not disambiguate them).
 *
 * <p>A snapshot up to a year holds only what was known then: co-authorships of papers up to that
 * year (count, first and last year), the title terms of those papers as skills, their venues as
 * groups and their years as activity. Nothing from a later paper leaks into it.
 */
public final class AanCorpus {

  /** One paper with its authors in order. */
  public record Paper(String id, int year, String venue, String title, List<String> authors) {}

  private final List<Paper> papers;

  private AanCorpus(List<Paper> papers) {
    this.papers = List.copyOf(papers);
  }

  public List<Paper> papers() {
    return papers;
  }

  /** Reads and validates both files; the first bad row fails with its file, line and field. */
  public static AanCorpus load(Path dir) {
    Path papersFile = dir.resolve("papers.tsv");
    Path authorsFile = dir.resolve("paper_authors.tsv");
    for (Path p : List.of(papersFile, authorsFile)) {
      if (!Files.isRegularFile(p)) {
        throw new CollabDataException(
            "AAN directory "
                + dir
                + " lacks "
                + p.getFileName()
                + " (expected papers.tsv and paper_authors.tsv)");
      }
    }
    Map<String, Paper> byId = new LinkedHashMap<>();
    Map<String, List<String>> authors = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(papersFile, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      expectHeader(papersFile, line, "paper_id", "year", "venue", "title");
      long no = 1;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) continue;
        String[] f = fields(line, 4, papersFile, no);
        String id = f[0].trim();
        if (id.isEmpty()) throw CollabDataException.at(papersFile, no, "paper_id", "empty");
        int year = parseYear(f[1], papersFile, no);
        if (byId.containsKey(id))
          throw CollabDataException.at(papersFile, no, "paper_id", "duplicate id " + id);
        List<String> list = new ArrayList<>(4);
        authors.put(id, list);
        byId.put(id, new Paper(id, year, f[2].trim(), f[3].trim(), list));
      }
    } catch (IOException e) {
      throw new CollabDataException("cannot read " + papersFile + ": " + e.getMessage(), e);
    }
    try (BufferedReader r = Files.newBufferedReader(authorsFile, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      expectHeader(authorsFile, line, "paper_id", "author_position", "author");
      long no = 1;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) continue;
        String[] f = fields(line, 3, authorsFile, no);
        List<String> list = authors.get(f[0].trim());
        if (list == null)
          throw CollabDataException.at(authorsFile, no, "paper_id", "unknown paper " + f[0].trim());
        String author = f[2].trim();
        if (author.isEmpty()) throw CollabDataException.at(authorsFile, no, "author", "empty");
        if (!list.contains(author)) list.add(author);
      }
    } catch (IOException e) {
      throw new CollabDataException("cannot read " + authorsFile + ": " + e.getMessage(), e);
    }
    if (byId.isEmpty()) throw new CollabDataException(papersFile + " holds no papers");
    return new AanCorpus(new ArrayList<>(byId.values()));
  }

  private static void expectHeader(Path file, String line, String... names) {
    if (line == null) throw new CollabDataException(file + " is empty (expected a header line)");
    String[] f = line.split("\t", -1);
    for (int i = 0; i < names.length; i++) {
      if (i >= f.length || !f[i].trim().equals(names[i])) {
        throw CollabDataException.at(
            file, 1, names[i], "header expected " + String.join("\\t", names));
      }
    }
  }

  private static String[] fields(String line, int n, Path file, long no) {
    String[] f = line.split("\t", -1);
    if (f.length < n) {
      throw CollabDataException.at(
          file, no, "line", "expected " + n + " tab-separated fields, found " + f.length);
    }
    for (int i = n; i < f.length; i++) {
      if (!f[i].isBlank())
        throw CollabDataException.at(file, no, "line", "unexpected field " + (i + 1) + ": " + f[i]);
    }
    return f;
  }

  private static int parseYear(String s, Path file, long no) {
    try {
      int y = Integer.parseInt(s.trim());
      if (y < 1900 || y > 2100)
        throw CollabDataException.at(file, no, "year", "out of range: " + s);
      return y;
    } catch (NumberFormatException e) {
      throw CollabDataException.at(file, no, "year", "not a year: '" + s + "'");
    }
  }

  public int firstYear() {
    return papers.stream().mapToInt(Paper::year).min().orElseThrow();
  }

  public int lastYear() {
    return papers.stream().mapToInt(Paper::year).max().orElseThrow();
  }

  /** The graph as it stood at the end of {@code year}: nothing from a later paper. */
  public CollabGraph graphUpTo(int year) {
    CollabGraph.Builder b = CollabGraph.builder();
    for (Paper p : papers) {
      if (p.year() > year) continue;
      List<String> terms = TitleTerms.of(p.title());
      for (String a : p.authors()) {
        b.expert(a, a);
        b.activity(a, p.year());
        if (!p.venue().isEmpty()) b.group(a, p.venue(), 1f);
        for (String t : terms) b.skill(a, "term:" + t, t, 1f);
      }
      List<String> as = p.authors();
      for (int i = 0; i < as.size(); i++) {
        for (int j = i + 1; j < as.size(); j++)
          b.collaboration(as.get(i), as.get(j), 1, p.year(), p.year());
      }
    }
    return b.build(year);
  }

  /**
   * Pairs that first co-author a paper in {@code (afterYear, untilYear]}, both of whom already have
   * a collaboration in {@code g} (the snapshot at afterYear), and who are not linked in it. Keys as
   * {@link CollabGraph#pairKey} over g's indices, sorted.
   */
  public long[] newPairs(CollabGraph g, int afterYear, int untilYear) {
    Set<Long> out = new HashSet<>();
    for (Paper p : papers) {
      if (p.year() <= afterYear || p.year() > untilYear) continue;
      List<String> as = p.authors();
      for (int i = 0; i < as.size(); i++) {
        Integer u = g.indexOf(as.get(i)).orElse(null);
        if (u == null || g.degree(u) == 0) continue;
        for (int j = i + 1; j < as.size(); j++) {
          Integer v = g.indexOf(as.get(j)).orElse(null);
          if (v == null || g.degree(v) == 0 || u.equals(v) || g.hasEdge(u, v)) continue;
          out.add(CollabGraph.pairKey(u, v));
        }
      }
    }
    return out.stream().mapToLong(Long::longValue).sorted().toArray();
  }
}
