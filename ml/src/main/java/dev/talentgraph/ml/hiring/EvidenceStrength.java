package dev.talentgraph.ml.hiring;

import java.util.Collection;
import java.util.Locale;

/**
 * How much a HAS_SKILL's evidence is worth, 0..1, from its {@code source} and {@code evidence}: a
 * measured assessment (1.0) &gt; a certification (0.85) &gt; a course, publication or project (0.7)
 * &gt; a manager's assessment (0.6) &gt; a prior role (0.55) &gt; a peer endorsement (0.5) &gt; a
 * self-assessment or a resume mention (0.3). Unknown evidence counts {@value #UNKNOWN}.
 *
 * <p>The values written today: the ADR 0006 assessment ({@code source: "assessment"}, {@code
 * evidence: "assessment <id>"}); the demo ({@code self-assessment, manager assessment, peer
 * endorsement, certification, prior role}); the resume importer ({@code source: "resumes"},
 * evidence a text span); AAN ({@code source: "aan"}, evidence a list of papers); MOOCCube ({@code
 * source: "mooccube"}).
 */
final class EvidenceStrength {
  private EvidenceStrength() {}

  public static final double ASSESSMENT = 1.0;
  public static final double CERTIFICATION = 0.85;
  public static final double WORK_PRODUCT = 0.7;
  public static final double MANAGER = 0.6;
  public static final double PRIOR_ROLE = 0.55;
  public static final double PEER = 0.5;
  public static final double SELF = 0.3;
  public static final double UNKNOWN = 0.4;

  /** The strength of one HAS_SKILL; {@code evidence} may be a string, a list of strings or null. */
  public static double of(String source, Object evidence) {
    String src = source == null ? "" : source.toLowerCase(Locale.ROOT).strip();
    String ev = text(evidence);
    if (src.equals("assessment") || ev.startsWith("assessment ")) return ASSESSMENT;
    // a resume's evidence is a span of free text: its words ("project", "course") say nothing of
    // the kind
    if (src.equals("resumes") || src.equals("resume")) return SELF;
    if (src.equals("aan") || src.equals("mooccube")) return WORK_PRODUCT;
    if (ev.contains("certif") || src.contains("certif")) return CERTIFICATION;
    if (ev.contains("publication") || ev.contains("course") || ev.contains("project"))
      return WORK_PRODUCT;
    if (ev.contains("manager")) return MANAGER;
    if (ev.contains("prior role") || ev.contains("previous role") || ev.contains("work experience"))
      return PRIOR_ROLE;
    if (ev.contains("peer") || ev.contains("endorse")) return PEER;
    if (ev.contains("self")) return SELF;
    return UNKNOWN;
  }

  /** A short name of the evidence kind for explanations ("assessment", "resume mention"). */
  public static String kind(String source, Object evidence) {
    double s = of(source, evidence);
    String src = source == null ? "" : source.toLowerCase(Locale.ROOT);
    if (s == ASSESSMENT) return "assessment";
    if (s == CERTIFICATION) return "certification";
    if (s == WORK_PRODUCT)
      return src.equals("aan")
          ? "publications"
          : src.equals("mooccube") ? "courses" : "course, publication or project";
    if (s == MANAGER) return "manager assessment";
    if (s == PRIOR_ROLE) return "prior role";
    if (s == PEER) return "peer endorsement";
    if (s == SELF) return src.startsWith("resume") ? "resume mention" : "self-assessment";
    return "unstated";
  }

  private static String text(Object evidence) {
    if (evidence == null) return "";
    if (evidence instanceof Collection<?> c)
      return c.isEmpty() ? "" : String.valueOf(c.iterator().next()).toLowerCase(Locale.ROOT);
    return String.valueOf(evidence).toLowerCase(Locale.ROOT).strip();
  }
}
