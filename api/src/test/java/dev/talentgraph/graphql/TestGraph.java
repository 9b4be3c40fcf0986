package dev.talentgraph.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.driver.Driver;

/**
 * The small, deterministic graph the GraphQL tests run on, written once per JVM with idempotent
 * MERGEs.
 *
 * <p>Hand-written nodes for exact assertions: e001 Ada Lovelace (DE, Berlin, team Platform; Java 5,
 * Spring 4, Graph Databases 3; projects p1 as lead and p2; publication pub1; collaborators e002
 * stored e001->e002 and e003 stored e003->e001), e002 Alan Turing (GB; Machine Learning 5, Deep
 * Learning 4, Python 3; team Data; p2; pub2), e003 Grace Hopper (US; Java 3, Python 2; team
 * Platform; p1). Generated experts e004..e060 ("Expert 004", ...): country DE/FR/US by i % 3, team
 * Platform for odd i else Data, Python at level i % 5 + 1, Java at (i + 2) % 5 + 1, project p(i % 3
 * + 1), collaborator e(i+1). Skills: Software Engineering > Java > Spring, Software Engineering >
 * Python, Machine Learning > Deep Learning, Graph Databases (alias Neo4j). Three projects, three
 * courses.
 */
public final class TestGraph {
  public static final int EXPERTS = 60;
  private static final AtomicBoolean LOADED = new AtomicBoolean();

  private TestGraph() {}

