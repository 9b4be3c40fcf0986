package dev.talentgraph.ml;

import dev.talentgraph.schema.FieldCipher;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Small talent graphs for tests: a hand-checkable trio (x1, x2, x3); the synthetic company comes
 * from {@link SyntheticWorkforce}.
 */
public final class GraphFixtures {
  private GraphFixtures() {}

  public static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

  /** A reversible test cipher that checks the associated data, like the real AES-GCM one. */
  public static final class TestCipher implements FieldCipher {
    @Override
    public String encrypt(String plaintext, String aad) {
      return PREFIX
          + Base64.getEncoder()
              .encodeToString((aad + "|" + plaintext).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String decrypt(String ciphertext, String aad) {
      String s =
          new String(
              Base64.getDecoder().decode(ciphertext.substring(PREFIX.length())),
              StandardCharsets.UTF_8);
      if (!s.startsWith(aad + "|"))
        throw new IllegalArgumentException("wrong associated data " + aad);
      return s.substring(aad.length() + 1);
    }
  }

  /**
   * x1 has 2 skills (levels 2 and 4), collaborates with x2 (count 3, last 2024) and x3 (count 1,
   * last 2020), completed 1 of 2 courses, shares team t-x with x2, has reviews 3 (2024) and 5
   * (2025), one promotion on 2023-01-01, was hired 2016-01-01 and born 1986-01-01.
   */
  public static void trio(Driver driver, FieldCipher cipher) {
    try (Session s = driver.session()) {
      s.run(
              """
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
          """,
              Map.of(
                  "birth",
                  cipher.encrypt("1986-01-01", FieldCipher.aad("x1", "birthDate")),
                  "gender",
                  cipher.encrypt("female", FieldCipher.aad("x1", "gender"))))
          .consume();
    }
  }
}
