package dev.talentgraph.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code talent.graphql.limits.*}: what one GraphQL request may ask for. Each limit has its own
 * error code (see {@link LimitError}). Zero switches a numeric limit off.
 *
 * @param maxDepth deepest nesting of selections, fragments expanded (the standard introspection
 *     query needs about 13)
 * @param maxComplexity estimated cost: each field costs 1, multiplied by the page sizes ({@code
 *     first}, {@code last}, {@code limit}, {@code pageSize}, {@code size} arguments) of the fields
 *     above it, and by {@code assumedListSize} for each list without a page argument above it
 * @param assumedListSize how many items a list field without a page argument is assumed to hold in
 *     the cost estimate (an expert's skills, collaborators)
 * @param maxAliases aliased fields in one document (alias bombs repeat one expensive field under
 *     many names)
 * @param maxPageSize largest value of a page-size argument
 * @param maxListSize most items of a list argument (a {@code hasSkill} filter, ids), written in the
 *     document or passed in a variable
 * @param requestTimeout time after which fields still running are answered with an error; it is
 *     also the time limit of each database statement the request runs, so Neo4j stops the work
 * @param rateLimit requests per user (or per address without a login)
 * @param introspection whether {@code __schema}/{@code __type} may be queried
 */
@ConfigurationProperties("talent.graphql.limits")
record GraphQlLimitsSettings(
    Integer maxDepth,
    Integer maxComplexity,
    Integer assumedListSize,
    Integer maxAliases,
    Integer maxPageSize,
    Integer maxListSize,
    Duration requestTimeout,
    RateLimit rateLimit,
    Introspection introspection) {

  /** Who may introspect the schema. */
  public enum Introspection {
    ENABLED,
    ADMIN_ONLY,
    DISABLED
  }

  /**
   * A token bucket per user: {@code capacity} requests, all refilled at once every {@code period}
   * (Bucket4j, interval refill). Capacity 0 switches the limit off, which is the default: a single
   * token driving a load test (bench security runs one at 32 connections) would otherwise be
   * throttled; production sets e.g. {@code capacity: 600, period: 1m}.
   */
  public record RateLimit(Integer capacity, Duration period) {
    public RateLimit {
      if (capacity == null) capacity = 0;
      if (period == null) period = Duration.ofMinutes(1);
      if (capacity < 0)
        throw new IllegalArgumentException(
            "talent.graphql.limits.rate-limit.capacity must be >= 0");
      if (period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException(
            "talent.graphql.limits.rate-limit.period must be positive");
      }
    }
  }

  public GraphQlLimitsSettings {
    if (maxDepth == null) maxDepth = 15;
    if (maxComplexity == null) maxComplexity = 50_000;
    if (assumedListSize == null) assumedListSize = 20;
    if (maxAliases == null) maxAliases = 30;
    if (maxPageSize == null) maxPageSize = 500;
    if (maxListSize == null) maxListSize = 200;
    if (requestTimeout == null) requestTimeout = Duration.ofSeconds(30);
    if (rateLimit == null) rateLimit = new RateLimit(null, null);
    if (introspection == null) introspection = Introspection.ENABLED;
    for (int v :
        new int[] {
          maxDepth, maxComplexity, assumedListSize, maxAliases, maxPageSize, maxListSize
        }) {
      if (v < 0)
        throw new IllegalArgumentException("talent.graphql.limits: limits must be >= 0 (0 = off)");
    }
  }
}
