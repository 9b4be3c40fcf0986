package dev.talentgraph.importers.demo;

import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * The demo's later events: appends to a loaded demo graph what happens in the {@code months} after
 * {@code from}: a yearly review for every current expert on each 15 December in the window, a
 * promotion the following 1 March for some of the well rated, departures pushed by low ratings (as
 * the generator draws them), and new hires. Every event is dated after {@code from}, so the models
 * trained up to {@code from} can be checked on outcomes they never saw. Nobody is reviewed or
 * promoted after leaving. Seeded: the same graph, window and seed give the same events. New hires
 * carry no personal data and no collaborations, and no collaboration is added in the window, so
 * collaboration and personal inputs drift with the window (the check's PSI shows it).
 */
public final class DemoAdvance {
  /** What was appended. */
  public record Summary(
      LocalDate from, LocalDate to, int reviews, int promotions, int departures, int hires) {}

  private final Driver driver;
  private final String database;

  public DemoAdvance(Driver driver, String database) {
    this.driver = driver;
    this.database = database;
  }

  public Summary advance(LocalDate from, int months, long seed) {
    if (months < 1 || months > 60)
      throw new IllegalArgumentException("months must be 1 to 60, got " + months);
    LocalDate to = from.plusMonths(months);
    SplittableRandom rng = new SplittableRandom(seed);
    List<Map<String, Object>> reviews = new ArrayList<>();
    List<Map<String, Object>> promotions = new ArrayList<>();
    List<Map<String, Object>> departures = new ArrayList<>();
    List<Map<String, Object>> hires = new ArrayList<>();
    List<Record> people;
    try (Session s = session()) {
      people =
          s.run(
                  "MATCH (e:"
                      + Labels.EXPERT
                      + ") WHERE e."
                      + Props.STATUS
                      + " = 'active' OPTIONAL MATCH (e)-[:"
                      + RelTypes.HAS_REVIEW
                      + "]->(r:"
                      + Labels.PERFORMANCE_REVIEW
                      + ") WITH e, r ORDER BY r."
                      + Props.DATE
                      + " DESC WITH e, collect(r."
                      + Props.RATING
                      + ")[0] AS last, collect(r."
                      + Props.RATING
                      + ") AS all OPTIONAL MATCH (e)-[:"
                      + RelTypes.MEMBER_OF
                      + "]->(t:"
                      + Labels.TEAM
                      + ") RETURN e."
                      + Props.ID
                      + " AS id, e."
                      + Props.GRADE
                      + " AS grade, last, all, collect(t."
                      + Props.ID
                      + ")[0] AS team ORDER BY id")
              .list();
    }
    List<String> teams = new ArrayList<>();
    for (Record p : people) {
      String id = p.get("id").asString();
      int grade = p.get("grade").isNull() ? 1 : p.get("grade").asNumber().intValue();
      double mean = 3;
      List<Object> all = p.get("all").asList();
      if (!all.isEmpty()) {
        mean = 0;
        for (Object o : all) mean += ((Number) o).doubleValue();
        mean /= all.size();
      }
      if (!p.get("team").isNull()) teams.add(p.get("team").asString());
      int last = p.get("last").isNull() ? 3 : p.get("last").asNumber().intValue();
      // departures: the generator's yearly rule on the last rating, scaled to the window; no
      // review or promotion after someone left
      LocalDate departed = null;
      double yearly = sigmoid(-3.4 + 0.7 * (3 - last) + 0.5);
      if (rng.nextDouble() < 1 - Math.pow(1 - yearly, months / 12.0)) {
        departed = from.plusDays(1 + rng.nextInt((int) ChronoUnit.DAYS.between(from, to)));
        departures.add(
            Map.of("id", id, "at", departed, "reason", last <= 2 ? "involuntary" : "voluntary"));
      }
      for (int year = from.getYear(); year <= to.getYear(); year++) {
        LocalDate date = LocalDate.of(year, 12, 15);
        if (!date.isAfter(from) || date.isAfter(to)) continue;
        if (departed != null && !departed.isAfter(date)) break;
        int rating = clamp((int) Math.round(0.35 * last + 0.65 * mean + 0.6 * gaussian(rng)), 1, 5);
        Map<String, Object> props =
            Map.of(
                Props.YEAR,
                year,
                Props.DATE,
                date,
                Props.RATING,
                rating,
                Props.SOURCE,
                "demo-advance");
        reviews.add(row("r-" + id + "-" + year, id, props));
        last = rating;
        LocalDate promo = LocalDate.of(year + 1, 3, 1);
        if (grade < 6
            && !promo.isAfter(to)
            && (departed == null || departed.isAfter(promo))
            && rng.nextDouble() < sigmoid(-2.6 + 1.2 * (rating - 3))) {
          promotions.add(
              row(
                  "pr-" + id + "-" + (year + 1),
                  id,
                  Map.of(
                      Props.DATE,
                      promo,
                      Props.FROM_GRADE,
                      grade,
                      Props.TO_GRADE,
                      grade + 1,
                      Props.SOURCE,
                      "demo-advance")));
          grade++;
        }
      }
    }
    int newcomers = Math.max(1, (int) Math.round(people.size() * 0.08 * months / 12.0));
    for (int i = 0; i < newcomers; i++) {
      String id = String.format("e-adv-%d-%04d", seed, i);
      Map<String, Object> h = new HashMap<>();
      h.put("id", id);
      h.put("hiredAt", from.plusDays(1 + rng.nextInt((int) ChronoUnit.DAYS.between(from, to))));
      h.put("grade", 1 + rng.nextInt(3));
      h.put("team", teams.isEmpty() ? null : teams.get(rng.nextInt(teams.size())));
      hires.add(h);
    }
    try (Session s = session()) {
      s.executeWrite(
          tx -> {
            tx.run(owned(Labels.PERFORMANCE_REVIEW, RelTypes.HAS_REVIEW), Map.of("rows", reviews))
                .consume();
            tx.run(owned(Labels.PROMOTION, RelTypes.PROMOTED), Map.of("rows", promotions))
                .consume();
            tx.run(
                    "UNWIND $rows AS row MATCH (e:Expert {id: row.expert}) SET e."
                        + Props.GRADE
                        + " = row.props."
                        + Props.TO_GRADE,
                    Map.of("rows", promotions))
                .consume();
            tx.run(
                    "UNWIND $rows AS row MATCH (e:"
                        + Labels.EXPERT
                        + " {id: row.id}) SET e."
                        + Props.STATUS
                        + " = 'departed', e."
                        + Props.DEPARTED_AT
                        + " = row.at, e."
                        + Props.DEPARTURE_REASON
                        + " = row.reason",
                    Map.of("rows", departures))
                .consume();
            tx.run(
                    "UNWIND $rows AS row MERGE (e:"
                        + Labels.EXPERT
                        + " {id: row.id}) SET e."
                        + Props.HIRED_AT
                        + " = row.hiredAt, e."
                        + Props.GRADE
                        + " = row.grade, e."
                        + Props.STATUS
                        + " = 'active', e."
                        + Props.SOURCE
                        + " = 'demo-advance' WITH e, row MATCH (t:"
                        + Labels.TEAM
                        + " {id: row.team}) MERGE (e)-[:"
                        + RelTypes.MEMBER_OF
                        + "]->(t)",
                    Map.of("rows", hires))
                .consume();
            return null;
          });
    }
    return new Summary(
        from, to, reviews.size(), promotions.size(), departures.size(), hires.size());
  }

  private static Map<String, Object> row(String id, String expert, Map<String, Object> props) {
    return Map.of("id", id, "expert", expert, "props", props);
  }

  private static String owned(String label, String type) {
    return "UNWIND $rows AS row MATCH (e:"
        + Labels.EXPERT
        + " {id: row.expert}) MERGE (n:"
        + label
        + " {id: row.id}) SET n += row.props MERGE (e)-[:"
        + type
        + "]->(n)";
  }

  private Session session() {
    return driver.session(GraphSessions.write(driver, database));
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble(), v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
