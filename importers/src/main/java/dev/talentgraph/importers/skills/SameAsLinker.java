package dev.talentgraph.importers.skills;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides when an O*NET technology and an ESCO skill are the same thing, so that they are linked by
 * {@code SAME_AS} instead of living side by side as strangers. Two rules, both conservative:
 *
 * <ol>
 *   <li>the names (or an ESCO synonym) are equal once case and punctuation are ignored ({@code
 *       Objective C} = {@code Objective-C}, {@code xQuery} = {@code XQuery});
 *   <li>the O*NET name minus its vendor ({@code Apache Hadoop}, {@code Oracle Java}, {@code IBM
 *       DB2}) equals an ESCO name <em>with the same capitalisation</em>: this keeps {@code Cisco
 *       IOS} away from {@code iOS}, {@code Oracle Database} away from {@code database}, and {@code
 *       Apache Spark} away from ESCO's {@code SPARK} (the Ada dialect).
 * </ol>
 */
public final class SameAsLinker {
  private SameAsLinker() {}

  /** A named skill of one taxonomy. */
  public record Named(String id, String name, List<String> aliases) {}

  /** A pair found to be the same concept: an O*NET id and an ESCO id. */
  public record Link(String onetId, String escoId, String rule) {}

  /** Vendors that O*NET puts in front of product names. */
  static final List<String> VENDORS =
      List.of(
          "The MathWorks",
          "Microsoft",
          "Oracle",
          "Adobe Systems",
          "Adobe",
          "Apache",
          "IBM",
          "Google",
          "SAP",
          "Autodesk",
          "Apple",
          "Amazon Web Services",
          "Amazon",
          "Atlassian",
          "Salesforce",
          "Intuit",
          "Corel",
          "SAS",
          "Red Hat",
          "VMware",
          "Cisco",
          "Bentley",
          "Dassault Systemes",
          "Esri",
          "Facebook",
          "Hewlett Packard",
          "HP",
          "Citrix",
          "Symantec",
          "McAfee",
          "Trimble",
          "Siemens",
          "Wolfram",
          "Sage",
          "Epic Systems",
          "Cerner",
          "Teradata",
          "Informatica",
          "Tableau",
          "Elastic",
          "MongoDB",
          "Unity Technologies",
          "Epic Games",
          "Meta",
          "Twitter");

  /** The product name without a leading vendor, or null when there is none. */
  public static String withoutVendor(String name) {
    for (String v : VENDORS) {
      if (name.length() > v.length() + 1
          && name.regionMatches(true, 0, v, 0, v.length())
          && name.charAt(v.length()) == ' ') {
        String rest = name.substring(v.length() + 1).strip();
        return rest.isEmpty() ? null : rest;
      }
    }
    return null;
  }

  /** Case-preserving form: tokens joined, punctuation dropped, case kept. */
  private static String cased(String s) {
    List<String> raw = new ArrayList<>();
    for (Tokens.Token t : Tokens.of(s)) raw.add(t.raw());
    return String.join(" ", raw);
  }

  public static List<Link> match(Collection<Named> onet, Collection<Named> esco) {
    Map<String, String> byNormal = new HashMap<>();
    Map<String, String> byCased = new HashMap<>();
    for (Named e : esco) {
      List<String> names = new ArrayList<>();
      names.add(e.name());
      names.addAll(e.aliases());
      for (String n : names) {
        byNormal.putIfAbsent(Tokens.normal(n), e.id());
        byCased.putIfAbsent(cased(n), e.id());
      }
    }
    List<Link> out = new ArrayList<>();
    for (Named o : onet) {
      String hit = byNormal.get(Tokens.normal(o.name()));
      if (hit != null) {
        out.add(new Link(o.id(), hit, "same name"));
        continue;
      }
      String rest = withoutVendor(o.name());
      if (rest != null) {
        hit = byCased.get(cased(rest));
        if (hit != null && !rest.toLowerCase(Locale.ROOT).equals(rest))
          out.add(new Link(o.id(), hit, "same name without vendor"));
      }
    }
    return out;
  }
}
