package dev.talentgraph.ml.hiring;

import dev.talentgraph.schema.FieldCipher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Applications in the shape of docs/adr/0006 with a planted hire signal: three openings requiring
 * Java (4, required), Python (3, required) and SQL (2, preferred); applicants whose skills,
 * assessment and interviews are drawn around a hidden quality; the better ones are hired more
 * often. Every fourth applicant is internal (an Expert hired years before, with an encrypted
 * gender); the rest are Candidates. Closed applications are hired, or rejected after screening (or,
 * for some, rejected at screening: not training rows); {@code open} more stay in stage interview,
 * to be scored.
 */
public final class HireFixtures {
  private HireFixtures() {}

  public static void generate(
      Driver driver, FieldCipher cipher, int applicants, int open, long seed) {
    Random rng = new Random(seed);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < applicants + open; i++) {
      double q = rng.nextDouble();
      boolean internal = i % 4 == 0;
      String pid = (internal ? "hx-e" : "hx-c") + i;
      Map<String, Object> r = new HashMap<>();
      r.put("person", pid);
      r.put("internal", internal);
      r.put("name", (internal ? "Employee " : "Candidate ") + i);
      r.put(
          "gender", cipher.encrypt(i % 3 == 0 ? "female" : "male", FieldCipher.aad(pid, "gender")));
      r.put("hiredAt", LocalDate.of(2015 + rng.nextInt(8), 1 + rng.nextInt(12), 1));
      r.put("app", "hx-a" + i);
      r.put("opening", "hx-j" + (i % 3));
      r.put("appliedAt", LocalDate.of(2024, 1 + i % 12, 1 + i % 28));
      List<List<Object>> skills = new ArrayList<>();
      int java = level(q + 0.25 * rng.nextGaussian());
      int python = level(q + 0.25 * rng.nextGaussian());
      if (java > 0)
        skills.add(List.of("hx-java", java, q > 0.6 ? "certification" : "self-assessment"));
      else if (rng.nextBoolean())
        skills.add(List.of("hx-spring", 3, "prior role")); // stands in for Java, narrower
      if (python > 0) skills.add(List.of("hx-python", python, "prior role"));
      if (rng.nextDouble() < q) skills.add(List.of("hx-sql", 1 + rng.nextInt(5), "course"));
      r.put("skills", skills);
      r.put("overall", round(1 + 4 * clamp(q + 0.2 * rng.nextGaussian())));
      r.put("measured", level(q + 0.2 * rng.nextGaussian()));
      boolean closed = i < applicants;
      boolean hired = q + 0.25 * rng.nextGaussian() > 0.6;
      boolean screenedOut = !hired && rng.nextDouble() < 0.1;
      r.put("stage", !closed ? "interview" : hired ? "hired" : "rejected");
      r.put("round", !closed ? 1 : null);
      r.put("screened", closed && !screenedOut);
      int rounds = !closed ? 1 : hired ? 2 : screenedOut ? 0 : rng.nextInt(3);
      List<List<Object>> interviews = new ArrayList<>();
      for (int k = 1; k <= rounds; k++) {
        double s = 1 + 4 * clamp(q + 0.3 * rng.nextGaussian());
        interviews.add(List.of(k, round(s), s >= 3 ? "yes" : "no"));
      }
      r.put("interviews", interviews);
      rows.add(r);
    }
    try (Session s = driver.session()) {
      s.executeWrite(
          tx -> {
            tx.run(
                    """
            MERGE (se:Skill {id: 'hx-se'}) SET se.name = 'Software Engineering'
            MERGE (java:Skill {id: 'hx-java'}) SET java.name = 'Java'
            MERGE (spring:Skill {id: 'hx-spring'}) SET spring.name = 'Spring'
            MERGE (py:Skill {id: 'hx-python'}) SET py.name = 'Python'
            MERGE (sql:Skill {id: 'hx-sql'}) SET sql.name = 'SQL'
            MERGE (java)-[:BROADER]->(se) MERGE (spring)-[:BROADER]->(java) MERGE (py)-[:BROADER]->(se)
            WITH java, py, sql
            UNWIND range(0, 2) AS k
            MERGE (t:Team {id: 'hx-t' + k}) SET t.name = 'Hiring team ' + k
            MERGE (j:JobOpening {id: 'hx-j' + k}) SET j.title = 'Engineer ' + k, j.name = 'Engineer ' + k, j.status = 'open',
              j.interviewRounds = 2
            MERGE (j)-[:HIRES_FOR]->(t)
            MERGE (j)-[r1:REQUIRES]->(java) SET r1.level = 4, r1.required = true
            MERGE (j)-[r2:REQUIRES]->(py) SET r2.level = 3, r2.required = true
            MERGE (j)-[r3:REQUIRES]->(sql) SET r3.level = 2, r3.required = false
            """)
                .consume();
            tx.run(
                    """
            UNWIND $rows AS row
            CALL (row) {
              WITH row WHERE row.internal
              MERGE (p:Expert {id: row.person}) SET p.name = row.name, p.hiredAt = row.hiredAt, p.status = 'active'
              MERGE (p)-[:HAS_PERSONAL_DATA]->(pd:PersonalData) SET pd.gender = row.gender
              RETURN p
              UNION
              WITH row WHERE NOT row.internal
              MERGE (p:Candidate {id: row.person}) SET p.name = row.name
              RETURN p
            }
            MATCH (j:JobOpening {id: row.opening})
            MERGE (a:Application {id: row.app})
            SET a.stage = row.stage, a.round = row.round, a.appliedAt = row.appliedAt, a.updatedAt = row.appliedAt
            MERGE (p)-[:APPLIED]->(a) MERGE (a)-[:TO]->(j)
            MERGE (a)-[:MOVED]->(c1:StageChange {id: row.app + '/1'})
            SET c1.seq = 1, c1.to = 'applied', c1.at = datetime(), c1.actor = 'test'
            FOREACH (_ IN CASE WHEN row.screened THEN [1] ELSE [] END |
              MERGE (a)-[:MOVED]->(c2:StageChange {id: row.app + '/2'})
              SET c2.seq = 2, c2.from = 'applied', c2.to = 'screened', c2.at = datetime(), c2.actor = 'test')
            FOREACH (sk IN row.skills |
              MERGE (s:Skill {id: sk[0]})
              MERGE (p)-[h:HAS_SKILL]->(s) SET h.level = sk[1], h.evidence = sk[2], h.source = 'test')
            FOREACH (_ IN CASE WHEN row.screened THEN [1] ELSE [] END |
              MERGE (a)-[:HAS_ASSESSMENT]->(x:Assessment {id: row.app + '/as'})
              SET x.overall = row.overall, x.method = 'coding test', x.at = datetime()
              MERGE (java:Skill {id: 'hx-java'})
              MERGE (x)-[m:MEASURED]->(java) SET m.level = CASE WHEN row.measured < 1 THEN 1 ELSE row.measured END)
            FOREACH (iv IN row.interviews |
              MERGE (a)-[:HAS_INTERVIEW]->(i:Interview {id: row.app + '/iv' + iv[0]})
              SET i.round = iv[0], i.overall = iv[1], i.recommendation = iv[2], i.at = datetime())
            """,
                    Map.of("rows", rows))
                .consume();
            return null;
          });
    }
  }

  private static int level(double x) {
    return (int) Math.round(clamp(x) * 5);
  }

  private static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }

  private static double round(double x) {
    return Math.round(x * 10) / 10.0;
  }
}
