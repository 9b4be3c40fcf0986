package dev.talentgraph.metrics;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.privacy.DemographicsReader;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.schema.fairness.AdverseImpact;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code Metrics.funnelFairness(attribute)}: for each step of the pipeline (the pairs of {@code
 * stageConversion}, counted the same way over the same applications), each group's selection rate
 * and impact ratio ({@link AdverseImpact}). Groups are the applicants' voluntary demographics;
 * applicants who gave none, withdrew them or were erased are counted apart as unknown. Groups under
 * {@link MetricsService#MIN_GROUP_SIZE} are always suppressed, for every role (demographics are the
 * most sensitive figures of the report), with complementary suppression against differencing.
 */
@Controller
class FunnelFairnessController {
  private final Driver driver;
  private final String database;
  private final DemographicsReader demographics;

  FunnelFairnessController(
      Driver driver, SchemaMigrations schema, DemographicsReader demographics) {
    this.driver = driver;
    this.database = schema.database();
    this.demographics = demographics;
  }

  /** {@code type FunnelFairness}. */
  record FunnelFairness(
      String attribute,
      int minGroupSize,
      double threshold,
      long applications,
      long unknownApplications,
      List<FunnelStep> steps) {}

  /** {@code type FunnelStep}: one step, from one stage to the next. */
  record FunnelStep(
      String from,
      String to,
      long eligible,
      long selected,
      long unknownEligible,
      long unknownSelected,
      String referenceGroup,
      int suppressedGroups,
      boolean adverseImpact,
      List<AdverseImpact.Group> groups) {}

  private static final String APPLICATIONS =
      "MATCH (a:"
          + Labels.APPLICATION
          + ")-[:"
          + RelTypes.TO
          + "]->(o:"
          + Labels.JOB_OPENING
          + ") WHERE a."
          + Props.APPLIED_AT
          + " IS NOT NULL AND date(a."
          + Props.APPLIED_AT
          + ") >= $from AND date(a."
          + Props.APPLIED_AT
          + ") <= $to AND ($team IS NULL OR EXISTS { MATCH (o)-[:"
          + RelTypes.HIRES_FOR
          + "]->(:"
          + Labels.TEAM
          + " {id: $team}) }) AND ($region IS NULL OR o."
          + Props.REGION
          + " = $region)"
          + " OPTIONAL MATCH (p)-[:"
          + RelTypes.APPLIED
          + "]->(a) WHERE p:"
          + Labels.CANDIDATE
          + " OR p:"
          + Labels.EXPERT
          + " WITH a, head(collect(p.id)) AS person"
          + " RETURN person, [(a)-[:"
          + RelTypes.MOVED
          + "]->(c:"
          + Labels.STAGE_CHANGE
          + ") | [c."
          + Props.SEQ
          + ", c."
          + Props.TO
          + "]] AS moves";

  @SchemaMapping(typeName = "Metrics", field = "funnelFairness")
  Mono<FunnelFairness> funnelFairness(Metrics metrics, @Argument String attribute) {
    String attr = attribute == null ? "GENDER" : attribute;
    Metrics.Filter f = metrics.filter();
    return Mono.fromCallable(() -> compute(f, attr)).subscribeOn(Schedulers.boundedElastic());
  }

  FunnelFairness compute(Metrics.Filter f, String attribute) {
    Map<String, Object> p = new HashMap<>();
    p.put("from", LocalDate.parse(f.from()));
    p.put("to", LocalDate.parse(f.to()));
    p.put("team", f.team());
    p.put("region", f.region());
    List<Record> rows;
    try (var s = driver.session(GraphSessions.read(driver, database))) {
      rows = s.executeRead(tx -> tx.run(APPLICATIONS, p).list());
    }
    Set<String> people = new HashSet<>();
    rows.forEach(
        r -> {
          if (!r.get("person").isNull()) people.add(r.get("person").asString());
        });
    Map<String, String> groupOf = demographics.groups(people, attribute);
    List<String> stages = MetricsService.STAGES;
    int steps = stages.size() - 1;
    List<Map<String, long[]>> counts = new ArrayList<>();
    long[][] unknown = new long[steps][2];
    for (int i = 0; i < steps; i++) counts.add(new HashMap<>());
    long unknownApps = 0;
    for (Record r : rows) {
      String person = r.get("person").isNull() ? null : r.get("person").asString();
      String group = person == null ? null : groupOf.get(person);
      if (group == null) unknownApps++;
      Map<String, Long> first = new HashMap<>();
      Map<String, Long> last = new HashMap<>();
      for (Value m : r.get("moves").values()) {
        if (m.get(0).isNull() || m.get(1).isNull()) continue;
        long seq = m.get(0).asLong();
        String stage = m.get(1).asString();
        first.merge(stage, seq, Math::min);
        last.merge(stage, seq, Math::max);
      }
      for (int i = 0; i < steps; i++) {
        Long at = first.get(stages.get(i));
        if (at == null) continue;
        Long next = last.get(stages.get(i + 1));
        boolean selected = next != null && next > at;
        long[] c =
            group == null ? unknown[i] : counts.get(i).computeIfAbsent(group, g -> new long[2]);
        c[0]++;
        if (selected) c[1]++;
      }
    }
    List<FunnelStep> out = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      AdverseImpact.Step step =
          AdverseImpact.of(
              counts.get(i), unknown[i][0], unknown[i][1], MetricsService.MIN_GROUP_SIZE);
      long eligible = unknown[i][0];
      long selected = unknown[i][1];
      for (long[] c : counts.get(i).values()) {
        eligible += c[0];
        selected += c[1];
      }
      out.add(
          new FunnelStep(
              stages.get(i),
              stages.get(i + 1),
              eligible,
              selected,
              step.unknownEligible(),
              step.unknownSelected(),
              step.referenceGroup(),
              step.suppressedGroups(),
              step.adverseImpact(),
              step.groups()));
    }
    return new FunnelFairness(
        attribute,
        MetricsService.MIN_GROUP_SIZE,
        AdverseImpact.FOUR_FIFTHS,
        rows.size(),
        unknownApps,
        out);
  }
}
