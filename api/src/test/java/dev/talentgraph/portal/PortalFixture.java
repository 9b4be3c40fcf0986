package dev.talentgraph.portal;

import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.security.LocalUsers;
import dev.talentgraph.security.Role;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;

/**
 * A small graph for the portal's tests: three people (one with a hostile name), a taxonomy branch,
 * a course, two stored communities of practice, personal data for Ada, and one login per role.
 */
final class PortalFixture {
  static final String PASSWORD = "portal-test-pw";
  static final String HOSTILE = "<script>window.pwned=1</script> O'Hara \"Quote\"";
  static final String ADA_EMAIL = "ada-secret@example.org";
  static final String ADA_SALARY = "123457";

  private PortalFixture() {}

  static synchronized void load(Driver driver, FieldCipher cipher, LocalUsers users) {
    try (var s = driver.session()) {
      if (s.run("MATCH (e:Expert {id: 'pt-ada'}) RETURN count(e) AS n").single().get("n").asLong()
          > 0) {
        return;
      }
      s.run(
              """
          CREATE (team:Team {id: 'pt-team', name: 'Research'})
          CREATE (py:Skill {id: 'pt-py', name: 'Python', category: 'engineering', aliases: ['py3']})
          CREATE (ml:Skill {id: 'pt-ml', name: 'Machine Learning', category: 'data', aliases: ['ML']})
          CREATE (dl:Skill {id: 'pt-dl', name: 'Deep Learning', category: 'data', aliases: []})-[:BROADER]->(ml)
          CREATE (ada:Expert {id: 'pt-ada', name: 'Ada Lovelace', title: 'Principal'})-[:MEMBER_OF]->(team)
          CREATE (bob:Expert {id: 'pt-bob', name: $hostile, title: 'Engineer'})-[:MEMBER_OF]->(team)
          CREATE (cyd:Expert {id: 'pt-cyd', name: 'Cyd Charisse', title: 'Engineer'})
          CREATE (ada)-[:HAS_SKILL {level: 4, evidence: 'wrote the notes', source: 'test', since: date('2020-01-01')}]->(py)
          CREATE (ada)-[:HAS_SKILL {level: 3, source: 'test'}]->(ml)
          CREATE (bob)-[:HAS_SKILL {level: 5, source: 'test'}]->(ml)
          CREATE (cyd)-[:HAS_SKILL {level: 2, source: 'test'}]->(dl)
          CREATE (ada)-[:COLLABORATED_WITH {count: 3, firstYear: 2020, lastYear: 2023}]->(bob)
          CREATE (cyd)-[:COLLABORATED_WITH {count: 1, firstYear: 2021, lastYear: 2021}]->(ada)
          CREATE (c:Course {id: 'pt-c1', title: 'Deep Learning Basics', hours: 12})-[:TEACHES {level: 3}]->(dl)
          CREATE (c)-[:TEACHES {level: 3}]->(ml)
          CREATE (p:Project {id: 'pt-p1', name: 'Analytical Engine', status: 'active'})
          CREATE (ada)-[:WORKED_ON {role: 'lead', from: date('2021-01-01')}]->(p)
          CREATE (bob)-[:WORKED_ON {role: 'engineer', from: date('2022-01-01')}]->(p)
          CREATE (p)-[:REQUIRES {level: 3}]->(py)
          CREATE (p)-[:REQUIRES {level: 3}]->(ml)
          CREATE (pub:Publication {id: 'pt-pub1', title: 'Notes on the Engine', year: 1843, venue: 'Memoirs'})
          CREATE (ada)-[:AUTHORED]->(pub)
          CREATE (run:CommunityRun {id: 'latest', at: datetime('2026-01-05T10:00:00Z'), method: 'Leiden (test)',
            weights: 'test ties', seed: 42, modularity: 0.25, people: 3, ties: 2, communities: 2, minSize: 1})
          CREATE (pc1:PracticeCommunity {id: 'pt-pc1', name: 'Machine Learning · Python', size: 2, modularity: 0.2,
            at: datetime('2026-01-05T10:00:00Z'), skillIds: ['pt-ml', 'pt-py'],
            skillNames: ['Machine Learning', 'Python'], skillMembers: [2, 1], skillShares: [1.0, 0.5],
            skillLifts: [1.5, 1.5]})
          CREATE (pc2:PracticeCommunity {id: 'pt-pc2', name: 'Deep Learning', size: 1, modularity: 0.05,
            at: datetime('2026-01-05T10:00:00Z'), skillIds: ['pt-dl'], skillNames: ['Deep Learning'],
            skillMembers: [1], skillShares: [1.0], skillLifts: [3.0]})
          CREATE (ada)-[:PRACTICES_IN {weight: 2.0}]->(pc1)
          CREATE (bob)-[:PRACTICES_IN {weight: 1.5}]->(pc1)
          CREATE (cyd)-[:PRACTICES_IN {weight: 1.0}]->(pc2)
          CREATE (cyd)-[:BRIDGES_TO {weight: 1.0, ties: 1}]->(pc1)
          """,
              Map.of("hostile", HOSTILE))
          .consume();
      s.run(
              "MATCH (e:Expert {id: 'pt-ada'}) CREATE (e)-[:HAS_PERSONAL_DATA]->(:PersonalData"
                  + " {expertId: 'pt-ada', email: $email, salary: $salary})",
              Map.of(
                  "email",
                  cipher.encrypt(ADA_EMAIL, FieldCipher.aad("pt-ada", "email")),
                  "salary",
                  cipher.encrypt(ADA_SALARY, FieldCipher.aad("pt-ada", "salary"))))
          .consume();
    }
    users.upsert("pt-portal", PASSWORD, Set.of(Role.PORTAL), null);
    users.upsert("pt-ada", PASSWORD, Set.of(Role.EMPLOYEE), "pt-ada");
    users.upsert("pt-hr", PASSWORD, Set.of(Role.HR), null);
    users.upsert("pt-admin", PASSWORD, Set.of(Role.ADMIN), null);
  }
}
