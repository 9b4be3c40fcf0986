package dev.talentgraph.importers.skills;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Learns skills that the taxonomies lack from the corpus being imported, the way skill-cloud
 * products do: frequent, distinctive terms of the corpus. Taxonomies lag the field (ESCO knows
 * "machine translation" but not "word sense disambiguation", "named entity recognition" or
 * "parsing"), so a corpus of paper titles says more about its field than the taxonomy can.
 *
 * <p>Two kinds of candidates, both counted by document frequency:
 *
 * <ul>
 *   <li><b>phrases</b> of 2-4 words that start and end with a content word, with no function word
 *       inside (but for "part of speech" and "bag of words"), whose head (last word) is a noun-like
 *       word that is not a placeholder ("approach", "system", "study"), which occur together far
 *       more often than their words would by chance (pointwise mutual information), and which are
 *       not mostly a fragment of a longer candidate ("statistical machine" inside "statistical
 *       machine translation");
 *   <li><b>terms</b>: single words that name an activity or field ({@code -ing}, {@code -tion},
 *       {@code -ics}, {@code -ogy}, ... "parsing", "summarization", "morphology") or are strongly
 *       distinctive nouns, much more frequent in the corpus than in the background text (the
 *       taxonomy's own descriptions), and not mostly the first word of a title (where "-ing" words
 *       are verbs: "Exploiting ...", "Combining ...").
 * </ul>
 *
 * Candidates the taxonomy already names are dropped: they are found anyway.
 */
public final class EmergingSkillMiner {

  /** A learned skill: its words, how many documents use it, and other forms it takes (plural). */
  public record Emerging(
      String name, int documents, double score, List<String> aliases, boolean phrase) {}

  private static final Set<String> STOP =
      Set.of(
          ("a an the of for in on to and or with by from at as is are be been using use used "
                  + "via into its it this that these those their based towards toward through between over under what how why when where "
                  + "which who can do does not we our new some more than vs versus beyond without within across among about one two three "
                  + "first second all any each other such very much s let let's both also up out")
              .split(" "));

  /** Heads that say nothing about the skill ("a new approach", "an evaluation"). */
  private static final Set<String> PLACEHOLDER =
      Set.of(
          ("approach approaches method methods model models system systems study "
                  + "studies analysis task tasks framework frameworks evaluation evaluations results result paper application applications "
                  + "experiments experiment technique techniques issues issue problem problems data work works workshop session sessions "
                  + "overview report reports proposal project projects proceedings note notes comparison case cases research tool tools "
                  + "introduction perspective perspectives view views aspects aspect challenges challenge directions direction remarks "
                  + "program programs way ways use uses role effect effects impact toward summary keynote panel talk invited tutorial "
                  + "discussion discussions part parts level levels process processes type types set sets number features feature "
                  + "information language languages text texts word words human humans user users people group groups state time "
                  + "quality performance thing things concept concepts structure structures form forms version line point points "
                  + "principles principle environment environments domain domains resource resources corpus corpora")
              .split(" "));

  /** Words that make a poor start of a phrase ("approach to ...", "study of ..."). */
  private static final Set<String> BAD_FIRST =
      Set.of(
          ("approach approaches method methods study studies evaluation evaluations "
                  + "analysis framework frameworks paper results experiments experiment system systems model models overview introduction "
                  + "comparison report reports use uses role effect effects impact case cases issues issue problem problems note notes "
                  + "towards toward new novel improving improved exploiting combining learning")
              .split(" "));

  /** Adjective-like endings: such a word is no head ("natural language" yes, "context free" no). */
  private static final Pattern ADJECTIVE =
      Pattern.compile(
          ".*(ed|al|ive|ous|ful|less|able|ible|ent|ant|ic|ary|ory|ular|ish|wise|sy|ly|ky)$");

  private static final Set<String> NON_HEAD =
      Set.of(
          ("free scale state time driven specific lingual end level large small multi "
                  + "semi cross co self non high low wide like aware oriented independent dependent hoc vs versus")
              .split(" "));

  /** Endings of words that name an activity or a field. */
  private static final Pattern FIELD_WORD =
      Pattern.compile(".*(ing|tion|sion|ment|sis|ics|ogy|ance|ence|ity|ism)$");

  private int minPhraseDocs = 5;
  private int minTermDocs = 15;
  private int minNounDocs = 30;
  private double minPmi = 1.0;
  private double minTermOdds = 1.5;
  private double minNounOdds = 3.0;

  public EmergingSkillMiner minPhraseDocs(int n) {
    this.minPhraseDocs = n;
    return this;
  }

  public EmergingSkillMiner minTermDocs(int n) {
    this.minTermDocs = n;
    this.minNounDocs = Math.max(n, minNounDocs);
    return this;
  }

  /**
   * @param documents the corpus (e.g. paper titles)
   * @param background running text of the general domain (taxonomy descriptions); may be empty,
   *     which disables single-word terms
   * @param taxonomy the extractor over the known skills, to drop candidates that are known already
   */
  public List<Emerging> mine(
      List<String> documents, List<String> background, SkillExtractor taxonomy) {
    int n = documents.size();
    List<String[]> docs = new ArrayList<>(n);
    for (String d : documents) docs.add(Tokens.folded(d).toArray(String[]::new));
    Map<String, Integer> unigramDf = new HashMap<>();
    Map<String, Integer> firstWord = new HashMap<>();
    Map<String, Integer> phraseDf = new HashMap<>();
    for (String[] t : docs) {
      Set<String> seenU = new HashSet<>();
      Set<String> seenP = new HashSet<>();
      for (String w : t) if (seenU.add(w)) unigramDf.merge(w, 1, Integer::sum);
      if (t.length > 0) firstWord.merge(t[0], 1, Integer::sum);
      for (int len = 2; len <= 4; len++) {
        for (int i = 0; i + len <= t.length; i++) {
          String[] g = Arrays.copyOfRange(t, i, i + len);
          if (!phraseShape(g)) continue;
          String key = String.join(" ", g);
          if (seenP.add(key)) phraseDf.merge(key, 1, Integer::sum);
        }
      }
    }
    // Phrases: frequent, cohesive (PMI), with a real head.
    Map<String, Integer> phrases = new LinkedHashMap<>();
    Map<String, Double> scores = new HashMap<>();
    for (var e : phraseDf.entrySet()) {
      int df = e.getValue();
      if (df < minPhraseDocs) continue;
      String[] g = e.getKey().split(" ");
      double expected = n;
      for (String w : g) expected *= unigramDf.get(w) / (double) n;
      double pmi = Math.log(df / expected);
      if (pmi < minPmi) continue;
      phrases.put(e.getKey(), df);
      scores.put(e.getKey(), pmi);
    }
    // Drop fragments: a phrase most of whose uses sit inside one longer candidate.
    List<String> fragments = new ArrayList<>();
    for (var e : phrases.entrySet()) {
      String p = " " + e.getKey() + " ";
      for (var longer : phrases.entrySet()) {
        if (longer.getKey().length() > e.getKey().length()
            && (" " + longer.getKey() + " ").contains(p)
            && longer.getValue() >= 0.7 * e.getValue()) {
          fragments.add(e.getKey());
          break;
        }
      }
    }
    fragments.forEach(phrases::remove);

    // Terms: distinctive single words, against the background.
    Map<String, Integer> terms = new LinkedHashMap<>();
    if (!background.isEmpty()) {
      Map<String, Integer> bgDf = new HashMap<>();
      for (String b : background)
        for (String w : new HashSet<>(Tokens.folded(b))) bgDf.merge(w, 1, Integer::sum);
      int nb = background.size();
      for (var e : unigramDf.entrySet()) {
        String w = e.getKey();
        int df = e.getValue();
        if (df < minTermDocs
            || w.length() < 5
            || STOP.contains(w)
            || PLACEHOLDER.contains(w)
            || !isWord(w)) continue;
        if (firstWord.getOrDefault(w, 0) > 0.4 * df) continue;
        double odds = Math.log((df / (double) n) / ((bgDf.getOrDefault(w, 0) + 1) / (double) nb));
        boolean field = FIELD_WORD.matcher(w).matches() && odds >= minTermOdds;
        boolean noun =
            df >= minNounDocs
                && odds >= minNounOdds
                && !ADJECTIVE.matcher(w).matches()
                && !w.endsWith("s")
                && !w.endsWith("ing");
        if (field || noun) {
          terms.put(w, df);
          scores.put(w, odds);
        }
      }
    }

    List<Emerging> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (var e : phrases.entrySet())
      addCandidate(
          out, names, e.getKey(), e.getValue(), scores.get(e.getKey()), true, phraseDf, taxonomy);
    for (var e : terms.entrySet())
      addCandidate(
          out, names, e.getKey(), e.getValue(), scores.get(e.getKey()), false, unigramDf, taxonomy);
    out.sort(
        (a, b) ->
            a.documents() != b.documents()
                ? Integer.compare(b.documents(), a.documents())
                : a.name().compareTo(b.name()));
    return out;
  }

  private static void addCandidate(
      List<Emerging> out,
      Set<String> names,
      String name,
      int df,
      double score,
      boolean phrase,
      Map<String, Integer> counts,
      SkillExtractor taxonomy) {
    // Already a taxonomy skill (the whole candidate is one match): nothing new.
    if (taxonomy != null) {
      List<SkillMatch> m = taxonomy.extract(name);
      if (m.size() == 1 && m.get(0).start() == 0 && m.get(0).end() == name.length()) return;
    }
    // A plural that has its singular as a candidate becomes an alias of it.
    if (name.endsWith("s") && names.contains(name.substring(0, name.length() - 1))) return;
    if (!names.add(name)) return;
    List<String> aliases = new ArrayList<>();
    String plural = name + "s";
    if (counts.containsKey(plural)) aliases.add(plural);
    out.add(new Emerging(name, df, Math.round(score * 100) / 100.0, aliases, phrase));
  }

  private static boolean isWord(String w) {
    for (int i = 0; i < w.length(); i++) if (!Character.isLetter(w.charAt(i))) return false;
    return true;
  }

  private static boolean phraseShape(String[] g) {
    String first = g[0];
    String head = g[g.length - 1];
    if (STOP.contains(first) || STOP.contains(head)) return false;
    // "of" only inside fixed terms ("part of speech", "bag of words"), not in "parsing of noisy
    // input"
    for (int i = 1; i < g.length - 1; i++) {
      if (STOP.contains(g[i])
          && !(g[i].equals("of")
              && (first.equals("part") || first.equals("parts") || first.equals("bag"))))
        return false;
    }
    for (String w : g) if (!isWord(w) || w.length() < 2) return false;
    if (PLACEHOLDER.contains(head) && !(g.length >= 2 && isAllowedPlaceholderHead(g))) return false;
    if (NON_HEAD.contains(head) || ADJECTIVE.matcher(head).matches()) return false;
    if (BAD_FIRST.contains(first)) return false;
    return true;
  }

  /**
   * "dialogue systems", "language models": these placeholder heads are fine after a specific noun.
   */
  private static boolean isAllowedPlaceholderHead(String[] g) {
    String head = g[g.length - 1];
    String before = g[g.length - 2];
    return (head.equals("systems")
            || head.equals("system")
            || head.equals("models")
            || head.equals("model"))
        && !ADJECTIVE.matcher(before).matches()
        && !NON_HEAD.contains(before);
  }
}
