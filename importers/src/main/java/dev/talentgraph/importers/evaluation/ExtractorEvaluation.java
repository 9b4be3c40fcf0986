package dev.talentgraph.importers.evaluation;

import dev.talentgraph.importers.ImportContext;
import dev.talentgraph.importers.io.Csv;
import dev.talentgraph.importers.io.DelimitedReader;
import dev.talentgraph.importers.io.Fields;
import dev.talentgraph.importers.io.Header;
import dev.talentgraph.importers.io.Row;
import dev.talentgraph.importers.io.SourceFiles;
import dev.talentgraph.importers.io.TextLines;
import dev.talentgraph.importers.io.TextRepair;
import dev.talentgraph.importers.resumes.ResumeImporter;
import dev.talentgraph.importers.skills.SkillExtractor;
import dev.talentgraph.importers.skills.SkillMatch;
import dev.talentgraph.importers.skills.Tokens;
import dev.talentgraph.schema.i18n.Languages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Measures the skill extractor over the taxonomy in the graph on the data sets' own text: (a)
 * coverage of the resumes ({@code resumes/UpdatedResumeDataSet.csv}) and job postings ({@code
 * jobs/job_skills.csv}) before and after the English synonyms of {@code import esco-i18n}, with
 * precision estimated from hand judgements of a seeded sample of (document, skill) pairs, split
 * into pairs both dictionaries find and pairs only the synonyms add; (b) cross-language agreement:
 * for every occupation described in English and in another language ({@code
 * esco-i18n/occupations-v1.0.8}), the Jaccard overlap of the skills extracted from the two
 * descriptions, per language. The documents are read as the resume and posting importers read them.
 */
public final class ExtractorEvaluation {
  private ExtractorEvaluation() {}

  /** One document: an id naming its file line ({@code resume:L12}, {@code posting:L7}) and text. */
  public record Document(String id, String text) {}

  /** Coverage of one corpus under one dictionary. */
  public record Coverage(
      String corpus, String dictionary, int documents, int withSkill, long skillMentions) {
    public double share() {
      return documents == 0 ? 0 : withSkill / (double) documents;
    }

    public double perDocument() {
      return documents == 0 ? 0 : skillMentions / (double) documents;
    }
  }

  /** Precision of one stratum of judged pairs. */
  public record Precision(String stratum, long population, int judged, int correct) {
    public double value() {
      return judged == 0 ? Double.NaN : correct / (double) judged;
    }
  }

  /** Agreement of one language with English. */
  public record Agreement(
      String language, int occupations, int bothEmpty, double meanJaccard, double medianJaccard) {}

  /** A (document, skill) pair to judge. */
  public record Pair(String documentId, String skillId, String skillName, String context) {}

  public record Report(
      List<Coverage> coverage,
      List<Precision> precision,
      double precisionBefore,
      double precisionAfter,
      List<Agreement> agreement,
      int dictionaryBefore,
      int dictionaryAfter) {}

  public static List<Document> resumes(Path datasets, ImportContext ctx) throws IOException {
    Path folder = datasets.resolve("resumes");
    Path file = SourceFiles.require(folder, "UpdatedResumeDataSet.csv");
    List<Document> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (DelimitedReader r = Csv.csv(folder, file, ctx)) {
      Header h = r.header();
      for (Row row = r.next(); row != null; row = r.next()) {
        if (row.problem() != null || row.size() != h.size()) continue;
        String text = ResumeImporter.repair(new Fields(row, h).optional("Resume"));
        if (text.isEmpty() || !seen.add(Tokens.normal(text))) continue;
        out.add(new Document("resume:L" + row.line(), text));
      }
    }
    return out;
  }

  public static List<Document> postings(Path datasets, ImportContext ctx) throws IOException {
    Path folder = datasets.resolve("jobs");
    Path file = SourceFiles.require(folder, "job_skills.csv");
    List<Document> out = new ArrayList<>();
    try (DelimitedReader r =
        DelimitedReader.open(
            file,
            SourceFiles.display(folder, file),
            ';',
            true,
            TextLines.Decoding.STRICT_UTF8,
            ctx.options().maxFieldChars())) {
      Header h = r.header();
      for (Row row = r.next(); row != null; row = r.next()) {
        if (row.problem() != null || row.size() != h.size()) continue;
        Fields f = new Fields(row, h);
        StringBuilder sb = new StringBuilder();
        for (String c :
            List.of(
                "Title",
                "Responsibilities",
                "Minimum Qualifications",
                "Preferred Qualifications")) {
          String v = f.optional(c);
          if (v != null) sb.append(TextRepair.fixMojibake(v).strip()).append('\n');
        }
        out.add(new Document("posting:L" + row.line(), sb.toString().strip()));
      }
    }
    return out;
  }

