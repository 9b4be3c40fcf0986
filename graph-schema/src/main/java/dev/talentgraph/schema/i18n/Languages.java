package dev.talentgraph.schema.i18n;

import java.util.List;
import java.util.Locale;

/**
 * The languages a {@code :Skill} or {@code :Occupation} may carry labels in, and the property keys
 * that hold them (ADR 0015). English is the base language: its preferred label is {@code name} and
 * its taxonomy synonyms {@code aliases} (written by the ESCO import) plus {@code altLabels_en}
 * (written by the multilingual import). Every other language {@code xx} has {@code label_xx},
 * {@code altLabels_xx} and, for occupations, {@code description_xx}. Properties rather than label
 * nodes keep a skill one node, one index entry and one read, and let the full-text index cover
 * every language.
 */
public final class Languages {
  private Languages() {}

  /** The base language: every skill has a label in it. */
  public static final String ENGLISH = "en";

  /** Every language the ESCO files provide, English first. */
  public static final List<String> ALL = List.of("en", "de", "es", "fr", "it", "nl", "pl", "pt");

  /** The languages skills carry labels in (ESCO ships skill labels in these). */
  public static final List<String> SKILL_LANGUAGES = List.of("en", "es", "fr");

  /** The preferred label in {@code lang}; for English it is {@code name}. */
  public static String labelKey(String lang) {
    return ENGLISH.equals(lang) ? "name" : "label_" + lang;
  }

  /** The synonyms in {@code lang} (a list of strings). */
  public static String altLabelsKey(String lang) {
    return "altLabels_" + lang;
  }

  /** The description in {@code lang}; for English it is {@code description}. */
  public static String descriptionKey(String lang) {
    return ENGLISH.equals(lang) ? "description" : "description_" + lang;
  }

  /**
   * The supported language a caller asked for: the primary subtag of a language tag ({@code es-MX}
   * -> {@code es}), lower case; null when it names no supported language.
   */
  public static String supported(String tag) {
    if (tag == null || tag.isBlank()) return null;
    String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    return ALL.contains(primary) ? primary : null;
  }

  /**
   * The first supported language of an HTTP {@code Accept-Language} value, by quality then order
   * (RFC 9110 section 12.5.4); null when none is supported.
   */
  public static String fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) return null;
    try {
      for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
        if (r.getWeight() <= 0) continue;
        String lang = supported(r.getRange());
        if (lang != null) return lang;
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return null;
  }
}