  public static void load(Driver driver) {
    if (LOADED.get()) return;
    synchronized (LOADED) {
      if (LOADED.get()) return;
      try (var s = driver.session()) {
        s.executeWrite(
            tx -> {
              tx.run(
                  "MERGE (a:Team {id: 't-platform'}) SET a.name = 'Platform' MERGE (b:Team {id: 't-data'}) SET b.name = 'Data'");
              tx.run(
                  "UNWIND $skills AS row MERGE (s:Skill {id: row[0]}) SET s.name = row[1], s.category = row[2], s.aliases = row[3]",
                  Map.of(
                      "skills",
                      List.of(
                          List.of("s-se", "Software Engineering", "engineering", List.of("SE")),
                          List.of("s-java", "Java", "engineering", List.of("JVM Java")),
                          List.of("s-spring", "Spring", "engineering", List.of("Spring Boot")),
                          List.of("s-python", "Python", "engineering", List.of()),
                          List.of("s-ml", "Machine Learning", "data", List.of("ML")),
                          List.of("s-dl", "Deep Learning", "data", List.of()),
                          List.of("s-graph", "Graph Databases", "data", List.of("Neo4j")))));
              tx.run(
                  "UNWIND $pairs AS p MATCH (a:Skill {id: p[0]}), (b:Skill {id: p[1]}) MERGE (a)-[:BROADER]->(b)",
                  Map.of(
                      "pairs",
                      List.of(
                          List.of("s-java", "s-se"),
                          List.of("s-spring", "s-java"),
                          List.of("s-python", "s-se"),
                          List.of("s-dl", "s-ml"))));
              tx.run(
                  """
              MERGE (p1:Project {id: 'p1'}) SET p1.name = 'Apollo Platform', p1.status = 'active'
              MERGE (p2:Project {id: 'p2'}) SET p2.name = 'Borealis Analytics', p2.status = 'done'
              MERGE (p3:Project {id: 'p3'}) SET p3.name = 'Cobalt Migration', p3.status = 'active'
              WITH p1, p2, p3
              MATCH (java:Skill {id: 's-java'}), (spring:Skill {id: 's-spring'}), (ml:Skill {id: 's-ml'}), (py:Skill {id: 's-python'}),
                    (dl:Skill {id: 's-dl'})
              MERGE (p1)-[r1:REQUIRES]->(java) SET r1.level = 4, r1.required = true
              MERGE (p1)-[r2:REQUIRES]->(spring) SET r2.level = 3, r2.required = false
              MERGE (p2)-[r3:REQUIRES]->(ml) SET r3.level = 3, r3.required = true
              MERGE (p3)-[r4:REQUIRES]->(py) SET r4.level = 2, r4.required = true
              MERGE (c1:Course {id: 'c1'}) SET c1.title = 'Java Fundamentals', c1.hours = 10
              MERGE (c2:Course {id: 'c2'}) SET c2.title = 'Deep Learning Intro', c2.hours = 24.5
              MERGE (c3:Course {id: 'c3'}) SET c3.title = 'Spring in Depth', c3.hours = 16
              MERGE (c1)-[t1:TEACHES]->(java) SET t1.level = 2
              MERGE (c2)-[t2:TEACHES]->(dl) SET t2.level = 3
              MERGE (c2)-[t3:TEACHES]->(ml) SET t3.level = 2
              MERGE (c3)-[t4:TEACHES]->(spring) SET t4.level = 4
              """);
              tx.run(
                  """
              UNWIND range(1, $n) AS i
              WITH i, 'e' + right('00' + toString(i), 3) AS id
              MERGE (e:Expert {id: id})
              SET e.name = CASE i WHEN 1 THEN 'Ada Lovelace' WHEN 2 THEN 'Alan Turing' WHEN 3 THEN 'Grace Hopper'
                             ELSE 'Expert ' + right('00' + toString(i), 3) END,
                  e.country = CASE i WHEN 1 THEN 'DE' WHEN 2 THEN 'GB' WHEN 3 THEN 'US' ELSE ['DE', 'FR', 'US'][i % 3] END,
                  e.region = CASE i WHEN 1 THEN 'Berlin' WHEN 2 THEN 'Cambridge' WHEN 3 THEN 'Virginia'
                             ELSE ['Bavaria', 'Brittany', 'Texas'][i % 3] END,
                  e.title = CASE WHEN i <= 3 THEN 'Principal' ELSE 'Engineer' END
              """,
                  Map.of("n", EXPERTS));
              tx.run(
                  """
              UNWIND range(4, $n) AS i
              WITH i, 'e' + right('00' + toString(i), 3) AS id
              MATCH (e:Expert {id: id}), (py:Skill {id: 's-python'}), (java:Skill {id: 's-java'}),
                    (p:Project {id: 'p' + toString(i % 3 + 1)}), (t:Team {id: CASE WHEN i % 2 = 1 THEN 't-platform' ELSE 't-data' END})
              MERGE (e)-[a:HAS_SKILL]->(py) SET a.level = i % 5 + 1, a.source = 'test'
              MERGE (e)-[b:HAS_SKILL]->(java) SET b.level = (i + 2) % 5 + 1, b.source = 'test'
              MERGE (e)-[w:WORKED_ON]->(p) SET w.role = 'developer'
              MERGE (e)-[:MEMBER_OF]->(t)
              WITH i WHERE i < $n
              MATCH (a:Expert {id: 'e' + right('00' + toString(i), 3)}), (b:Expert {id: 'e' + right('00' + toString(i + 1), 3)})
              MERGE (a)-[c:COLLABORATED_WITH]->(b) SET c.count = 1, c.firstYear = 2020, c.lastYear = 2021
              """,
                  Map.of("n", EXPERTS));
              tx.run(
                  """
              MATCH (ada:Expert {id: 'e001'}), (alan:Expert {id: 'e002'}), (grace:Expert {id: 'e003'}),
                    (java:Skill {id: 's-java'}), (spring:Skill {id: 's-spring'}), (graph:Skill {id: 's-graph'}),
                    (ml:Skill {id: 's-ml'}), (dl:Skill {id: 's-dl'}), (py:Skill {id: 's-python'}),
                    (p1:Project {id: 'p1'}), (p2:Project {id: 'p2'}), (tp:Team {id: 't-platform'}), (td:Team {id: 't-data'})
              MERGE (ada)-[s1:HAS_SKILL]->(java) SET s1.level = 5, s1.evidence = 'wrote the first program', s1.source = 'test', s1.since = date('1842-01-01')
              MERGE (ada)-[s2:HAS_SKILL]->(spring) SET s2.level = 4, s2.source = 'test'
              MERGE (ada)-[s3:HAS_SKILL]->(graph) SET s3.level = 3, s3.source = 'test'
              MERGE (alan)-[s4:HAS_SKILL]->(ml) SET s4.level = 5, s4.source = 'test'
              MERGE (alan)-[s5:HAS_SKILL]->(dl) SET s5.level = 4, s5.source = 'test'
              MERGE (alan)-[s6:HAS_SKILL]->(py) SET s6.level = 3, s6.source = 'test'
              MERGE (grace)-[s7:HAS_SKILL]->(java) SET s7.level = 3, s7.source = 'test'
              MERGE (grace)-[s8:HAS_SKILL]->(py) SET s8.level = 2, s8.source = 'test'
              MERGE (ada)-[w1:WORKED_ON]->(p1) SET w1.role = 'lead', w1.from = date('2020-01-01')
              MERGE (ada)-[w2:WORKED_ON]->(p2) SET w2.role = 'advisor'
              MERGE (alan)-[w3:WORKED_ON]->(p2) SET w3.role = 'lead'
              MERGE (grace)-[w4:WORKED_ON]->(p1) SET w4.role = 'developer'
              MERGE (ada)-[:MEMBER_OF]->(tp) MERGE (grace)-[:MEMBER_OF]->(tp) MERGE (alan)-[:MEMBER_OF]->(td)
              MERGE (ada)-[c1:COLLABORATED_WITH]->(alan) SET c1.count = 3, c1.firstYear = 1840, c1.lastYear = 1843
              MERGE (grace)-[c2:COLLABORATED_WITH]->(ada) SET c2.count = 1, c2.firstYear = 1950, c2.lastYear = 1951
              MERGE (pub1:Publication {id: 'pub1'}) SET pub1.title = 'Notes on the Analytical Engine', pub1.year = 1843,
                    pub1.venue = 'Scientific Memoirs'
              MERGE (pub2:Publication {id: 'pub2'}) SET pub2.title = 'Computing Machinery and Intelligence', pub2.year = 1950,
                    pub2.venue = 'Mind'
              MERGE (ada)-[:AUTHORED]->(pub1) MERGE (alan)-[:AUTHORED]->(pub2)
              """);
              return null;
            });
      }
      LOADED.set(true);
    }
  }

  /**
   * Every business node and relationship with its labels, type and properties, in a canonical
   * order: equal snapshots mean the graph did not change (logins, tokens, migration records and
   * audit events left out: the audit log is meant to grow).
   */
  public static List<String> snapshot(Driver driver) {
    try (var s = driver.session()) {
      var out = new ArrayList<String>();
      out.addAll(
          new TreeSet<>(
              s.run(
                      """
          MATCH (n) WHERE NOT n:User AND NOT n:ApiToken AND NOT n:__Migration AND NOT n:AuditEvent
          RETURN apoc.convert.toJson([labels(n), properties(n)]) AS x
          """)
                  .list(r -> r.get(0).asString())));
      out.addAll(
          new TreeSet<>(
              s.run(
                      """
          MATCH (a)-[r]->(b) WHERE NOT a:User AND NOT a:ApiToken AND NOT a:__Migration AND NOT a:AuditEvent
          RETURN apoc.convert.toJson([a.id, type(r), b.id, properties(r)]) AS x
          """)
                  .list(r -> r.get(0).asString())));
      return out;
    }
  }
}
