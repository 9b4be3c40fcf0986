package dev.talentgraph.profiles;

import dev.talentgraph.graphql.CypherGateway;
import dev.talentgraph.graphql.NodeResolver;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.graphql.Vals;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.security.AuditTrail;
import dev.talentgraph.security.NodeAccess;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code node(id:)} for a Contest: personal data of the person who raised it, under the rule of
 * {@code TalentProfile.contests} (ADMIN, HR, the person, their team's manager; audited as a
 * personal read).
 */
@Component
class ContestNodes implements NodeResolver {
  static final String CONTEST =
      "MATCH (e:"
          + Labels.EXPERT
          + ")-[:"
          + RelTypes.CONTESTED
          + "]->(c:"
          + Labels.CONTEST
          + " {id: $id}) RETURN e.id AS expert, c {.*, at: toString(c.at), resolvedAt: toString(c.resolvedAt)} AS contest";

  private final CypherGateway cypher;
  private final AuditTrail audit;

  ContestNodes(CypherGateway cypher, AuditTrail audit) {
    this.cypher = cypher;
    this.audit = audit;
  }

  @Override
  public String type() {
    return "Contest";
  }

  @Override
  public Mono<?> resolve(String key, DataFetchingEnvironment env) {
    return cypher
        .read(RoundTrips.of(env), CONTEST, Map.of("id", key))
        .flatMap(
            rows -> {
              if (rows.isEmpty()) return Mono.empty();
              String expert = Vals.str(rows.get(0).get("expert"));
              return NodeAccess.personal(
                  env,
                  "TalentProfile.contests",
                  expert,
                  audit,
                  Mono.justOrEmpty(ProfileQuery.contest(expert, rows.get(0).get("contest"))));
            });
  }
}