  /** Occupation id -> description, for one language of {@code esco-i18n/occupations-v1.0.8}. */
  public static Map<String, String> occupationDescriptions(
      Path datasets, String lang, ImportContext ctx) throws IOException {
    Path folder = datasets.resolve("esco-i18n").resolve("occupations-v1.0.8");
    Path file = folder.resolve("occupations_" + lang + ".csv");
    Map<String, String> out = new TreeMap<>();
    if (!Files.isRegularFile(file)) return out;
    try (DelimitedReader r = Csv.csv(folder, file, ctx)) {
      Header h = r.header();
      for (Row row = r.next(); row != null; row = r.next()) {
        if (row.problem() != null || row.size() != h.size()) continue;
        Fields f = new Fields(row, h);
        String d = f.optional("description");
        if (d != null) out.put(f.optional("conceptUri"), d);
      }
    }
    return out;
  }

  static Set<String> skills(SkillExtractor e, String text) {
    return e.distinctSkills(text).stream()
        .map(SkillMatch::skillId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The judgements of a TSV file: {@code documentId, skillId, y|n, ...} per line ({@code #}
   * comments), keyed {@code documentId skillId}.
   */
  public static Map<String, Boolean> judgements(Path file) throws IOException {
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] p = line.split("\t");
      if (p.length < 3 || !(p[2].equals("y") || p[2].equals("n")))
        throw new IllegalArgumentException(file + ": bad judgement line: " + line);
      out.put(p[0] + " " + p[1], p[2].equals("y"));
    }
    return out;
  }

  /**
   * The seeded sample to judge: {@code perStratum} pairs found by both dictionaries and as many
   * found only with the English synonyms.
   */
  public static List<Pair> sample(
      List<Document> docs, SkillExtractor before, SkillExtractor after, int perStratum, long seed) {
    List<Pair> both = new ArrayList<>();
    List<Pair> added = new ArrayList<>();
    for (Document d : docs) {
      Set<String> b = skills(before, d.text());
      for (SkillMatch m : after.distinctSkills(d.text())) {
        Pair p = new Pair(d.id(), m.skillId(), m.skillName(), m.context(d.text(), 50));
        (b.contains(m.skillId()) ? both : added).add(p);
      }
    }
    List<Pair> out = new ArrayList<>();
    Random rnd = new Random(seed);
    for (List<Pair> stratum : List.of(both, added)) {
      List<Pair> copy = new ArrayList<>(stratum);
      java.util.Collections.shuffle(copy, rnd);
      out.addAll(copy.subList(0, Math.min(perStratum, copy.size())));
    }
    return out;
  }

  public static Report run(
      Path datasets,
      ImportContext ctx,
      SkillExtractor before,
      SkillExtractor after,
      SkillExtractor multilingual,
      Map<String, Boolean> judged,
      java.util.function.Consumer<String> progress)
      throws IOException {
    List<Coverage> coverage = new ArrayList<>();
    long both = 0;
    long added = 0;
    int[] bothJudged = new int[2];
    int[] addedJudged = new int[2];
    Map<String, List<Document>> corpora = new LinkedHashMap<>();
    progress.accept("reading resumes and postings");
    corpora.put("resumes", resumes(datasets, ctx));
    corpora.put("postings", postings(datasets, ctx));
    for (var c : corpora.entrySet()) {
      int withBefore = 0;
      int withAfter = 0;
      long mentionsBefore = 0;
      long mentionsAfter = 0;
      for (Document d : c.getValue()) {
        Set<String> b = skills(before, d.text());
        Set<String> a = skills(after, d.text());
        if (!b.isEmpty()) withBefore++;
        if (!a.isEmpty()) withAfter++;
        mentionsBefore += b.size();
        mentionsAfter += a.size();
        for (String s : a) {
          boolean inBoth = b.contains(s);
          if (inBoth) both++;
          else added++;
          Boolean j = judged.get(d.id() + " " + s);
          if (j == null) continue;
          int[] t = inBoth ? bothJudged : addedJudged;
          t[0]++;
          if (j) t[1]++;
        }
      }
      int n = c.getValue().size();
      coverage.add(new Coverage(c.getKey(), "before", n, withBefore, mentionsBefore));
      coverage.add(new Coverage(c.getKey(), "after", n, withAfter, mentionsAfter));
      progress.accept(c.getKey() + ": " + n + " documents");
    }
    Precision pb = new Precision("found without synonyms", both, bothJudged[0], bothJudged[1]);
    Precision pa = new Precision("added by synonyms", added, addedJudged[0], addedJudged[1]);
    double precisionBefore = pb.value();
    double precisionAfter =
        both + added == 0 ? Double.NaN : (both * pb.value() + added * pa.value()) / (both + added);

    progress.accept("extracting from occupation descriptions in " + Languages.ALL);
    Map<String, String> english = occupationDescriptions(datasets, Languages.ENGLISH, ctx);
    Map<String, Set<String>> englishSkills = new LinkedHashMap<>();
    english.forEach((uri, d) -> englishSkills.put(uri, skills(multilingual, d)));
    List<Agreement> agreement = new ArrayList<>();
    for (String lang : Languages.ALL) {
      if (lang.equals(Languages.ENGLISH)) continue;
      List<Double> js = new ArrayList<>();
      int bothEmpty = 0;
      for (var e : occupationDescriptions(datasets, lang, ctx).entrySet()) {
        Set<String> en = englishSkills.get(e.getKey());
        if (en == null) continue;
        Set<String> other = skills(multilingual, e.getValue());
        Set<String> union = new HashSet<>(en);
        union.addAll(other);
        if (union.isEmpty()) {
          bothEmpty++; // no skill on either side: no evidence of agreement, left out of the mean
          continue;
        }
        Set<String> inter = new HashSet<>(en);
        inter.retainAll(other);
        js.add(inter.size() / (double) union.size());
      }
      js.sort(Double::compare);
      double mean = js.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      double median = js.isEmpty() ? Double.NaN : js.get(js.size() / 2);
      agreement.add(new Agreement(lang, js.size(), bothEmpty, mean, median));
    }
    return new Report(
        coverage,
        List.of(pb, pa),
        precisionBefore,
        precisionAfter,
        agreement,
        before.dictionary().patternCount(),
        after.dictionary().patternCount());
  }

  /** The report as Markdown tables, for a terminal and the README. */
  public static String table(Report r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Coverage (dictionary patterns: %,d before, %,d after the English synonyms)%n%n",
            r.dictionaryBefore(),
            r.dictionaryAfter()));
    sb.append(
        "| corpus | documents | with a skill, before | after | skills/doc, before | after |\n");
    sb.append("|---|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < r.coverage().size(); i += 2) {
      Coverage b = r.coverage().get(i);
      Coverage a = r.coverage().get(i + 1);
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %.1f%% | %.1f%% | %.2f | %.2f |%n",
              b.corpus(),
              b.documents(),
              100 * b.share(),
              100 * a.share(),
              b.perDocument(),
              a.perDocument()));
    }
    sb.append("\nPrecision on the hand-judged sample\n\n");
    sb.append("| stratum | pairs in the corpora | judged | correct | precision |\n");
    sb.append("|---|---:|---:|---:|---:|\n");
    for (Precision p : r.precision())
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %d | %d | %.2f |%n",
              p.stratum(),
              p.population(),
              p.judged(),
              p.correct(),
              p.value()));
    sb.append(
        String.format(
            Locale.ROOT,
            "%nEstimated precision: %.2f before, %.2f after (strata weighted by their pairs)%n",
            r.precisionBefore(),
            r.precisionAfter()));
    sb.append("\nCross-language agreement (occupation descriptions, skills vs English)\n\n");
    sb.append("| language | occupations | both empty | mean Jaccard | median Jaccard |\n");
    sb.append("|---|---:|---:|---:|---:|\n");
    for (Agreement a : r.agreement())
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %.3f | %.3f |%n",
              a.language(),
              a.occupations(),
              a.bothEmpty(),
              a.meanJaccard(),
              a.medianJaccard()));
    return sb.toString();
  }
}
