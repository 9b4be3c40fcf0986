package dev.talentgraph.ml.collab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The two evaluation protocols of collaborator recommendation, with every random choice fixed by
 * one seed.
 *
 * <ul>
 *   <li><b>Temporal</b> ({@link #temporal}): the graph of co-authorships first seen up to the train
 *       year; positives are pairs first seen after it, up to the test year, both of whose experts
 *       already have a collaboration in the training graph. The learned ranker is trained one
 *       window earlier: features from the graph up to {@code train - (test - train)}, labels the
 *       pairs new in the window up to the train year. It never sees the positives.
 *   <li><b>Random</b> ({@link #random}): a seeded fraction of an edge list held out as positives,
 *       the rest as the graph. The ranker is trained on a second seeded split of the training
 *       edges.
 * </ul>
 *
 * <p>Negatives: for each of {@code samples} seeds ({@code seed} .. {@code seed + samples - 1}), a
 * sample of {@code negatives} pairs drawn uniformly from the experts with a collaboration in the
 * training graph, linked neither in it nor among the positives. Every figure is the mean over the
 * samples with its standard deviation. Metrics are those of {@link LinkPredictionMetrics}.
 */
public final class LinkPredictionEvaluation {

  /** Evaluation settings. */
  public record Settings(
      long seed,
      int negatives,
      int samples,
      int[] ks,
      CollaboratorRanker.Settings ranker,
      int threads) {
    public Settings {
      if (negatives < 1)
        throw new IllegalArgumentException("negatives must be >= 1, was " + negatives);
      if (samples < 1) throw new IllegalArgumentException("samples must be >= 1, was " + samples);
      if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, was " + threads);
      ks = ks.clone();
    }

    /** The issue's protocol: 100,000 negatives, five samples, Hits@20/50/100. */
    public static Settings defaults(long seed) {
      return new Settings(
          seed,
          100_000,
          5,
          new int[] {20, 50, 100},
          CollaboratorRanker.Settings.defaults(seed),
          Runtime.getRuntime().availableProcessors());
    }

    public Settings withNegatives(int n) {
      return new Settings(seed, n, samples, ks, ranker, threads);
    }

    public Settings withSamples(int n) {
      return new Settings(seed, negatives, n, ks, ranker, threads);
    }

    public Settings withRanker(CollaboratorRanker.Settings r) {
      return new Settings(seed, negatives, samples, ks, r, threads);
    }
  }

  /** Mean and standard deviation over the negative samples, with the values. */
  public record Metric(double mean, double sd, double[] values) {
    static Metric of(double[] v) {
      double m = 0;
      for (double x : v) m += x;
      m /= v.length;
      double ss = 0;
      for (double x : v) ss += (x - m) * (x - m);
      double sd = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0;
      return new Metric(m, sd, v.clone());
    }
  }

  /** One method's metrics, keyed "hits@20", ..., "mrr", "auc". */
  public record MethodResult(String method, Map<String, Metric> metrics) {}

  /** What one run measured and on what. */
  public record Report(
      String protocol,
      String data,
      int experts,
      int trainingEdges,
      int positives,
      int negativesPerSample,
      int negativesAsked,
      int samples,
      long seed,
      String rankerTraining,
      List<MethodResult> methods,
      double seconds) {

    public MethodResult method(String name) {
      return methods.stream()
          .filter(m -> m.method().equals(name))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no method " + name));
    }

    /** Learned ranker's mean Hits@50 over Adamic-Adar's (NaN when Adamic-Adar scores 0). */
    public double learnedOverAdamicAdar(String metric) {
      double aa = method(ADAMIC_ADAR).metrics().get(metric).mean();
      return method(LEARNED).metrics().get(metric).mean() / aa;
    }

    /** A fixed-width table, one row per method, "mean ± sd" cells. */
    public String toTable() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "protocol: %s (%s)%n", protocol, data));
      sb.append(
          String.format(
              Locale.ROOT,
              "training graph: %,d experts with collaborations, %,d collaborations; positives: %,d; "
                  + "negatives: %,d x %d samples (seeds %d..%d)%n",
              experts,
              trainingEdges,
              positives,
              negativesPerSample,
              samples,
              seed,
              seed + samples - 1));
      if (allNonEdges()) sb.append(negativesNote()).append(System.lineSeparator());
      sb.append("learned ranker trained on: ")
          .append(rankerTraining)
          .append(System.lineSeparator());
      List<String> keys = new ArrayList<>(methods.get(0).metrics().keySet());
      sb.append(String.format(Locale.ROOT, "%-22s", "method"));
      for (String k : keys) sb.append(String.format(Locale.ROOT, " %17s", k));
      sb.append(System.lineSeparator());
      for (MethodResult m : methods) {
        sb.append(String.format(Locale.ROOT, "%-22s", m.method()));
        for (String k : keys) {
          Metric x = m.metrics().get(k);
          sb.append(String.format(Locale.ROOT, " %8.4f ± %6.4f", x.mean(), x.sd()));
        }
        sb.append(System.lineSeparator());
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "learned ranker / Adamic-Adar, Hits@50: %.3fx%n",
              learnedOverAdamicAdar("hits@50")));
      sb.append(String.format(Locale.ROOT, "time: %.1f s%n", seconds));
      return sb.toString();
    }

    /** Whether the graph had fewer non-edges than asked, so every sample is all of them. */
    public boolean allNonEdges() {
      return negativesPerSample < negativesAsked;
    }

    /** What {@link #allNonEdges()} means for the figures, in one sentence. */
    public String negativesNote() {
      return String.format(
          Locale.ROOT,
          "note: the training graph has only %,d non-edges, fewer than the %,d negatives asked: "
              + "every one of them is a negative, so the samples are identical (sd 0)",
          negativesPerSample,
          negativesAsked);
    }

    /** Method name to metric name to {mean, sd, values}, plus the run's description. */
    public Map<String, Object> toMap() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("protocol", protocol);
      out.put("data", data);
      out.put("experts", experts);
      out.put("trainingEdges", trainingEdges);
      out.put("positives", positives);
      out.put("negativesPerSample", negativesPerSample);
      out.put("negativesAsked", negativesAsked);
      out.put("allNonEdges", allNonEdges());
      if (allNonEdges()) out.put("note", negativesNote());
      out.put("samples", samples);
      out.put("seed", seed);
      out.put("rankerTraining", rankerTraining);
      Map<String, Object> ms = new LinkedHashMap<>();
      for (MethodResult m : methods) {
        Map<String, Object> mm = new LinkedHashMap<>();
        m.metrics()
            .forEach(
                (k, v) -> mm.put(k, Map.of("mean", v.mean(), "sd", v.sd(), "values", v.values())));
        ms.put(m.method(), mm);
      }
      out.put("methods", ms);
      out.put("learnedOverAdamicAdarHits50", learnedOverAdamicAdar("hits@50"));
      out.put("seconds", seconds);
      return out;
    }
  }

  public static final String COMMON_NEIGHBOURS = "common_neighbours";
  public static final String ADAMIC_ADAR = "adamic_adar";
  public static final String RESOURCE_ALLOCATION = "resource_allocation";
  public static final String EMBEDDING = "embedding_similarity";
  public static final String LEARNED = "learned_ranker";
  public static final String RANDOM = "random";

  private LinkPredictionEvaluation() {}

  /** The temporal protocol on AAN (see the class comment). */
  public static Report temporal(
      AanCorpus corpus, int trainUntil, int testUntil, Settings s, Consumer<String> progress) {
    long t0 = System.nanoTime();
    if (testUntil <= trainUntil) {
      throw new CollabDataException(
          "--test-until (" + testUntil + ") must be after --train-until (" + trainUntil + ")");
    }
    int window = testUntil - trainUntil;
    int rankerCut = trainUntil - window;
    if (rankerCut < corpus.firstYear()) {
      throw new CollabDataException(
          "train year "
              + trainUntil
              + " leaves no earlier window for the ranker (data starts "
              + corpus.firstYear()
              + ")");
    }
    progress.accept("building the training graph up to " + trainUntil);
    CollabGraph g = corpus.graphUpTo(trainUntil);
    long[] positives = corpus.newPairs(g, trainUntil, testUntil);
    if (positives.length == 0) {
      throw new CollabDataException(
          "no positives: no new co-authorship in "
              + (trainUntil + 1)
              + "-"
              + testUntil
              + " joins two authors who both collaborated by "
              + trainUntil
              + " (data covers "
              + corpus.firstYear()
              + "-"
              + corpus.lastYear()
              + ")");
    }
    progress.accept(
        String.format(
            Locale.ROOT,
            "%,d positives in %d-%d; training the ranker on %d-%d",
            positives.length,
            trainUntil + 1,
            testUntil,
            rankerCut + 1,
            trainUntil));
    CollabGraph g0 = corpus.graphUpTo(rankerCut);
    long[] p0 = corpus.newPairs(g0, rankerCut, trainUntil);
    if (p0.length == 0)
      throw new CollabDataException(
          "no new co-authorships in "
              + (rankerCut + 1)
              + "-"
              + trainUntil
              + " to train the ranker on");
    String rankerData =
        String.format(
            Locale.ROOT,
            "AAN graph up to %d, %,d pairs new in %d-%d",
            rankerCut,
            p0.length,
            rankerCut + 1,
            trainUntil);
    CollaboratorRanker ranker = CollaboratorRanker.train(g0, p0, s.ranker(), rankerData);
    return evaluate(
        "temporal",
        String.format(
            Locale.ROOT, "AAN, train <= %d, test %d-%d", trainUntil, trainUntil + 1, testUntil),
        g,
        positives,
        ranker,
        rankerData,
        s,
        progress,
        t0);
  }

  /** The random protocol on an edge list (see the class comment). */
  public static Report random(
      EdgeList edges, String name, double testFraction, Settings s, Consumer<String> progress) {
    long t0 = System.nanoTime();
    EdgeList.Split split = edges.split(testFraction, s.seed());
    CollabGraph g = split.graph();
    long[] positives = split.positives();
    // the ranker's own split: hold out the same fraction of the training edges, seeded differently
    long[] inner = split.graphEdges().clone();
    EdgeList.shuffle(inner, new SplittableRandom(s.seed() + 1_000_003L));
    int held = (int) Math.round(testFraction * inner.length);
    long[] innerPos = java.util.Arrays.copyOfRange(inner, 0, held);
    long[] innerGraph = java.util.Arrays.copyOfRange(inner, held, inner.length);
    CollabGraph g0 = edges.graphOf(innerGraph);
    java.util.Arrays.sort(innerPos);
    String rankerData =
        String.format(
            Locale.ROOT,
            "%s minus held-out edges, a second %.0f%% split (%,d pairs)",
            name,
            testFraction * 100,
            innerPos.length);
    progress.accept(
        String.format(
            Locale.ROOT,
            "%,d positives held out of %,d edges; training the ranker",
            positives.length,
            edges.edgeCount()));
    CollaboratorRanker ranker = CollaboratorRanker.train(g0, innerPos, s.ranker(), rankerData);
    return evaluate(
        "random",
        String.format(Locale.ROOT, "%s, %.0f%% of edges held out", name, testFraction * 100),
        g,
        positives,
        ranker,
        rankerData,
        s,
        progress,
        t0);
  }

  /** The methods compared, in table order. */
  static List<String> methods() {
    return List.of(COMMON_NEIGHBOURS, ADAMIC_ADAR, RESOURCE_ALLOCATION, EMBEDDING, LEARNED, RANDOM);
  }

  static Report evaluate(
      String protocol,
      String data,
      CollabGraph g,
      long[] positives,
      CollaboratorRanker ranker,
      String rankerData,
      Settings s,
      Consumer<String> progress,
      long t0) {
    progress.accept("embedding the training graph (FastRP)");
    FastRpEmbedding emb = FastRpEmbedding.compute(g, ranker.embeddingSettings());
    PairFeatures pf = new PairFeatures(g, emb);
    List<String> methods = methods();
    double[][] pos = score(pf, ranker, positives, s.threads(), s.seed() ^ 0x9E3779B97F4A7C15L);
    Set<Long> exclude = PairSampler.asSet(positives);
    int[] nodes = g.connectedExperts();
    List<String> metricNames = new ArrayList<>();
    for (int k : s.ks()) metricNames.add("hits@" + k);
    metricNames.add("mrr");
    metricNames.add("auc");
    double[][][] values = new double[methods.size()][metricNames.size()][s.samples()];
    int used = s.negatives();
    for (int i = 0; i < s.samples(); i++) {
      long seed = s.seed() + i;
      progress.accept(
          String.format(Locale.ROOT, "negative sample %d/%d (seed %d)", i + 1, s.samples(), seed));
      long[] negKeys = PairSampler.nonEdges(g, nodes, s.negatives(), exclude, seed);
      used = negKeys.length;
      double[][] neg = score(pf, ranker, negKeys, s.threads(), seed ^ 0x5851F42D4C957F2DL);
      for (int m = 0; m < methods.size(); m++) {
        int c = 0;
        for (int k : s.ks()) values[m][c++][i] = LinkPredictionMetrics.hitsAtK(pos[m], neg[m], k);
        values[m][c++][i] = LinkPredictionMetrics.mrr(pos[m], neg[m]);
        values[m][c][i] = LinkPredictionMetrics.auc(pos[m], neg[m]);
      }
    }
    if (!ranker.selection().isEmpty()) rankerData = rankerData + "; " + ranker.selection();
    List<MethodResult> results = new ArrayList<>();
    for (int m = 0; m < methods.size(); m++) {
      Map<String, Metric> mm = new LinkedHashMap<>();
      for (int c = 0; c < metricNames.size(); c++)
        mm.put(metricNames.get(c), Metric.of(values[m][c]));
      results.add(new MethodResult(methods.get(m), mm));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Report(
        protocol,
        data,
        nodes.length,
        g.edgeCount(),
        positives.length,
        used,
        s.negatives(),
        s.samples(),
        s.seed(),
        rankerData,
        results,
        seconds);
  }

  /**
   * Scores of every method (rows in {@link #methods()} order) for each pair; parallel over chunks.
   */
  static double[][] score(
      PairFeatures pf, CollaboratorRanker ranker, long[] keys, int threads, long randomSeed) {
    int nm = methods().size();
    double[][] out = new double[nm][keys.length];
    // fixed chunk size: the random baseline's streams do not depend on the number of threads
    int per = 2048;
    int chunks = (keys.length + per - 1) / per;
    IntStream stream = IntStream.range(0, chunks);
    if (threads > 1) stream = stream.parallel();
    stream.forEach(
        c -> {
          PairFeatures local = pf.copy();
          SplittableRandom rnd = new SplittableRandom(randomSeed + c);
          double[] f = new double[PairFeatures.count()];
          for (int i = c * per; i < Math.min(keys.length, (c + 1) * per); i++) {
            local.compute(CollabGraph.pairFirst(keys[i]), CollabGraph.pairSecond(keys[i]), f);
            out[0][i] = f[PairFeatures.CN];
            out[1][i] = f[PairFeatures.AA];
            out[2][i] = f[PairFeatures.RA];
            out[3][i] = f[PairFeatures.EMB_COS];
            out[4][i] = ranker.score(f);
            out[5][i] = rnd.nextDouble();
          }
        });
    return out;
  }
}
