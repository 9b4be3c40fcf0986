package dev.talentgraph.recruiting;

import dev.talentgraph.privacy.DemographicsReader;
import dev.talentgraph.schema.fairness.AdverseImpact;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code CandidateRanking.fairness}: being in the returned top k is the selection; every person
 * ranked before the cut is eligible. The same figures as the funnel report ({@link AdverseImpact}),
 * on the people's voluntary demographics, unknowns apart, groups under five suppressed.
 */
@Controller
class RankingFairnessController {
  static final int MIN_GROUP_SIZE = dev.talentgraph.metrics.MetricsService.MIN_GROUP_SIZE;

  private final DemographicsReader demographics;

  RankingFairnessController(DemographicsReader demographics) {
    this.demographics = demographics;
  }

  /** {@code type TopKFairness}. */
  record TopKFairness(
      String attribute, int k, int minGroupSize, double threshold, AdverseImpact.Step selection) {}

  @SchemaMapping(typeName = "CandidateRanking", field = "fairness")
  Mono<TopKFairness> fairness(
      MatchingService.CandidateRanking ranking, @Argument String attribute) {
    String attr = attribute == null ? "GENDER" : attribute;
    return Mono.fromCallable(
            () -> {
              Map<String, String> groups = demographics.groups(ranking.consideredIds(), attr);
              Set<String> top = new HashSet<>();
              ranking.items().forEach(m -> top.add(m.candidateId()));
              Map<String, long[]> counts = new HashMap<>();
              long[] unknown = new long[2];
              for (String id : ranking.consideredIds()) {
                String g = groups.get(id);
                long[] c = g == null ? unknown : counts.computeIfAbsent(g, x -> new long[2]);
                c[0]++;
                if (top.contains(id)) c[1]++;
              }
              return new TopKFairness(
                  attr,
                  ranking.items().size(),
                  MIN_GROUP_SIZE,
                  AdverseImpact.FOUR_FIFTHS,
                  AdverseImpact.of(counts, unknown[0], unknown[1], MIN_GROUP_SIZE));
            })
        .subscribeOn(Schedulers.boundedElastic());
  }
}
