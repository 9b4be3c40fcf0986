package dev.talentgraph.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code talent.graphql.*}.
 *
 * @param maxPageSize the largest {@code first} a connection accepts (default 100): a page is
 *     resolved with its nested lists in one statement, so its size bounds the work of one request
 * @param defaultPageSize {@code first} when the client gives none (default 20)
 * @param roundTripsInExtensions report the request's Cypher round trips as {@code
 *     extensions.roundTrips}
 */
@ConfigurationProperties("talent.graphql")
public record GraphQlSettings(
    Integer maxPageSize, Integer defaultPageSize, Boolean roundTripsInExtensions) {
  public GraphQlSettings {
    if (maxPageSize == null) maxPageSize = 100;
    if (defaultPageSize == null) defaultPageSize = 20;
    if (roundTripsInExtensions == null) roundTripsInExtensions = false;
    if (maxPageSize < 1)
      throw new IllegalArgumentException("talent.graphql.max-page-size must be at least 1");
    if (defaultPageSize < 0 || defaultPageSize > maxPageSize) {
      throw new IllegalArgumentException(
          "talent.graphql.default-page-size must be between 0 and max-page-size");
    }
  }
}
