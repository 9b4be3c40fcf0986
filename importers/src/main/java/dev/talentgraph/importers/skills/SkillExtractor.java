package dev.talentgraph.importers.skills;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the skills of a {@link SkillDictionary} in free text: titles, resumes, job postings. One
 * pass of a token-level Aho-Corasick automaton, so the cost is linear in the text and independent
 * of the size of the taxonomy; matches respect word boundaries and ignore case, punctuation and
 * accents (except for the surfaces the dictionary marks case-sensitive). Overlapping matches
 * resolve to the longest, then leftmost ("statistical machine translation" wins over "machine
 * translation" inside it).
 *
 * <p>Thread-safe once built.
 */
public final class SkillExtractor {
  private final SkillDictionary dictionary;
  private final Map<String, Integer> vocabulary = new HashMap<>();
  private final List<SkillDictionary.Pattern> patterns;
  private final TokenTrie trie = new TokenTrie();

  public SkillExtractor(SkillDictionary dictionary) {
    this.dictionary = dictionary;
    this.patterns = dictionary.patterns();
    for (int p = 0; p < patterns.size(); p++) {
      String[] f = patterns.get(p).folded();
      int[] ids = new int[f.length];
      for (int i = 0; i < f.length; i++)
        ids[i] = vocabulary.computeIfAbsent(f[i], k -> vocabulary.size());
      trie.add(ids, p);
    }
    trie.build();
  }

  public SkillDictionary dictionary() {
    return dictionary;
  }

  /** All non-overlapping skill mentions, in text order. */
  public List<SkillMatch> extract(String text) {
    if (text == null || text.isEmpty()) return List.of();
    List<Tokens.Token> tokens = Tokens.of(text);
    int[] ids = new int[tokens.size()];
    boolean[] breaks = new boolean[tokens.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = vocabulary.getOrDefault(tokens.get(i).folded(), -1);
      breaks[i] = tokens.get(i).breakBefore();
    }
    List<int[]> hits = new ArrayList<>();
    trie.scan(
        ids,
        breaks,
        (patternId, endToken, length) -> {
          SkillDictionary.Pattern p = patterns.get(patternId);
          int startToken = endToken - length + 1;
          if (p.caseSensitive()) {
            for (int k = 0; k < length; k++)
              if (!tokens.get(startToken + k).raw().equals(p.raw()[k])) return;
          }
          hits.add(new int[] {startToken, endToken, patternId, p.caseSensitive() ? 1 : 0});
        });
    if (hits.isEmpty()) return List.of();
    hits.sort(
        Comparator.<int[]>comparingInt(h -> -(h[1] - h[0]))
            .thenComparingInt(h -> h[0])
            .thenComparingInt(h -> -h[3]));
    boolean[] taken = new boolean[tokens.size()];
    List<int[]> chosen = new ArrayList<>();
    for (int[] h : hits) {
      boolean free = true;
      for (int k = h[0]; k <= h[1]; k++)
        if (taken[k]) {
          free = false;
          break;
        }
      if (!free) continue;
      for (int k = h[0]; k <= h[1]; k++) taken[k] = true;
      chosen.add(h);
    }
    chosen.sort(Comparator.comparingInt(h -> h[0]));
    List<SkillMatch> out = new ArrayList<>(chosen.size());
    for (int[] h : chosen) {
      SkillDictionary.Pattern p = patterns.get(h[2]);
      int start = tokens.get(h[0]).start();
      int end = tokens.get(h[1]).end();
      SkillDictionary.Entry e = dictionary.skill(p.skillId());
      out.add(
          new SkillMatch(
              p.skillId(),
              e == null ? p.surface() : e.name(),
              start,
              end,
              text.substring(start, end)));
    }
    return out;
  }

  /** One match per skill (its first mention), in text order. */
  public List<SkillMatch> distinctSkills(String text) {
    Map<String, SkillMatch> first = new LinkedHashMap<>();
    for (SkillMatch m : extract(text)) first.putIfAbsent(m.skillId(), m);
    return new ArrayList<>(first.values());
  }
}
