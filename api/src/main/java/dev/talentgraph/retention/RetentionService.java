package dev.talentgraph.retention;

import dev.talentgraph.audit.AuditEvent;
import dev.talentgraph.privacy.CandidateErasure;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.schema.recruiting.Stage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;

/**
 * Finds the external candidates whose personal data has outlived its country's retention period and
 * erases them ({@link CandidateErasure}: personal data, interview feedback, name; the applications
 * stay, anonymous, so every count and metric holds). A candidate is due when none of their
 * applications is live or hired, and the last one closed more than the period of their country ago
 * (the candidate's {@code country}, else the country of the opening they last applied to). Each
 * erasure is its own transaction and one audit event ({@code retention.erase}); a dry run changes
 * nothing and audits nothing. Time comes from the {@link Clock} given, so tests move it.
 */
public final class RetentionService {
  public static final String ACTION = "retention.erase";

  private final Driver driver;
  private final String database;
  private final RetentionSettings settings;
  private final Consumer<AuditEvent> audit;

  public RetentionService(
      Driver driver, String database, RetentionSettings settings, Consumer<AuditEvent> audit) {
    this.driver = driver;
    this.database = database;
    this.settings = settings;
    this.audit = audit;
  }

  /** One candidate due (or erased). */
  public record Due(String candidateId, String country, LocalDate closedOn, LocalDate expiredOn) {}

  /** One country's line: its period and its candidates. */
  public record CountryReport(String country, Period period, List<Due> candidates) {}

  /** What a run found (and, unless dry, erased). */
  public record Report(
      LocalDate today,
      boolean dryRun,
      int erased,
      int nodesDeleted,
      List<CountryReport> countries) {}

  private static final String CANDIDATES =
      "MATCH (c:"
          + Labels.CANDIDATE
          + ")-[:"
          + RelTypes.APPLIED
          + "]->(a:"
          + Labels.APPLICATION
          + ")-[:"
          + RelTypes.TO
          + "]->(o:"
          + Labels.JOB_OPENING
          + ") WHERE NOT c:"
          + Labels.EXPERT
          + " AND coalesce(c.erased, false) = false"
          + " WITH c, a, o ORDER BY coalesce(a."
          + Props.CLOSED_AT
          + ", a."
          + Props.UPDATED_AT
          + ", a."
          + Props.APPLIED_AT
          + ")"
          + " WITH c, collect(a."
          + Props.STAGE
          + ") AS stages, max(date(coalesce(a."
          + Props.CLOSED_AT
          + ", a."
          + Props.UPDATED_AT
          + ", a."
          + Props.APPLIED_AT
          + "))) AS closed, last(collect(o."
          + Props.COUNTRY
          + ")) AS openingCountry"
          + " WHERE all(s IN stages WHERE s IN $closedStages)"
          + " RETURN c.id AS id, coalesce(c."
          + Props.COUNTRY
          + ", openingCountry) AS country, closed ORDER BY id";

  /** The candidates due today (by {@code clock}) and, unless {@code dryRun}, erases them. */
  public Report run(boolean dryRun, Clock clock, String actor) {
    LocalDate today = LocalDate.now(clock);
    Map<String, List<Due>> byCountry = new TreeMap<>();
    try (var s = driver.session(GraphSessions.read(driver, database))) {
      var rows =
          s.executeRead(
              tx ->
                  tx.run(
                          CANDIDATES,
                          Map.of(
                              "closedStages",
                              Stage.graph(List.of(Stage.REJECTED, Stage.WITHDRAWN))))
                      .list());
      for (var r : rows) {
        String country = r.get("country").isNull() ? null : r.get("country").asString();
        LocalDate closed = r.get("closed").isNull() ? null : r.get("closed").asLocalDate();
        if (closed == null) continue;
        LocalDate expired = closed.plus(settings.periodFor(country));
        if (!expired.isBefore(today)) continue;
        byCountry
            .computeIfAbsent(country == null ? "(none)" : country, k -> new ArrayList<>())
            .add(new Due(r.get("id").asString(), country, closed, expired));
      }
      int erased = 0;
      int nodes = 0;
      if (!dryRun) {
        for (List<Due> due : byCountry.values()) {
          for (Due d : due) {
            var out =
                s.executeWrite(
                    tx ->
                        tx.run(
                                CandidateErasure.STATEMENT,
                                CandidateErasure.parameters(d.candidateId()))
                            .list());
            if (out.isEmpty()) continue;
            erased++;
            nodes += out.get(0).get("nodes").asInt();
            audit.accept(
                new AuditEvent(
                    null,
                    null,
                    actor,
                    List.of(),
                    "system",
                    ACTION,
                    d.candidateId(),
                    AuditEvent.Outcome.ALLOWED,
                    "retention "
                        + settings.periodFor(d.country())
                        + " ("
                        + (d.country() == null ? "default" : d.country())
                        + ") expired "
                        + d.expiredOn()
                        + "; last application closed "
                        + d.closedOn(),
                    null));
          }
        }
      }
      List<CountryReport> countries = new ArrayList<>();
      byCountry.forEach(
          (c, due) ->
              countries.add(
                  new CountryReport(
                      c, settings.periodFor(c.equals("(none)") ? null : c), List.copyOf(due))));
      return new Report(today, dryRun, erased, nodes, countries);
    }
  }

  /** The report as the command line prints it: one line per country. */
  public static String table(Report r, RetentionSettings s) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "retention %s on %s (default %s, %d country rules): %d candidates %s%n",
            r.dryRun() ? "dry run" : "run",
            r.today(),
            s.defaultPeriod(),
            s.countries().size(),
            r.countries().stream().mapToInt(c -> c.candidates().size()).sum(),
            r.dryRun() ? "would be erased" : "erased (" + r.nodesDeleted() + " nodes deleted)"));
    out.append(
        String.format(
            Locale.ROOT, "%-24s %-8s %6s  %s%n", "country", "keep", "due", "candidates (closed)"));
    for (CountryReport c : r.countries()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-24s %-8s %6d  %s%n",
              c.country(),
              c.period(),
              c.candidates().size(),
              String.join(
                      ", ",
                      c.candidates().stream()
                          .limit(8)
                          .map(d -> d.candidateId() + " (" + d.closedOn() + ")")
                          .toList())
                  + (c.candidates().size() > 8 ? ", ..." : "")));
    }
    return out.toString();
  }
}
