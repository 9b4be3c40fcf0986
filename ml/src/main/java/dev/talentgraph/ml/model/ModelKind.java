package dev.talentgraph.ml.model;

import dev.talentgraph.ml.features.FeatureSet;
import dev.talentgraph.ml.features.GraphFeatureExtractor;
import dev.talentgraph.schema.Labels;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.neo4j.driver.Driver;

/**
 * Everything that makes one model kind: a small declaration, so that {@code train <kind>} needs no
 * code of its own.
 *
 * @param name the kind ("attrition"); model ids are {@code name:version}
 * @param outcome what the score means, in a recruiter's words ("attrition risk")
 * @param algorithm the default algorithm (classification kinds have boolean labels, regression
 *     kinds numbers)
 * @param rowQuery Cypher returning the training rows: {@code id}, {@code expert} (Expert id),
 *     {@code label} and {@code cols} (a map of extra columns); may use {@code $asOf}
 * @param scoreQuery Cypher returning the rows to score ({@code id}, {@code expert}, {@code cols});
 *     null when the kind's scores are not written to experts
 * @param features the declared features
 * @param discoverProperties also use the typed properties found on Expert nodes
 * @param excludedProperties property keys never used as features (they leak the label)
 * @param enricher computes further columns of the rows in Java after the row query (null: none),
 *     for features Cypher alone does not express well (the hire kind's skill coverage through the
 *     taxonomy)
 * @param scoredLabel the label of the node a score is attached to: {@code Expert} (matched by the
 *     row's {@code expert}) or another label whose node is matched by the row's {@code id} (the
 *     hire kind scores Applications)
 */
public record ModelKind(
    String name,
    String outcome,
    Algorithm algorithm,
    String rowQuery,
    String scoreQuery,
    FeatureSet features,
    boolean discoverProperties,
    Set<String> excludedProperties,
    RowEnricher enricher,
    String scoredLabel) {

  /**
   * The column of a regression kind's rows holding a naive forecast to beat (the performance kind's
   * previous rating): when rows carry it, training reports that baseline beside the mean.
   */
  public static final String BASELINE_COLUMN = "baseline";

  public ModelKind {
    excludedProperties = Set.copyOf(excludedProperties);
    if (scoredLabel == null) scoredLabel = Labels.EXPERT;
    if (!scoredLabel.matches("[A-Z][A-Za-z0-9_]*"))
      throw new IllegalArgumentException("not a node label: '" + scoredLabel + "'");
  }

  /** A kind whose rows are complete after the row query and whose scores go to Experts. */
  public ModelKind(
      String name,
      String outcome,
      Algorithm algorithm,
      String rowQuery,
      String scoreQuery,
      FeatureSet features,
      boolean discoverProperties,
      Set<String> excludedProperties) {
    this(
        name,
        outcome,
        algorithm,
        rowQuery,
        scoreQuery,
        features,
        discoverProperties,
        excludedProperties,
        null,
        Labels.EXPERT);
  }

  /** Adds computed columns to rows read by a kind's row or score query (same rows, same order). */
  @FunctionalInterface
  public interface RowEnricher {
    List<GraphFeatureExtractor.Row> enrich(
        Driver driver, String database, List<GraphFeatureExtractor.Row> rows, LocalDate asOf);
  }

  /** True when scores go to the row's Expert, false when to the node of the row's id. */
  public boolean scoresExperts() {
    return Labels.EXPERT.equals(scoredLabel);
  }

  public boolean classification() {
    return algorithm.classification();
  }
}
