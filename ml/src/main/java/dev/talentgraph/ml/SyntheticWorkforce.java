package dev.talentgraph.ml;

import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.PersonalFields;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * A synthetic company for tests and benchmarks of the model kinds: experts {@code e0000000...} with
 * teams, skills, one performance review, promotions, one collaboration, one completed course with
 * levels before and after, and encrypted personal data. A hidden "talent" drives ratings,
 * promotions and course gains; departures ({@code status = 'departed'}) follow low ratings, no
 * promotion and short tenure through a logistic model, so attrition is learnable but noisy; each
 * expert but the first collaborates with an earlier one. Deterministic per seed; written in batches
 * of {@value #BATCH} experts per transaction.
 */
public final class SyntheticWorkforce {
  private SyntheticWorkforce() {}

  static final int BATCH = 5000;

  public static String id(int i) {
    return String.format("e%07d", i);
  }

  public static void generate(
      Driver driver,
      String database,
      FieldCipher cipher,
      int n,
      long seed,
      LocalDate asOf,
      Consumer<String> progress) {
    if (n < 2) throw new IllegalArgumentException("a workforce needs at least 2 experts, got " + n);
    int teams = Math.max(1, n / 12);
    try (Session s = driver.session(GraphSessions.write(driver, database))) {
      s.executeWrite(
          tx -> {
            tx.run(
                    "UNWIND range(1, 8) AS k MERGE (s:"
                        + Labels.SKILL
                        + " {"
                        + Props.ID
                        + ": 'syn-skill-' + k}) SET s."
                        + Props.NAME
                        + " = 'Synthetic skill ' + k")
                .consume();
            tx.run(
                    "UNWIND range(0, 2) AS k MERGE (c:"
                        + Labels.COURSE
                        + " {"
                        + Props.ID
                        + ": 'syn-course-' + k}) SET c."
                        + Props.HOURS
                        + " = 10 * (k + 1), c.provider = CASE k WHEN 0 THEN 'Coursera' ELSE 'edX' END")
                .consume();
            tx.run(
                    "UNWIND range(0, $teams - 1) AS k MERGE (:"
                        + Labels.TEAM
                        + " {"
                        + Props.ID
                        + ": 'syn-team-' + k})",
                    Map.of("teams", teams))
                .consume();
            return null;
          });
    }
    Random r = new Random(seed);
    for (int from = 0; from < n; from += BATCH) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + BATCH); i++)
        rows.add(person(r, i, n, teams, cipher, asOf));
      write(driver, database, rows);
      progress.accept("synthetic experts written: " + Math.min(n, from + BATCH) + "/" + n);
    }
  }

  private static Map<String, Object> person(
      Random r, int i, int n, int teams, FieldCipher cipher, LocalDate asOf) {
    String id = id(i);
    double talent = r.nextGaussian();
    int rating = Math.max(1, Math.min(5, (int) Math.round(3 + talent + 0.5 * r.nextGaussian())));
    int promotions = talent > 0.3 ? 1 + r.nextInt(2) : (r.nextDouble() < 0.15 ? 1 : 0);
    double tenure = 0.5 + r.nextDouble() * 12;
    double z = -1.2 - 1.1 * (rating - 3) - 0.9 * promotions - 0.1 * tenure + 0.4 * r.nextGaussian();
    boolean departed = r.nextDouble() < 1 / (1 + Math.exp(-z));
    Map<String, Object> m = new HashMap<>();
    m.put("id", id);
    m.put("hiredAt", asOf.minusDays(Math.round(tenure * 365.25)));
    m.put("grade", 1 + Math.min(4, promotions + r.nextInt(2)));
    m.put("status", departed ? "departed" : "active");
    m.put("country", r.nextBoolean() ? "DE" : r.nextBoolean() ? "FR" : "ES");
    m.put("rating", rating);
    m.put("promotions", promotions);
    m.put("skills", 1 + r.nextInt(6));
    m.put("team", "syn-team-" + (i % teams));
    m.put(
        "gender",
        cipher.encrypt(
            r.nextBoolean() ? "female" : "male", FieldCipher.aad(id, PersonalFields.GENDER)));
    m.put(
        "birthDate",
        cipher.encrypt(
            asOf.minusYears(22 + r.nextInt(40)).toString(),
            FieldCipher.aad(id, PersonalFields.BIRTH_DATE)));
    m.put(
        "salary",
        cipher.encrypt(
            String.valueOf(40000 + 5000 * rating + r.nextInt(10000)),
            FieldCipher.aad(id, PersonalFields.SALARY)));
    m.put(
        "collab", id(i == 0 ? 0 : (int) ((i * 7L + 3) % i))); // an earlier expert, already written
    m.put("course", "syn-course-" + (i % 3));
    m.put("before", 1 + r.nextInt(3));
    m.put(
        "gain",
        Math.max(0, Math.min(2, (int) Math.round(0.5 + 0.4 * talent + 0.3 * r.nextGaussian()))));
    return m;
  }

  private static void write(Driver driver, String database, List<Map<String, Object>> rows) {
    try (Session s = driver.session(GraphSessions.write(driver, database))) {
      s.executeWrite(
          tx -> {
            tx.run(
                    "UNWIND $rows AS row "
                        + "MERGE (e:"
                        + Labels.EXPERT
                        + " {"
                        + Props.ID
                        + ": row.id}) "
                        + "SET e."
                        + Props.NAME
                        + " = 'Synthetic ' + row.id, e.hiredAt = row.hiredAt, e.grade = row.grade, e."
                        + Props.STATUS
                        + " = row.status, e."
                        + Props.COUNTRY
                        + " = row.country "
                        + "MERGE (e)-[:"
                        + RelTypes.HAS_PERSONAL_DATA
                        + "]->(p:"
                        + Labels.PERSONAL_DATA
                        + ") "
                        + "SET p."
                        + PersonalFields.GENDER
                        + " = row.gender, p."
                        + PersonalFields.BIRTH_DATE
                        + " = row.birthDate, p."
                        + PersonalFields.SALARY
                        + " = row.salary "
                        + "WITH e, row MATCH (t:"
                        + Labels.TEAM
                        + " {"
                        + Props.ID
                        + ": row.team}) MERGE (e)-[:"
                        + RelTypes.MEMBER_OF
                        + "]->(t) "
                        + "MERGE (rv:"
                        + Labels.PERFORMANCE_REVIEW
                        + " {"
                        + Props.ID
                        + ": 'rev-' + row.id}) SET rv.rating = row.rating, "
                        + "rv.date = date('2025-06-01') MERGE (e)-[:"
                        + RelTypes.HAS_REVIEW
                        + "]->(rv)",
                    Map.of("rows", rows))
                .consume();
            tx.run(
                    "UNWIND $rows AS row MATCH (e:"
                        + Labels.EXPERT
                        + " {"
                        + Props.ID
                        + ": row.id}) "
                        + "UNWIND range(1, row.skills) AS k MATCH (s:"
                        + Labels.SKILL
                        + " {"
                        + Props.ID
                        + ": 'syn-skill-' + k}) "
                        + "MERGE (e)-[h:"
                        + RelTypes.HAS_SKILL
                        + "]->(s) SET h."
                        + Props.LEVEL
                        + " = 1 + (k + row.rating) % 5",
                    Map.of("rows", rows))
                .consume();
            tx.run(
                    "UNWIND $rows AS row WITH row WHERE row.promotions > 0 MATCH (e:"
                        + Labels.EXPERT
                        + " {"
                        + Props.ID
                        + ": row.id}) "
                        + "UNWIND range(1, row.promotions) AS p MERGE (pr:"
                        + Labels.PROMOTION
                        + " {"
                        + Props.ID
                        + ": 'prom-' + row.id + '-' + p}) "
                        + "SET pr.date = date('2025-01-01') - duration({years: p * 2}) MERGE (e)-[:"
                        + RelTypes.PROMOTED
                        + "]->(pr)",
                    Map.of("rows", rows))
                .consume();
            tx.run(
                    "UNWIND $rows AS row MATCH (e:"
                        + Labels.EXPERT
                        + " {"
                        + Props.ID
                        + ": row.id}), (c:"
                        + Labels.COURSE
                        + " {"
                        + Props.ID
                        + ": row.course}) MERGE (e)-[en:"
                        + RelTypes.ENROLLED
                        + "]->(c) SET en."
                        + Props.STATUS
                        + " = 'completed', en."
                        + Props.LEVEL_BEFORE
                        + " = row.before, en."
                        + Props.LEVEL_AFTER
                        + " = row.before + row.gain",
                    Map.of("rows", rows))
                .consume();
            tx.run(
                    "UNWIND $rows AS row MATCH (e:"
                        + Labels.EXPERT
                        + " {"
                        + Props.ID
                        + ": row.id}), (o:"
                        + Labels.EXPERT
                        + " {"
                        + Props.ID
                        + ": row.collab}) WHERE e <> o MERGE (e)-[c:"
                        + RelTypes.COLLABORATED_WITH
                        + "]->(o) SET c."
                        + Props.COUNT
                        + " = 1 + row.rating, c."
                        + Props.LAST_YEAR
                        + " = 2020 + row.rating",
                    Map.of("rows", rows))
                .consume();
            return null;
          });
    }
  }
}
