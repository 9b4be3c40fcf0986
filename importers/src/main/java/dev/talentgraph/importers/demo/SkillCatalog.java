package dev.talentgraph.importers.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hand-written skill taxonomy of the demo graph, read from the outline {@code skills.txt}
 * beside this class. An outline keeps the BROADER hierarchy readable and reviewable in one screen
 * per area, which a CSV of (child, parent) pairs would not.
 */
final class SkillCatalog {
  /** Where the outline lives on the class path. */
  static final String RESOURCE = "skills.txt";

  /**
   * One node of the outline. {@code broader} is null for the roots. {@code group}: a category
   * (labelled SkillGroup as well); {@code assignable}: something a person can hold, require or be
   * taught. A group such as "Machine learning" is both.
   */
  record Entry(
      String id,
      String name,
      List<String> aliases,
      String broader,
      int depth,
      boolean group,
      boolean assignable) {}

  private final List<Entry> entries;
  private final Map<String, Entry> byId;
  private final List<String[]> related;

  private SkillCatalog(List<Entry> entries, List<String[]> related) {
    this.entries = List.copyOf(entries);
    Map<String, Entry> map = new LinkedHashMap<>();
    entries.forEach(e -> map.put(e.id(), e));
    this.byId = Collections.unmodifiableMap(map);
    this.related = List.copyOf(related);
  }

  /** The catalog shipped with the project. */
  static SkillCatalog load() {
    try (InputStream in = SkillCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "demo skill catalog " + RESOURCE + " is missing from the class path");
      }
      return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read demo skill catalog " + RESOURCE, e);
    }
  }

  /**
   * Parses an outline; errors name the source and line, since the file is edited by hand.
   *
   * @throws IllegalArgumentException on bad indentation, a duplicate name or an unknown related
   *     skill
   */
  static SkillCatalog parse(String source, String text) {
    List<Entry> entries = new ArrayList<>();
    List<String[]> related = new ArrayList<>();
    Map<String, Entry> byKey = new HashMap<>();
    List<Entry> stack = new ArrayList<>();
    boolean inRelated = false;
    int lineNo = 0;
    try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.stripLeading().startsWith("#")) {
          continue;
        }
        if (line.strip().equals("[related]")) {
          inRelated = true;
          continue;
        }
        String where = source + ":" + lineNo;
        if (inRelated) {
          String[] pair = line.split("~");
          if (pair.length != 2) {
            throw new IllegalArgumentException(
                where + ": expected 'skill ~ skill', got '" + line.strip() + "'");
          }
          Entry a = byKey.get(key(pair[0]));
          Entry b = byKey.get(key(pair[1]));
          if (a == null || b == null) {
            throw new IllegalArgumentException(
                where
                    + ": unknown skill '"
                    + (a == null ? pair[0].strip() : pair[1].strip())
                    + "'");
          }
          related.add(new String[] {a.id(), b.id()});
          continue;
        }
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
          indent++;
        }
        if (indent % 2 != 0 || line.indexOf('\t') >= 0) {
          throw new IllegalArgumentException(where + ": indent with two spaces per level, no tabs");
        }
        int depth = indent / 2;
        if (depth > stack.size()) {
          throw new IllegalArgumentException(
              where + ": indented more than one level below its parent");
        }
        String[] parts = line.strip().split("\\|");
        String name = parts[0].strip();
        boolean starred = name.endsWith("*");
        if (starred) {
          name = name.substring(0, name.length() - 1).strip();
        }
        List<String> aliases =
            Arrays.stream(parts).skip(1).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (name.isEmpty()) {
          throw new IllegalArgumentException(where + ": empty skill name");
        }
        while (stack.size() > depth) {
          stack.remove(stack.size() - 1);
        }
        String broader = depth == 0 ? null : stack.get(depth - 1).id();
        if (starred && depth != 1) {
          throw new IllegalArgumentException(
              where + ": only a depth-1 group can be marked '*' (also a skill)");
        }
        Entry e =
            new Entry(
                "s-" + slug(name), name, aliases, broader, depth, depth <= 1, depth > 1 || starred);
        for (String k : keys(e)) {
          Entry clash = byKey.putIfAbsent(k, e);
          if (clash != null) {
            throw new IllegalArgumentException(
                where + ": '" + k + "' is already used by '" + clash.name() + "'");
          }
        }
        entries.add(e);
        stack.add(e);
      }
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return new SkillCatalog(entries, related);
  }

  private static List<String> keys(Entry e) {
    List<String> keys = new ArrayList<>();
    keys.add(key(e.name()));
    e.aliases().forEach(a -> keys.add(key(a)));
    keys.add(e.id());
    return keys;
  }

  private static String key(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }

  /** A stable, readable id fragment: "C#" becomes "c-sharp", "Node.js" becomes "node-js". */
  static String slug(String name) {
    String s =
        name.replace("C#", "C sharp")
            .replace("C++", "C plus plus")
            .replace(".NET", "dotnet")
            .replace("&", " and ");
    s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return s;
  }

  List<Entry> entries() {
    return entries;
  }

  Entry get(String id) {
    Entry e = byId.get(id);
    if (e == null) {
      throw new IllegalArgumentException("no demo skill with id " + id);
    }
    return e;
  }

  /** Skills people can hold, in outline order. */
  List<Entry> assignable() {
    return entries.stream().filter(Entry::assignable).toList();
  }

  /**
   * Assignable skills under a group (the group itself included when assignable), in outline order.
   */
  List<Entry> assignableUnder(String groupId) {
    return under.computeIfAbsent(
        groupId,
        g -> assignable().stream().filter(e -> e.id().equals(g) || isUnder(e, g)).toList());
  }

  private final Map<String, List<Entry>> under = new java.util.concurrent.ConcurrentHashMap<>();

  boolean isUnder(Entry e, String ancestorId) {
    for (String b = e.broader(); b != null; b = byId.get(b).broader()) {
      if (b.equals(ancestorId)) {
        return true;
      }
    }
    return false;
  }

  /** RELATED_TO pairs as [from id, to id]. */
  List<String[]> related() {
    return related;
  }
}
