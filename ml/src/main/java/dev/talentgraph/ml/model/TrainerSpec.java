package dev.talentgraph.ml.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.fm.FMRegressionTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * An algorithm with its hyperparameters and seed, validated when built so that a bad setting fails
 * before any data is read, with a message naming the setting. Each call to {@link #classifier()} or
 * {@link #regressor()} makes a fresh Tribuo trainer: Tribuo trainers advance their random state
 * with every {@code train} call, so reusing one would make the second model differ from the first.
 *
 * @param epochs passes over the training data
 * @param learningRate AdaGrad's initial learning rate
 * @param minibatchSize examples per gradient step
 * @param factors size of the factorization machine's factors (ignored by linear models)
 * @param variance variance of the factors' random initialisation (ignored by linear models)
 * @param seed seeds the shuffling and initialisation; the same seed gives the same model
 */
public record TrainerSpec(
    Algorithm algorithm,
    int epochs,
    double learningRate,
    int minibatchSize,
    int factors,
    double variance,
    long seed) {

  /**
   * Tribuo logs every training at INFO through java.util.logging; keep a reference so the level
   * sticks.
   */
  private static final java.util.logging.Logger TRIBUO_LOG =
      java.util.logging.Logger.getLogger("org.tribuo");

  static {
    TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  public TrainerSpec {
    if (algorithm == null) throw new IllegalArgumentException("algorithm is required");
    if (epochs < 1 || epochs > 10_000)
      throw new IllegalArgumentException("epochs must be in 1..10000, got " + epochs);
    if (!(learningRate > 0) || Double.isInfinite(learningRate) || learningRate > 100) {
      throw new IllegalArgumentException("learning rate must be in (0, 100], got " + learningRate);
    }
    if (minibatchSize < 1 || minibatchSize > 1_000_000) {
      throw new IllegalArgumentException(
          "minibatch size must be in 1..1000000, got " + minibatchSize);
    }
    if (algorithm.factorization()) {
      if (factors < 1 || factors > 1000)
        throw new IllegalArgumentException("factors must be in 1..1000, got " + factors);
      if (!(variance > 0) || Double.isInfinite(variance) || variance > 10) {
        throw new IllegalArgumentException("factor variance must be in (0, 10], got " + variance);
      }
      if (minibatchSize != 1) {
        // Tribuo 4.3.2's FMParameters.merge casts a DenseVector to a matrix when gradients of a
        // minibatch are merged
        throw new IllegalArgumentException(
            "factorization machines train with minibatch size 1 only (Tribuo 4.3.2), got "
                + minibatchSize);
      }
    }
  }

  /**
   * Defaults measured on the IBM attrition and job-change tables with 5-fold CV: AdaGrad at 0.1 for
   * 10 epochs in minibatches of 16 gives a model whose AUC has levelled off (a near-converged
   * logistic regression) without the noise of single-example steps.
   */
  public static TrainerSpec defaults(Algorithm algorithm, long seed) {
    return switch (algorithm) {
      case LOGISTIC_REGRESSION, LINEAR_REGRESSION ->
          new TrainerSpec(algorithm, 10, 0.1, 16, 0, 0, seed);
      case FM_CLASSIFICATION, FM_REGRESSION ->
          new TrainerSpec(algorithm, 10, 0.02, 1, 4, 0.01, seed);
    };
  }

  public TrainerSpec withSeed(long s) {
    return new TrainerSpec(algorithm, epochs, learningRate, minibatchSize, factors, variance, s);
  }

  /** A fresh classification trainer. */
  public Trainer<Label> classifier() {
    if (!algorithm.classification())
      throw new IllegalStateException(algorithm + " is a regression algorithm");
    AdaGrad opt = new AdaGrad(learningRate, 0.1);
    return switch (algorithm) {
      case LOGISTIC_REGRESSION ->
          new LinearSGDTrainer(new LogMulticlass(), opt, epochs, -1, minibatchSize, seed);
      case FM_CLASSIFICATION ->
          new FMClassificationTrainer(
              new LogMulticlass(), opt, epochs, -1, minibatchSize, seed, factors, variance);
      default -> throw new IllegalStateException();
    };
  }

  /** A fresh regression trainer. */
  public Trainer<Regressor> regressor() {
    if (algorithm.classification())
      throw new IllegalStateException(algorithm + " is a classification algorithm");
    AdaGrad opt = new AdaGrad(learningRate, 0.1);
    return switch (algorithm) {
      case LINEAR_REGRESSION ->
          new org.tribuo.regression.sgd.linear.LinearSGDTrainer(
              new SquaredLoss(), opt, epochs, -1, minibatchSize, seed);
      case FM_REGRESSION ->
          new FMRegressionTrainer(
              new SquaredLoss(), opt, epochs, -1, minibatchSize, seed, factors, variance, true);
      default -> throw new IllegalStateException();
    };
  }

  /** The hyperparameters as a flat map, for provenance and reports. */
  public Map<String, Object> hyperparameters() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("algorithm", algorithm.name());
    m.put("epochs", epochs);
    m.put("learningRate", learningRate);
    m.put("minibatchSize", minibatchSize);
    if (algorithm.factorization()) {
      m.put("factors", factors);
      m.put("variance", variance);
    }
    m.put("optimiser", "AdaGrad(epsilon=0.1)");
    m.put("seed", seed);
    return m;
  }
}
