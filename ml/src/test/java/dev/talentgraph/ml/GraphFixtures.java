package dev.talentgraph.ml;

import dev.talentgraph.schema.FieldCipher;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Small talent graphs for tests: a hand-checkable trio (x1, x2, x3) and a synthetic company of
 * experts whose departures follow their ratings, promotions and tenure, with encrypted personal data.
 */
public final class GraphFixtures {
  private GraphFixtures() {}

  public static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

  /** A reversible test cipher that checks the associated data, like the real AES-GCM one. */
  public static final class TestCipher implements FieldCipher {
    @Override
    public String encrypt(String plaintext, String aad) {
      return PREFIX + Base64.getEncoder().encodeToString((aad + "|" + plaintext).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String decrypt(String ciphertext, String aad) {
      String s = new String(Base64.getDecoder().decode(ciphertext.substring(PREFIX.length())), StandardCharsets.UTF_8);
      if (!s.startsWith(aad + "|")) throw new IllegalArgumentException("wrong associated data " + aad);
      return s.substring(aad.length() + 1);
    }
  }

  /**
   * x1 has 2 skills (levels 2 and 4), collaborates with x2 (count 3, last 2024) and x3 (count 1,
   * last 2020), completed 1 of 2 courses, shares team t-x with x2, has reviews 3 (2024) and 5 (2025),
   * one promotion on 2023-01-01, was hired 2016-01-01 and born 1986-01-01.
   */
  public static void trio(Driver driver, FieldCipher cipher) {
    try (Session s = driver.session()) {
      s.run("""
          CREATE (x1:Expert {id: 'x1', name: 'X One', hiredAt: date('2016-01-01'), grade: 3}),
                 (x2:Expert {id: 'x2', name: 'X Two'}), (x3:Expert {id: 'x3', name: 'X Three'}),
                 (a:Skill {id: 'sx-a', name: 'A'}), (b:Skill {id: 'sx-b', name: 'B'}),
                 (x1)-[:HAS_SKILL {level: 2}]->(a), (x1)-[:HAS_SKILL {level: 4}]->(b),
                 (x1)-[:COLLABORATED_WITH {count: 3, lastYear: 2024}]->(x2),
                 (x3)-[:COLLABORATED_WITH {count: 1, lastYear: 2020}]->(x1),
                 (c1:Course {id: 'cx-1'}), (c2:Course {id: 'cx-2'}),
                 (x1)-[:ENROLLED {status: 'completed', levelBefore: 1, levelAfter: 3}]->(c1),
                 (x1)-[:ENROLLED {status: 'enrolled'}]->(c2),
                 (t:Team {id: 't-x'}), (x1)-[:MEMBER_OF]->(t), (x2)-[:MEMBER_OF]->(t),
                 (x1)-[:HAS_REVIEW]->(:PerformanceReview {id: 'rx-1', rating: 3, date: date('2024-12-01')}),
                 (x1)-[:HAS_REVIEW]->(:PerformanceReview {id: 'rx-2', rating: 5, date: date('2025-12-01')}),
                 (x1)-[:PROMOTED]->(:Promotion {id: 'px-1', date: date('2023-01-01')}),
                 (x1)-[:HAS_PERSONAL_DATA]->(:PersonalData {birthDate: $birth, gender: $gender})
          """, Map.of("birth", cipher.encrypt("1986-01-01", FieldCipher.aad("x1", "birthDate")),
          "gender", cipher.encrypt("female", FieldCipher.aad("x1", "gender")))).consume();
    }
  }

  /** {@code n} experts e000.. with careers; about a quarter departed, mostly those with low ratings and no promotion. */
  public static void company(Driver driver, FieldCipher cipher, int n, long seed) {
    Random r = new Random(seed);
    List<Map<String, Object>> experts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = String.format("e%03d", i);
      double talent = r.nextGaussian();
      int rating = Math.max(1, Math.min(5, (int) Math.round(3 + talent + 0.5 * r.nextGaussian())));
      int promotions = talent > 0.3 ? 1 + r.nextInt(2) : r.nextInt(2) * (r.nextDouble() < 0.3 ? 1 : 0);
      double tenure = 0.5 + r.nextDouble() * 12;
      int skills = 1 + r.nextInt(6);
      double z = -1.2 - 1.1 * (rating - 3) - 0.9 * promotions - 0.1 * tenure + 0.4 * r.nextGaussian();
      boolean departed = r.nextDouble() < 1 / (1 + Math.exp(-z));
      Map<String, Object> m = new HashMap<>();
      m.put("id", id);
      m.put("hiredAt", AS_OF.minusDays(Math.round(tenure * 365.25)));
      m.put("grade", 1 + Math.min(4, promotions + r.nextInt(2)));
      m.put("status", departed ? "departed" : "active");
      m.put("country", r.nextBoolean() ? "DE" : r.nextBoolean() ? "FR" : "ES");
      m.put("rating", rating);
      m.put("promotions", promotions);
      m.put("skills", skills);
      m.put("team", "team-" + (i % 5));
      m.put("gender", cipher.encrypt(r.nextBoolean() ? "female" : "male", FieldCipher.aad(id, "gender")));
      m.put("birthDate", cipher.encrypt(AS_OF.minusYears(22 + r.nextInt(40)).toString(), FieldCipher.aad(id, "birthDate")));
      m.put("salary", cipher.encrypt(String.valueOf(40000 + 5000 * rating + r.nextInt(10000)), FieldCipher.aad(id, "salary")));
      m.put("collab", String.format("e%03d", (i * 7 + 3) % n));
      m.put("course", "course-" + (i % 3));
      m.put("before", 1 + r.nextInt(3));
      m.put("gain", Math.max(0, Math.min(2, (int) Math.round(0.5 + 0.4 * talent + 0.3 * r.nextGaussian()))));
      experts.add(m);
    }
    try (Session s = driver.session()) {
      s.run("UNWIND range(1, 8) AS k CREATE (:Skill {id: 'skill-' + k, name: 'Skill ' + k})").consume();
      s.run("UNWIND range(0, 2) AS k CREATE (:Course {id: 'course-' + k, hours: 10 * (k + 1), provider: CASE k WHEN 0 THEN 'Coursera' ELSE 'edX' END})").consume();
      s.run("UNWIND range(0, 4) AS k CREATE (:Team {id: 'team-' + k})").consume();
      s.run("""
          UNWIND $rows AS row
          CREATE (e:Expert {id: row.id, name: 'Expert ' + row.id, hiredAt: row.hiredAt, grade: row.grade, status: row.status,
                            country: row.country})
          CREATE (e)-[:HAS_PERSONAL_DATA]->(:PersonalData {gender: row.gender, birthDate: row.birthDate, salary: row.salary})
          WITH e, row
          MATCH (t:Team {id: row.team}) CREATE (e)-[:MEMBER_OF]->(t)
          WITH e, row
          UNWIND range(1, row.skills) AS k MATCH (s:Skill {id: 'skill-' + k})
          CREATE (e)-[:HAS_SKILL {level: 1 + (k + row.rating) % 5}]->(s)
          WITH DISTINCT e, row
          CREATE (e)-[:HAS_REVIEW]->(:PerformanceReview {id: 'rev-' + row.id, rating: row.rating, date: date('2025-06-01')})
          WITH e, row
          UNWIND range(1, row.promotions) AS p
          CREATE (e)-[:PROMOTED]->(:Promotion {id: 'prom-' + row.id + '-' + p, date: date('2025-01-01') - duration({years: p * 2})})
          """, Map.of("rows", experts)).consume();
      s.run("""
          UNWIND $rows AS row
          MATCH (e:Expert {id: row.id}), (o:Expert {id: row.collab}) WHERE e <> o
          CREATE (e)-[:COLLABORATED_WITH {count: 1 + row.rating, lastYear: 2020 + row.rating}]->(o)
          """, Map.of("rows", experts)).consume();
      s.run("""
          UNWIND $rows AS row
          MATCH (e:Expert {id: row.id}), (c:Course {id: row.course})
          CREATE (e)-[:ENROLLED {status: 'completed', levelBefore: row.before, levelAfter: row.before + row.gain}]->(c)
          """, Map.of("rows", experts)).consume();
    }
  }
}
