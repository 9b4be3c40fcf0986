package dev.talentgraph.importers.skills;

import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.schema.i18n.Languages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;

/**
 * The surface forms the extractor looks for, each pointing at one canonical skill. Built from the
 * skills of the graph (labels and aliases of every {@code :Skill} that is not a {@code
 * :SkillGroup}), with skills joined by {@code SAME_AS} collapsed onto one canonical skill (the ESCO
 * one when there is one), so an O*NET technology and its ESCO twin are found as one skill.
 *
 * <p>Three guards keep precision up on free text:
 *
 * <ul>
 *   <li>a surface that is one short token ({@code R}, {@code C}, {@code Go}) or a capitalised name
 *       that is also an everyday word ({@code Chef}, {@code Spark}, {@code Word}) only matches with
 *       the same case;
 *   <li>well-known abbreviations ({@code NLP}, {@code ML}) match only in capitals ({@code
 *       skill-abbreviations.tsv});
 *   <li>a stop list ({@code skill-stoplist.txt}) drops surfaces that are words before they are
 *       skills.
 * </ul>
 *
 * What counts as an everyday word is learned from the skill descriptions themselves (a word used in
 * lower case in running text), plus {@code common-words.txt}.
 */
public final class SkillDictionary {
  private static final String RESOURCES = "/dev/talentgraph/importers/skills/";

  /** One skill as the dictionary sees it. */
  public record Entry(String id, String name, List<String> aliases, String source) {}

  /**
   * One pattern: folded tokens, the skill it names, the original surface, and whether case must
   * match.
   */
  record Pattern(
      String[] folded, String[] raw, String skillId, String surface, boolean caseSensitive) {}

  private final Map<String, Entry> skills;
  private final List<Pattern> patterns;
  private final Map<String, String> canonical;

  private SkillDictionary(
      Map<String, Entry> skills, List<Pattern> patterns, Map<String, String> canonical) {
    this.skills = skills;
    this.patterns = patterns;
    this.canonical = canonical;
  }

  public int skillCount() {
    return skills.size();
  }

  public int patternCount() {
    return patterns.size();
  }

  public Entry skill(String id) {
    return skills.get(id);
  }

  /** The canonical skill id for any skill id (itself when it has no SAME_AS twin). */
  public String canonical(String id) {
    return canonical.getOrDefault(id, id);
  }

  List<Pattern> patterns() {
    return patterns;
  }

  /** A read-only query of the graph: a statement and its parameters in, its records out. */
  @FunctionalInterface
  public interface GraphReader {
    List<Record> read(String cypher, Map<String, Object> params);
  }

  /**
   * Loads every skill of the graph that the extractor may use ({@code extract} not false), with its
   * labels and synonyms in every language of {@link Languages#SKILL_LANGUAGES}.
   */
  public static SkillDictionary load(GraphReader graph) {
    return load(graph, e -> false);
  }

  /**
   * Loads the extractable skills of the graph plus the non-extractable ones that {@code
   * alsoInclude} accepts (e.g. skills scoped to one corpus, to measure what they would do
   * elsewhere), in every language.
   */
  public static SkillDictionary load(
      GraphReader graph, java.util.function.Predicate<Entry> alsoInclude) {
    return load(graph, alsoInclude, Set.copyOf(Languages.SKILL_LANGUAGES));
  }

