package dev.talentgraph.ml;

import dev.talentgraph.ml.features.FeatureSet;
import java.util.Set;

/**
 * Everything that makes one model kind: a small declaration, so that {@code train <kind>} needs no
 * code of its own.
 *
 * @param name the kind ("attrition"); model ids are {@code name:version}
 * @param outcome what the score means, in a recruiter's words ("attrition risk")
 * @param algorithm the default algorithm (classification kinds have boolean labels, regression kinds numbers)
 * @param rowQuery Cypher returning the training rows: {@code id}, {@code expert} (Expert id),
 *     {@code label} and {@code cols} (a map of extra columns); may use {@code $asOf}
 * @param scoreQuery Cypher returning the rows to score ({@code id}, {@code expert}, {@code cols});
 *     null when the kind's scores are not written to experts
 * @param features the declared features
 * @param discoverProperties also use the typed properties found on Expert nodes
 * @param excludedProperties property keys never used as features (they leak the label)
 */
public record ModelKind(String name, String outcome, Algorithm algorithm, String rowQuery, String scoreQuery,
    FeatureSet features, boolean discoverProperties, Set<String> excludedProperties) {

  public ModelKind {
    excludedProperties = Set.copyOf(excludedProperties);
  }

  public boolean classification() {
    return algorithm.classification();
  }
}
