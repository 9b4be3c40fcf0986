package dev.talentgraph.ml.collab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;

/**
 * Plain-Java scoring of a Tribuo XGBoost classifier (objective {@code multi:softprob}) from its
 * trees' JSON dump: the product and the evaluation score one pair at a time, and Tribuo's XGBoost
 * prediction builds a native matrix per call. Built only when it reproduces Tribuo's probability on
 * probe inputs; otherwise the ranker uses Tribuo's prediction.
 */
final class TreeScorer {

  private record Tree(
      int cls,
      int[] feature,
      float[] threshold,
      int[] yes,
      int[] no,
      int[] missing,
      double[] leaf,
      boolean[] isLeaf) {}

  private final List<Tree> trees;
  private final int classes;
  private final int linkClass;
  private final int[] column; // our feature j -> XGBoost feature index, or -1
  private final boolean zeroIsMissing;

  private TreeScorer(
      List<Tree> trees, int classes, int linkClass, int[] column, boolean zeroIsMissing) {
    this.trees = trees;
    this.classes = classes;
    this.linkClass = linkClass;
    this.column = column;
    this.zeroIsMissing = zeroIsMissing;
  }

  /** The scorer of {@code model} over features {@code names}, or null when it cannot be trusted. */
  static TreeScorer of(Model<Label> model, String[] names) {
    if (!(model instanceof XGBoostModel<Label> xgb) || xgb.getInnerModels().size() != 1)
      return null;
    try {
      String[] dump = xgb.getInnerModels().get(0).getModelDump("", false, "json");
      ObjectMapper json = new ObjectMapper();
      int classes = model.getOutputIDInfo().size();
      List<Tree> trees = new ArrayList<>();
      for (int t = 0; t < dump.length; t++) trees.add(tree(json.readTree(dump[t]), t % classes));
      int[] column = new int[names.length];
      for (int j = 0; j < names.length; j++) {
        var info = model.getFeatureIDMap().get(names[j]);
        column[j] = info == null ? -1 : info.getID();
      }
      int link = model.getOutputIDInfo().getID(new Label(CollaboratorRanker.LINK));
      for (boolean zeroMissing : new boolean[] {false, true}) {
        TreeScorer s = new TreeScorer(trees, classes, link, column, zeroMissing);
        if (s.agreesWith(model, names)) return s;
      }
      return null;
    } catch (Exception e) {
      return null;
    }
  }

  private boolean agreesWith(Model<Label> model, String[] names) {
    SplittableRandom rnd = new SplittableRandom(42);
    for (int probe = 0; probe < 64; probe++) {
      double[] f = new double[names.length];
      for (int j = 0; j < f.length; j++) {
        // zeros, small counts and continuous values, as pair features take
        int kind = rnd.nextInt(3);
        f[j] =
            probe == 0 || kind == 0
                ? 0
                : kind == 1 ? Math.log1p(rnd.nextInt(8)) : rnd.nextDouble() * 2;
      }
      Prediction<Label> p = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, f));
      Label l = p.getOutputScores().get(CollaboratorRanker.LINK);
      if (l == null || Math.abs(l.getScore() - score(f)) > 1e-5) return false;
    }
    return true;
  }

  private static Tree tree(JsonNode root, int cls) {
    List<JsonNode> nodes = new ArrayList<>();
    collect(root, nodes);
    int size = 0;
    for (JsonNode n : nodes) size = Math.max(size, n.get("nodeid").asInt() + 1);
    int[] feature = new int[size];
    float[] threshold = new float[size];
    int[] yes = new int[size];
    int[] no = new int[size];
    int[] missing = new int[size];
    double[] leaf = new double[size];
    boolean[] isLeaf = new boolean[size];
    for (JsonNode n : nodes) {
      int id = n.get("nodeid").asInt();
      if (n.has("leaf")) {
        isLeaf[id] = true;
        leaf[id] = n.get("leaf").asDouble();
      } else {
        String split = n.get("split").asText();
        feature[id] = Integer.parseInt(split.startsWith("f") ? split.substring(1) : split);
        threshold[id] = (float) n.get("split_condition").asDouble();
        yes[id] = n.get("yes").asInt();
        no[id] = n.get("no").asInt();
        missing[id] = n.get("missing").asInt();
      }
    }
    return new Tree(cls, feature, threshold, yes, no, missing, leaf, isLeaf);
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    out.add(n);
    JsonNode children = n.get("children");
    if (children != null) for (JsonNode c : children) collect(c, out);
  }

  /** The probability of {@link CollaboratorRanker#LINK}. */
  double score(double[] f) {
    int width = 0;
    for (int c : column) width = Math.max(width, c + 1);
    float[] x = new float[width];
    boolean[] present = new boolean[width];
    for (int j = 0; j < f.length; j++) {
      int c = column[j];
      if (c < 0) continue;
      x[c] = (float) f[j];
      present[c] = !(zeroIsMissing && f[j] == 0) && !Double.isNaN(f[j]);
    }
    double[] margin = new double[classes];
    for (Tree t : trees) {
      int node = 0;
      while (!t.isLeaf[node]) {
        int c = t.feature[node];
        if (c >= width || !present[c]) node = t.missing[node];
        else node = x[c] < t.threshold[node] ? t.yes[node] : t.no[node];
      }
      margin[t.cls] += t.leaf[node];
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double m : margin) max = Math.max(max, m);
    double total = 0;
    for (double m : margin) total += Math.exp(m - max);
    return Math.exp(margin[linkClass] - max) / total;
  }
}
