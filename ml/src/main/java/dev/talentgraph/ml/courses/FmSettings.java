package dev.talentgraph.ml.courses;

/**
 * Hyperparameters of the factorization-machine course ranker. The defaults were set on a validation
 * split of the MOOCCube training data (never on the evaluation hold-outs).
 *
 * @param factors latent dimension of the pairwise factors
 * @param epochs passes over the training pairs
 * @param learningRate AdaGrad initial learning rate
 * @param negatives sampled not-taken courses per enrolment
 * @param variance initial variance of the factors
 * @param seed seed of negative sampling and of the trainer
 * @param members how many FMs (seeds {@code seed}, {@code seed+1000}, ...) are trained and averaged
 *     (their P(enrolled)); 3 members cut the noise of stochastic training, which on MOOCCube is as
 *     large as the gap between item-kNN and EASE
 */
public record FmSettings(
    int factors,
    int epochs,
    double learningRate,
    int negatives,
    double variance,
    long seed,
    int members) {

  public FmSettings {
    if (factors < 1) {
      throw new IllegalArgumentException("factors must be >= 1, was " + factors);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, was " + epochs);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learningRate must be > 0, was " + learningRate);
    }
    if (negatives < 1) {
      throw new IllegalArgumentException("negatives must be >= 1, was " + negatives);
    }
    if (!(variance > 0)) {
      throw new IllegalArgumentException("variance must be > 0, was " + variance);
    }
    if (members < 1) {
      throw new IllegalArgumentException("members must be >= 1, was " + members);
    }
  }

  /** A single FM. */
  public FmSettings(
      int factors, int epochs, double learningRate, int negatives, double variance, long seed) {
    this(factors, epochs, learningRate, negatives, variance, seed, 1);
  }

  /** The settings used by the evaluation and by {@code train trainings}. */
  public static FmSettings defaults(long seed) {
    return new FmSettings(16, 5, 0.1, 8, 0.01, seed, 3);
  }

  public FmSettings withSeed(long newSeed) {
    return new FmSettings(factors, epochs, learningRate, negatives, variance, newSeed, members);
  }
}