  /**
   * As {@link #load(GraphReader, java.util.function.Predicate)}, with the multilingual surfaces of
   * {@code languages} only: {@code en} adds the English synonyms ({@code altLabels_en}), another
   * language its label and synonyms. An empty set gives the names and aliases of the ESCO import
   * alone (the baseline the evaluation compares against).
   */
  public static SkillDictionary load(
      GraphReader graph, java.util.function.Predicate<Entry> alsoInclude, Set<String> languages) {
    Builder b = builder();
    StringBuilder localized = new StringBuilder();
    for (String lang : Languages.SKILL_LANGUAGES) {
      if (!lang.equals(Languages.ENGLISH))
        localized.append(", s.").append(Languages.labelKey(lang)).append(" AS label_").append(lang);
      localized.append(", s.").append(Languages.altLabelsKey(lang)).append(" AS alt_").append(lang);
    }
    for (Record r :
        graph.read(
            "MATCH (s:"
                + Labels.SKILL
                + ") WHERE NOT s:"
                + Labels.SKILL_GROUP
                + " RETURN s."
                + Props.ID
                + " AS id, s."
                + Props.NAME
                + " AS name, s."
                + Props.ALIASES
                + " AS aliases, s."
                + Props.SOURCE
                + " AS source, s."
                + Props.DESCRIPTION
                + " AS description, coalesce(s.extract, true) AS extract,"
                + " [(s)-[:"
                + RelTypes.SAME_AS
                + "]->(o:"
                + Labels.SKILL
                + ") | o."
                + Props.ID
                + "] AS same"
                + localized,
            Map.of())) {
      String id = r.get("id").asString(null);
      String name = r.get("name").asString(null);
      if (id == null || name == null) continue;
      List<String> aliases =
          r.get("aliases").isNull() ? List.of() : r.get("aliases").asList(v -> v.asString());
      Entry e = new Entry(id, name, aliases, r.get("source").asString(null));
      String d = r.get("description").asString(null);
      if (d != null && r.get("extract").asBoolean()) b.background(d);
      if (!r.get("extract").asBoolean() && !alsoInclude.test(e)) continue;
      b.add(id, name, aliases, e.source());
      for (String lang : Languages.SKILL_LANGUAGES) {
        if (!languages.contains(lang)) continue;
        List<String> surfaces = new ArrayList<>();
        if (!lang.equals(Languages.ENGLISH) && !r.get("label_" + lang).isNull())
          surfaces.add(r.get("label_" + lang).asString());
        if (!r.get("alt_" + lang).isNull())
          surfaces.addAll(r.get("alt_" + lang).asList(v -> v.asString()));
        if (!surfaces.isEmpty()) b.labels(id, lang, surfaces);
      }
      for (String o : r.get("same").asList(v -> v.asString())) b.sameAs(id, o);
    }
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects skills, SAME_AS links and background text; {@link #build()} decides the patterns. */
  public static final class Builder {
    private final Map<String, Entry> skills = new LinkedHashMap<>();
    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, Integer> lowerWordCounts = new HashMap<>();
    private final List<Entry> extra = new ArrayList<>();
    private final Map<String, Map<String, List<String>>> localized = new LinkedHashMap<>();

    public Builder add(String id, String name, Collection<String> aliases, String source) {
      skills.put(
          id, new Entry(id, name, aliases == null ? List.of() : List.copyOf(aliases), source));
      return this;
    }

    /**
     * Labels and synonyms of a skill in one language (English synonyms included). They become
     * patterns after every skill's name and aliases, English first, so a surface shared with an
     * English name keeps meaning the English skill.
     */
    public Builder labels(String id, String lang, Collection<String> surfaces) {
      localized
          .computeIfAbsent(lang, k -> new LinkedHashMap<>())
          .computeIfAbsent(id, k -> new ArrayList<>())
          .addAll(surfaces);
      return this;
    }

    public Builder sameAs(String a, String b) {
      union(a, b);
      return this;
    }

    /** Running text whose lower-case words tell which capitalised names are also everyday words. */
    public Builder background(String text) {
      for (Tokens.Token t : Tokens.of(text)) {
        String raw = t.raw();
        if (!raw.isEmpty() && Character.isLowerCase(raw.charAt(0)))
          lowerWordCounts.merge(t.folded(), 1, Integer::sum);
      }
      return this;
    }

    private String find(String x) {
      String p = parent.getOrDefault(x, x);
      if (p.equals(x)) return x;
      String r = find(p);
      parent.put(x, r);
      return r;
    }

    private void union(String a, String b) {
      String ra = find(a);
      String rb = find(b);
      if (!ra.equals(rb)) parent.put(ra, rb);
    }

    public SkillDictionary build() {
      // Canonical member of each SAME_AS group: an ESCO skill if there is one, else the smallest
      // id.
      Map<String, List<String>> groups = new HashMap<>();
      for (String id : skills.keySet())
        groups.computeIfAbsent(find(id), k -> new ArrayList<>()).add(id);
      Map<String, String> canonical = new HashMap<>();
      for (List<String> members : groups.values()) {
        String best = null;
        for (String m : members) {
          if (best == null
              || rank(m) < rank(best)
              || rank(m) == rank(best) && m.compareTo(best) < 0) best = m;
        }
        for (String m : members) if (!m.equals(best)) canonical.put(m, best);
      }
      Set<String> stop = readSet("skill-stoplist.txt");
      Set<String> common = readSet("common-words.txt");
      Map<String, Pattern> byKey = new LinkedHashMap<>();
      List<Entry> ordered = new ArrayList<>(skills.values());
      ordered.sort(
          (a, b) ->
              rank(a.id()) != rank(b.id())
                  ? Integer.compare(rank(a.id()), rank(b.id()))
                  : a.id().compareTo(b.id()));
      for (Entry e : ordered) {
        String target = canonical.getOrDefault(e.id(), e.id());
        List<String> surfaces = new ArrayList<>();
        surfaces.add(e.name());
        surfaces.addAll(e.aliases());
        for (int i = 0; i < surfaces.size(); i++) {
          String s = surfaces.get(i);
          boolean alias = i > 0;
          if (alias && everyday(s)) continue;
          addPattern(byKey, s, target, stop, common, false);
          String stripped = stripQualifier(s);
          if (!stripped.equals(s)) addPattern(byKey, stripped, target, stop, common, false);
          String singular = singular(s);
          if (singular != null) addPattern(byKey, singular, target, stop, common, false);
        }
      }
      List<String> langs = new ArrayList<>(localized.keySet());
      langs.sort(
          (a, b) ->
              Integer.compare(
                  a.equals(Languages.ENGLISH) ? 0 : 1, b.equals(Languages.ENGLISH) ? 0 : 1));
      for (String lang : langs) {
        Map<String, List<String>> byId = localized.get(lang);
        for (Entry e : ordered) {
          List<String> surfaces = byId.get(e.id());
          if (surfaces == null) continue;
          String target = canonical.getOrDefault(e.id(), e.id());
          for (String s : surfaces) {
            if (everyday(s)) continue;
            addPattern(byKey, s, target, stop, common, false);
            String stripped = stripQualifier(s);
            if (!stripped.equals(s)) addPattern(byKey, stripped, target, stop, common, false);
            if (lang.equals(Languages.ENGLISH)) {
              String singular = singular(s);
              if (singular != null) addPattern(byKey, singular, target, stop, common, false);
            }
          }
        }
      }
      // Abbreviations: only where the expanded label is a known skill.
      for (String line : readLines("skill-abbreviations.tsv")) {
        String[] p = line.split("\t");
        if (p.length < 2) continue;
        Pattern full = byKey.get(Tokens.normal(p[1]) + "|");
        if (full == null) full = byKey.get(Tokens.normal(p[1]) + "|" + p[1]);
        if (full != null) addPattern(byKey, p[0], full.skillId(), Set.of(), common, true);
      }
      return new SkillDictionary(Map.copyOf(skills), List.copyOf(byKey.values()), canonical);
    }

    /**
     * A one-word synonym that is an everyday word ("lead" for "lead others", "design" for "think
     * creatively", "Project" for "Microsoft Project"): as a synonym it finds the word, not the
     * skill.
     */
    private boolean everyday(String surface) {
      List<Tokens.Token> toks = Tokens.of(surface);
      return toks.size() == 1 && lowerWordCounts.getOrDefault(toks.get(0).folded(), 0) >= 3;
    }

    /**
     * "database management systems" -> "database management system": multi-word labels in the
     * singular too.
     */
    private static String singular(String surface) {
      List<Tokens.Token> toks = Tokens.of(surface);
      if (toks.size() < 2) return null;
      Tokens.Token last = toks.get(toks.size() - 1);
      String raw = last.raw();
      if (raw.length() <= 3
          || !raw.endsWith("s")
          || raw.endsWith("ss")
          || raw.endsWith("us")
          || raw.endsWith("is")) return null;
      return surface.substring(0, last.start()) + raw.substring(0, raw.length() - 1);
    }

    private int rank(String id) {
      Entry e = skills.get(id);
      String src = e == null ? null : e.source();
      if ("esco".equals(src)) return 0;
      if ("onet".equals(src)) return 1;
      return 2;
    }

    private void addPattern(
        Map<String, Pattern> byKey,
        String surface,
        String target,
        Set<String> stop,
        Set<String> common,
        boolean forceCase) {
      if (surface == null) return;
      List<Tokens.Token> toks = Tokens.of(surface);
      if (toks.isEmpty() || toks.size() > 12) return;
      String normal = Tokens.normal(surface);
      if (stop.contains(normal)) return;
      boolean cs = forceCase || caseSensitive(toks, common);
      String key = normal + "|" + (cs ? surface : "");
      if (byKey.containsKey(key))
        return; // first skill (canonical order of insertion) keeps a shared surface
      String[] folded = toks.stream().map(Tokens.Token::folded).toArray(String[]::new);
      String[] raw = toks.stream().map(Tokens.Token::raw).toArray(String[]::new);
      byKey.put(key, new Pattern(folded, raw, target, surface, cs));
    }

    private boolean caseSensitive(List<Tokens.Token> toks, Set<String> common) {
      if (toks.size() != 1) return false;
      Tokens.Token t = toks.get(0);
      String raw = t.raw();
      if (raw.length() <= 2) return true;
      boolean hasUpper = !raw.equals(raw.toLowerCase(java.util.Locale.ROOT));
      if (!hasUpper) return false;
      return common.contains(t.folded()) || lowerWordCounts.getOrDefault(t.folded(), 0) >= 3;
    }
  }

  /** "Java (computer programming)" -> "Java": the qualifier is for people, not for matching. */
  static String stripQualifier(String s) {
    String t = s.replaceAll("\\s*\\([^)]*\\)\\s*$", "").strip();
    return t.isEmpty() ? s : t;
  }

  static Set<String> readSet(String name) {
    Set<String> out = new HashSet<>();
    for (String l : readLines(name)) out.add(Tokens.normal(l));
    return out;
  }

  static List<String> readLines(String name) {
    List<String> out = new ArrayList<>();
    try (InputStream in = SkillDictionary.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) return out;
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) continue;
        out.add(line.strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
