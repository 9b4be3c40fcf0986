package dev.talentgraph.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@link Metrics} to a directory: {@code metrics.json} (the same tree as the GraphQL
 * answer), one SVG chart per figure a manager looks at, and an {@code index.html} that shows them
 * with the headline numbers. Files are written to a temporary name and moved into place, so a
 * reader never sees half a file.
 */
public final class MetricsReport {
  private MetricsReport() {}

  /** What was written: file name and its title. */
  public record Written(String file, String title) {}

  public static List<Written> write(Metrics m, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Written> out = new ArrayList<>();
    String scope = scope(m.filter());
    write(
        dir,
        "metrics.json",
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
    out.add(
        new Written(
            "metrics.json", "All figures with their counts (same as the GraphQL query metrics)"));
    chart(dir, out, "stage-conversion.svg", "Stage-to-stage conversion", funnel(m, scope));
    chart(dir, out, "time-to-hire.svg", "Time to hire", timeToHire(m, scope));
    chart(
        dir,
        out,
        "retention-by-region.svg",
        "Retention by region and year",
        retentionByRegion(m, scope));
    chart(
        dir,
        out,
        "retention-by-team.svg",
        "Retention by team (latest period)",
        retentionByTeam(m, scope));
    chart(dir, out, "training-effect.svg", "Training effect per course", training(m, scope));
    chart(
        dir, out, "skill-gaps.svg", "Skill gaps against project requirements", skillGaps(m, scope));
    write(dir, "index.html", index(m, out, scope));
    out.add(new Written("index.html", "This overview"));
    return out;
  }

  private static void chart(Path dir, List<Written> out, String file, String title, String svg)
      throws IOException {
    write(dir, file, svg);
    out.add(new Written(file, title));
  }

  private static void write(Path dir, String name, String text) throws IOException {
    Path tmp = dir.resolve("." + name + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(
        tmp,
        dir.resolve(name),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** The period and filters in words. */
  public static String scope(Metrics.Filter f) {
    StringBuilder s = new StringBuilder(f.from() + " to " + f.to());
    if (f.team() != null)
      s.append(", team ")
          .append(f.teamName() != null ? f.teamName() + " (" + f.team() + ")" : f.team());
    if (f.region() != null) s.append(", region ").append(f.region());
    if (f.minGroupSize() != null)
      s.append(", groups under ").append(f.minGroupSize()).append(" suppressed");
    return s.toString();
  }

  /** One line of headline figures. */
  public static String headline(Metrics m) {
    return "hiring success "
        + pct(m.hiringSuccess().rate())
        + " ("
        + m.hiringSuccess().hires()
        + " hires / "
        + m.hiringSuccess().closedOpenings()
        + " closed openings), offer acceptance "
        + pct(m.offerAcceptance().rate())
        + ", training gain "
        + d(m.trainingEffect().meanGain())
        + " over "
        + m.trainingEffect().enrolments()
        + " enrolments";
  }

  private static String pct(Double r) {
    return r == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * r);
  }

  private static String funnel(Metrics m, String scope) {
    List<SvgCharts.Bar> bars = new ArrayList<>();
    for (Metrics.Conversion c : m.stageConversion()) {
      if (c.reachedFrom() == 0) continue;
      bars.add(
          new SvgCharts.Bar(
              c.from() + " \u2192 " + c.to(),
              new double[] {c.reachedTo(), c.reachedFrom() - c.reachedTo()},
              c.reachedTo() + " of " + c.reachedFrom() + " (" + pct(c.rate()) + ")"));
    }
    return SvgCharts.bars(
        "Stage-to-stage conversion",
        "Applications made " + scope,
        "applications",
        List.of("reached the next stage", "did not (yet)"),
        bars);
  }

  private static String timeToHire(Metrics m, String scope) {
    Metrics.TimeToHire t = m.timeToHire();
    List<SvgCharts.Bar> bars = new ArrayList<>();
    if (t.hires() > 0) {
      for (Metrics.Bucket b : t.distribution()) {
        bars.add(
            new SvgCharts.Bar(
                b.label(),
                new double[] {b.count()},
                b.count() + " (" + pct((double) b.count() / t.hires()) + ")"));
      }
    }
    Metrics.DayStats a = t.fromApplied();
    Metrics.DayStats p = t.fromPosted();
    String sub =
        String.format(
            Locale.ROOT,
            "%d hires %s; days from application: mean %s, median %s, p90 %s; from posting: median %s",
            t.hires(),
            scope,
            d(a.mean()),
            d(a.median()),
            d(a.p90()),
            d(p.median()));
    return SvgCharts.bars(
        "Time to hire (days from application to the hired move)",
        sub,
        "hires",
        List.of("hires"),
        bars);
  }

  private static String d(Double v) {
    return v == null ? "n/a" : SvgCharts.num(v);
  }

  private static String retentionByRegion(Metrics m, String scope) {
    Set<String> periods = new LinkedHashSet<>();
    m.retention().overall().forEach(r -> periods.add(r.period()));
    m.retention().byRegion().forEach(r -> periods.add(r.period()));
    List<String> cats = new ArrayList<>(periods);
    cats.sort(null);
    Map<String, Double[]> series = new LinkedHashMap<>();
    List<Metrics.RetentionRow> rows = new ArrayList<>(m.retention().overall());
    rows.addAll(m.retention().byRegion());
    double lo = 1;
    for (Metrics.RetentionRow r : rows) {
      String name = r.group().equals("all") ? "everyone" : r.groupName();
      Double[] v = series.computeIfAbsent(name, k -> new Double[cats.size()]);
      v[cats.indexOf(r.period())] = r.rate();
      if (r.rate() != null) lo = Math.min(lo, r.rate());
    }
    List<SvgCharts.Line> lines = new ArrayList<>();
    series.forEach((k, v) -> lines.add(new SvgCharts.Line(k, v)));
    double yMin = Math.max(0, Math.floor(lo * 10) / 10 - 0.1);
    return SvgCharts.lines(
        "Retention rate by region and year",
        "Share of people active at the start of each period still there at its end; " + scope,
        "period",
        "retention rate",
        cats,
        lines,
        yMin,
        1.0);
  }

  private static String retentionByTeam(Metrics m, String scope) {
    String last =
        m.retention().byTeam().stream()
            .map(Metrics.RetentionRow::period)
            .max(String::compareTo)
            .orElse(null);
    List<SvgCharts.Bar> bars = new ArrayList<>();
    long hidden = 0;
    for (Metrics.RetentionRow r : m.retention().byTeam()) {
      if (!r.period().equals(last)) continue;
      if (r.suppressed()) {
        hidden++;
        continue;
      }
      bars.add(
          new SvgCharts.Bar(
              r.groupName() != null ? r.groupName() : r.group(),
              new double[] {r.rate() == null ? 0 : r.rate()},
              pct(r.rate()) + " (" + r.retained() + " of " + r.activeAtStart() + ")"));
    }
    bars.sort((a, b) -> Double.compare(a.values()[0], b.values()[0]));
    String sub =
        (last == null ? "" : "Period " + last + "; ")
            + scope
            + (hidden > 0 ? "; " + hidden + " small teams not shown" : "");
    return SvgCharts.bars(
        "Retention by team, lowest first", sub, "retention rate", List.of("retained"), bars);
  }

  private static String training(Metrics m, String scope) {
    Metrics.Training t = m.trainingEffect();
    List<SvgCharts.Bar> bars = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Metrics.CourseGain c : t.top()) {
      if (seen.add(c.courseId())) bars.add(courseBar("best: ", c));
    }
    for (int i = t.bottom().size() - 1; i >= 0; i--) {
      Metrics.CourseGain c = t.bottom().get(i);
      if (seen.add(c.courseId())) bars.add(courseBar("weakest: ", c));
    }
    String sub =
        String.format(
            Locale.ROOT,
            "Mean level gain overall %s over %d completed enrolments in %d courses (ranked: %d+ enrolments); %s",
            d(t.meanGain()),
            t.enrolments(),
            t.courses(),
            t.minEnrolments(),
            scope);
    return SvgCharts.bars(
        "Training effect: mean skill-level gain per course",
        sub,
        "mean level gain (levelAfter - levelBefore)",
        List.of("mean gain"),
        bars,
        t.enrolments() == 0
            ? "no completed enrolment in this period and scope"
            : "no course has "
                + t.minEnrolments()
                + " or more completed enrolments here (see --min-enrolments)");
  }

  private static SvgCharts.Bar courseBar(String prefix, Metrics.CourseGain c) {
    double g = c.meanGain() == null ? 0 : c.meanGain();
    return new SvgCharts.Bar(
        prefix + (c.title() != null ? c.title() : c.courseId()),
        new double[] {g},
        String.format(Locale.ROOT, "%+.2f (n=%d)", g, c.enrolments()));
  }

  private static String skillGaps(Metrics m, String scope) {
    List<SvgCharts.Bar> bars = new ArrayList<>();
    m.skillCoverage().gapsBySkill().stream()
        .limit(15)
        .forEach(
            g ->
                bars.add(
                    new SvgCharts.Bar(
                        g.skillName() != null ? g.skillName() : g.skillId(),
                        new double[] {g.teamsMissing(), g.teamsBelow()},
                        g.teams()
                            + " teams ("
                            + g.teamsMissing()
                            + " missing, "
                            + g.teamsBelow()
                            + " below)")));
    long teams = m.skillCoverage().teams().size();
    long required =
        m.skillCoverage().teams().stream().mapToLong(Metrics.TeamCoverage::requiredSkills).sum();
    long covered =
        m.skillCoverage().teams().stream().mapToLong(Metrics.TeamCoverage::coveredSkills).sum();
    String sub =
        String.format(
            Locale.ROOT,
            "%d teams; %d of %d required team skills covered (%s); current state%s",
            teams,
            covered,
            required,
            pct(required == 0 ? null : (double) covered / required),
            m.filter().team() != null || m.filter().region() != null
                ? ", " + scope.substring(scope.indexOf(',') + 2)
                : "");
    return SvgCharts.bars(
        "Skill gaps: teams whose projects need a skill no active member has at that level",
        sub,
        "teams",
        List.of("missing (no member has it)", "below the required level"),
        bars);
  }

  private static String index(Metrics m, List<Written> files, String scope) {
    StringBuilder s =
        new StringBuilder(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>TalentGraph metrics</title>"
                + "<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto}td,th{padding:2px 10px;text-align:left}</style></head><body>\n");
    s.append("<h1>TalentGraph metrics</h1>\n<p>")
        .append(SvgCharts.esc(scope))
        .append("</p>\n<table>\n");
    Metrics.Hiring h = m.hiringSuccess();
    row(
        s,
        "Hiring success",
        pct(h.rate()) + " = " + h.hires() + " hires / " + h.closedOpenings() + " openings closed");
    Metrics.DayStats t = m.timeToHire().fromApplied();
    row(
        s,
        "Time to hire (days from application)",
        "mean "
            + d(t.mean())
            + ", median "
            + d(t.median())
            + ", p90 "
            + d(t.p90())
            + " over "
            + t.count()
            + " hires");
    Metrics.OfferAcceptance o = m.offerAcceptance();
    row(
        s,
        "Offer acceptance",
        pct(o.rate()) + " = " + o.accepted() + " / " + o.decided() + " decided offers");
    Metrics.Training tr = m.trainingEffect();
    row(
        s,
        "Training effect",
        "mean gain "
            + d(tr.meanGain())
            + " = "
            + tr.totalGain()
            + " levels / "
            + tr.enrolments()
            + " enrolments");
    if (!m.retention().overall().isEmpty()) {
      Metrics.RetentionRow r = m.retention().overall().get(m.retention().overall().size() - 1);
      row(
          s,
          "Retention " + r.period(),
          r.suppressed()
              ? "suppressed (small group)"
              : pct(r.rate()) + " = " + r.retained() + " / " + r.activeAtStart());
    }
    s.append("</table>\n<h2>Files</h2>\n<ul>\n");
    for (Written w : files) {
      s.append("<li><a href=\"")
          .append(w.file())
          .append("\">")
          .append(w.file())
          .append("</a>: ")
          .append(SvgCharts.esc(w.title()))
          .append("</li>\n");
    }
    s.append("</ul>\n");
    for (Written w : files) {
      if (w.file().endsWith(".svg")) {
        s.append("<h2>")
            .append(SvgCharts.esc(w.title()))
            .append("</h2>\n<img src=\"")
            .append(w.file())
            .append("\" alt=\"")
            .append(SvgCharts.esc(w.title()))
            .append("\">\n");
      }
    }
    s.append("<h2>Definitions</h2>\n<ul>\n");
    m.definitions().forEach(dfn -> s.append("<li>").append(SvgCharts.esc(dfn)).append("</li>\n"));
    return s.append("</ul>\n</body></html>\n").toString();
  }

  private static void row(StringBuilder s, String k, String v) {
    s.append("<tr><th>")
        .append(SvgCharts.esc(k))
        .append("</th><td>")
        .append(SvgCharts.esc(v))
        .append("</td></tr>\n");
  }
}
