package dev.talentgraph.ml.features;

import dev.talentgraph.schema.PersonalFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which attributes are protected (fairness): they are kept out of a model's features unless
 * a caller explicitly allows them, and evaluations report the model's fairness per protected
 * attribute. A column is protected by name when one of its words says gender, sex, age, birth date,
 * marital status or nationality ({@code Gender}, {@code MaritalStatus}, {@code age_band}, {@code
 * EmployeeAge}); words are split at camel case and non-letters so that {@code Manager} or {@code
 * percentage} are not mistaken for "age".
 */
public final class ProtectedAttributes {
  private ProtectedAttributes() {}

  /** Words that make a column protected wherever they stand. */
  private static final Set<String> WORDS =
      Set.of(
          "gender",
          "sex",
          "age",
          "marital",
          "nationality",
          "citizenship",
          "birth",
          "birthdate",
          "dob",
          "maritalstatus");

  /** Substrings that make an unsplittable lower-case name protected ({@code maritalstatus}). */
  private static final List<String> STEMS =
      List.of("gender", "marital", "nationality", "birthdate");

  /** True if the column or property name says it holds a protected attribute. */
  public static boolean isProtectedName(String name) {
    if (name == null || name.isBlank()) return false;
    for (String w : words(name)) {
      if (WORDS.contains(w)) return true;
    }
    String flat = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    for (String s : STEMS) {
      if (flat.contains(s)) return true;
    }
    return PersonalFields.PROTECTED.contains(name);
  }

  /** True if one of the name's words is "age" (for age bands in fairness reports). */
  public static boolean isAgeName(String name) {
    return name != null && words(name).contains("age");
  }

  /**
   * Splits {@code YearsWithCurrManager} into years, with, curr, manager; {@code age_band} into age,
   * band.
   */
  static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char prev = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean boundary =
          !Character.isLetterOrDigit(c)
              || (Character.isUpperCase(c) && Character.isLowerCase(prev))
              || (Character.isUpperCase(c)
                  && i + 1 < name.length()
                  && Character.isLowerCase(name.charAt(i + 1))
                  && Character.isUpperCase(prev));
      if (boundary && cur.length() > 0) {
        out.add(cur.toString().toLowerCase(Locale.ROOT));
        cur.setLength(0);
      }
      if (Character.isLetterOrDigit(c)) cur.append(c);
      prev = c;
    }
    if (cur.length() > 0) out.add(cur.toString().toLowerCase(Locale.ROOT));
    return out;
  }
}
