package dev.talentgraph.ml.collab;

import java.util.Locale;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the collaborator ranker on the product's own graph, the temporal way: features from the
 * graph as of {@code latest - window}, labels the pairs whose first collaboration falls in the
 * {@code window} years after it. The latest year is the latest collaboration or publication found.
 */
public final class CollaboratorTraining {
  private static final Logger log = LoggerFactory.getLogger(CollaboratorTraining.class);

  private CollaboratorTraining() {}

  /**
   * The trained ranker and what it was trained on.
   *
   * @param experts experts in the training snapshot
   * @param collaborations collaborations in the training snapshot
   */
  public record Result(
      CollaboratorRanker ranker,
      String description,
      int positives,
      int snapshotYear,
      int latestYear,
      int experts,
      int collaborations) {}

  public static Result fromGraph(
      Driver driver,
      String database,
      int window,
      CollaboratorRanker.Settings settings,
      Consumer<String> progress) {
    if (window < 1)
      throw new CollabDataException("window must be at least one year, was " + window);
    Neo4jCollabGraphLoader loader = new Neo4jCollabGraphLoader(driver, database);
    CollabGraph latest = loader.load(progress);
    if (latest.edgeCount() == 0)
      throw new CollabDataException(
          "the graph holds no COLLABORATED_WITH relationship: nothing to learn from");
    int last = latest.referenceYear();
    if (last == CollabGraph.UNKNOWN_YEAR) {
      throw new CollabDataException(
          "collaborations carry no years (firstYear): a temporal snapshot is impossible");
    }
    int cut = last - window;
    CollabGraph snapshot = loader.load(cut, progress);
    long[] positives = Neo4jCollabGraphLoader.newPairs(snapshot, latest);
    if (positives.length == 0) {
      throw new CollabDataException(
          "no pair first collaborated in "
              + (cut + 1)
              + "-"
              + last
              + " between experts already collaborating by "
              + cut
              + ": choose a longer window");
    }
    String description =
        String.format(
            Locale.ROOT,
            "graph %s as of %d, %,d pairs new in %d-%d",
            database,
            cut,
            positives.length,
            cut + 1,
            last);
    progress.accept("training on " + description);
    log.info("training the collaborator ranker on {}", description);
    CollaboratorRanker ranker =
        CollaboratorRanker.train(snapshot, positives, settings, description);
    return new Result(
        ranker, description, positives.length, cut, last, snapshot.size(), snapshot.edgeCount());
  }
}
