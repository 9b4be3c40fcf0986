package dev.talentgraph.privacy;

import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.RelTypes;
import java.util.Map;

/**
 * Erasure of an external candidate (a Candidate that is not an Expert), the one statement behind
 * {@code eraseCandidate}, a withdrawn recruiting consent and the retention job: their personal data
 * (contact data, voluntary demographics) and the interview feedback about them are deleted, their
 * applications are cut from them (they stay, anonymous, so stage counts and metrics hold), their
 * skill evidence is cleared and the name replaced. Consent records stay: they prove what was agreed
 * and withdrawn, and hold no personal value. One transaction; idempotent. Returns one row ({@code
 * nodes}, {@code rels}) when the candidate exists, none otherwise.
 */
public final class CandidateErasure {
  private CandidateErasure() {}

  public static final String ERASED_NAME = "Erased person";

  public static final String STATEMENT =
      "MATCH (c:"
          + Labels.CANDIDATE
          + " {id: $id}) WHERE NOT c:"
          + Labels.EXPERT
          + " CALL (c) { OPTIONAL MATCH (c)-[:"
          + RelTypes.APPLIED
          + "]->(:"
          + Labels.APPLICATION
          + ")-[:"
          + RelTypes.HAS_INTERVIEW
          + "]->(:"
          + Labels.INTERVIEW
          + ")-[:"
          + RelTypes.HAS_PERSONAL_DATA
          + "]->(f:"
          + Labels.PERSONAL_DATA
          + ") WITH collect(DISTINCT f) AS feedback"
          + " OPTIONAL MATCH (c)-[:"
          + RelTypes.HAS_PERSONAL_DATA
          + "]->(own:"
          + Labels.PERSONAL_DATA
          + ") WITH feedback, collect(DISTINCT own) AS own WITH feedback + own AS owned"
          + " FOREACH (x IN owned | DETACH DELETE x) RETURN size(owned) AS nodes }"
          + " CALL (c) { OPTIONAL MATCH (c)-[r:"
          + RelTypes.APPLIED
          + "|"
          + RelTypes.HAS_PERSONAL_DATA
          + "]-()"
          + " WITH collect(DISTINCT r) AS links FOREACH (r IN links | DELETE r) RETURN size(links) AS rels }"
          + " CALL (c) { MATCH (c)-[h:"
          + RelTypes.HAS_SKILL
          + "]->() SET h.evidence = null RETURN count(h) AS skills }"
          + " SET c.name = $erased, c.erased = true, c.erasedAt = datetime()"
          + " RETURN nodes, rels";

  public static Map<String, Object> parameters(String candidateId) {
    return Map.of("id", candidateId, "erased", ERASED_NAME);
  }
}
