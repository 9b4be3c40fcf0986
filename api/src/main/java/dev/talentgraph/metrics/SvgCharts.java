package dev.talentgraph.metrics;

import java.util.List;
import java.util.Locale;

/**
 * Bar and line charts as standalone SVG text (no plotting library, no AWT): titled, with axis
 * labels, tick values and the value written on each bar, so a manager can read them without the
 * JSON. The ROC and calibration plots of {@code ml.eval.SvgPlots} are unit-square curves; these are
 * categorical.
 */
final class SvgCharts {
  private SvgCharts() {}

  static final String[] PALETTE = {
    "#4e79a7", "#e15759", "#f28e2b", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#9c755f"
  };

  /**
   * One bar: a label and one value per series (stacked left to right), and the text written after
   * it.
   */
  record Bar(String label, double[] values, String text) {}

  /** A line over the categories; null values leave a gap. */
  record Line(String name, Double[] values) {}

  private static final int LABEL_W = 260, PLOT_W = 440, BAR_H = 22, TOP = 60, RIGHT = 170;

  /** Horizontal (stacked) bars; an empty list gives a chart that says there is no data. */
  static String bars(
      String title, String subtitle, String valueAxis, List<String> series, List<Bar> bars) {
    return bars(title, subtitle, valueAxis, series, bars, "no data in this period and scope");
  }

  /** The same, saying {@code empty} when there is no bar. */
  static String bars(
      String title,
      String subtitle,
      String valueAxis,
      List<String> series,
      List<Bar> bars,
      String empty) {
    double max = 0;
    for (Bar b : bars) {
      double sum = 0;
      for (double v : b.values()) sum += Math.max(0, v);
      max = Math.max(max, sum);
    }
    double axisMax = niceMax(max);
    int rows = Math.max(1, bars.size());
    int h = TOP + rows * (BAR_H + 8) + 60;
    int w = LABEL_W + PLOT_W + RIGHT;
    StringBuilder s = header(w, h, title, subtitle);
    int x0 = LABEL_W;
    int y0 = TOP;
    int plotH = rows * (BAR_H + 8);
    for (int t = 0; t <= 5; t++) {
      double v = axisMax * t / 5;
      double x = x0 + PLOT_W * t / 5.0;
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
              x,
              y0,
              x,
              y0 + plotH));
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
              x,
              y0 + plotH + 15,
              num(v)));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
            x0 + PLOT_W / 2,
            y0 + plotH + 35,
            esc(valueAxis)));
    if (bars.isEmpty()) {
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%s</text>%n",
              x0 + PLOT_W / 2,
              y0 + BAR_H,
              esc(empty)));
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = y0 + i * (BAR_H + 8) + 4;
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
              x0 - 8,
              y + BAR_H - 6,
              esc(clip(b.label(), 40))));
      double x = x0;
      for (int k = 0; k < b.values().length; k++) {
        double bw = axisMax == 0 ? 0 : PLOT_W * Math.max(0, b.values()[k]) / axisMax;
        if (bw > 0) {
          s.append(
              String.format(
                  Locale.ROOT,
                  "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>%n",
                  x,
                  y,
                  bw,
                  BAR_H,
                  PALETTE[k % PALETTE.length],
                  esc(series.get(k)),
                  num(b.values()[k])));
        }
        x += bw;
      }
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\">%s</text>%n",
              x + 5,
              y + BAR_H - 6,
              esc(b.text())));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
            x0,
            y0,
            x0,
            y0 + plotH));
    if (series.size() > 1) legend(s, series, w - RIGHT + 20, TOP);
    return s.append("</svg>\n").toString();
  }

  /** Lines over categorical x values, y on [yMin, yMax] (e.g. rates on 0..1). */
  static String lines(
      String title,
      String subtitle,
      String xAxis,
      String yAxis,
      List<String> categories,
      List<Line> lines,
      double yMin,
      double yMax) {
    int plotH = 320;
    int left = 70;
    int w = left + PLOT_W + 60 + RIGHT + 60;
    int h = TOP + plotH + 70;
    StringBuilder s = header(w, h, title, subtitle);
    for (int t = 0; t <= 5; t++) {
      double v = yMin + (yMax - yMin) * t / 5;
      double y = TOP + plotH - plotH * t / 5.0;
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
              left,
              y,
              left + PLOT_W + 60,
              y));
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
              left - 6,
              y + 4,
              num(v)));
    }
    int n = categories.size();
    double step = n <= 1 ? 0 : (PLOT_W + 20.0) / (n - 1);
    for (int i = 0; i < n; i++) {
      double x = left + 20 + i * step;
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
              x,
              TOP + plotH + 18,
              esc(categories.get(i))));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
            left + PLOT_W / 2 + 30,
            TOP + plotH + 45,
            esc(xAxis)));
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 16 %d)\">%s</text>%n",
            TOP + plotH / 2,
            TOP + plotH / 2,
            esc(yAxis)));
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>%n",
            left,
            TOP,
            PLOT_W + 60,
            plotH));
    if (lines.isEmpty()) {
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">no data in this period and scope</text>%n",
              left + PLOT_W / 2,
              TOP + plotH / 2));
    }
    for (int k = 0; k < lines.size(); k++) {
      Line l = lines.get(k);
      String colour = PALETTE[k % PALETTE.length];
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < Math.min(n, l.values().length); i++) {
        Double v = l.values()[i];
        if (v == null) continue;
        double x = left + 20 + i * step;
        double y = TOP + plotH - plotH * (v - yMin) / (yMax - yMin);
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        s.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s %s: %s</title></circle>%n",
                x,
                y,
                colour,
                esc(l.name()),
                esc(categories.get(i)),
                num(v)));
        s.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\" fill=\"%s\">%s</text>%n",
                x,
                y - 7,
                colour,
                num(v)));
      }
      s.append(
          String.format(
              Locale.ROOT,
              "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
              colour,
              pts.toString().trim()));
    }
    legend(s, lines.stream().map(Line::name).toList(), left + PLOT_W + 80, TOP);
    return s.append("</svg>\n").toString();
  }

  private static StringBuilder header(int w, int h, String title, String subtitle) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            w,
            h,
            w,
            h));
    s.append("<title>").append(esc(title)).append("</title>\n");
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"16\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>%n",
            esc(title)));
    if (subtitle != null)
      s.append(
          String.format(
              Locale.ROOT, "<text x=\"16\" y=\"44\" fill=\"#555\">%s</text>%n", esc(subtitle)));
    return s;
  }

  private static void legend(StringBuilder s, List<String> names, int x, int y) {
    for (int k = 0; k < names.size(); k++) {
      int ly = y + 10 + 18 * k;
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
              x,
              ly - 10,
              PALETTE[k % PALETTE.length]));
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\">%s</text>%n",
              x + 18,
              ly,
              esc(clip(names.get(k), 22))));
    }
  }

  static double niceMax(double max) {
    if (max <= 0) return 1;
    double mag = Math.pow(10, Math.floor(Math.log10(max)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * mag >= max) return m * mag;
    }
    return 10 * mag;
  }

  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) return String.valueOf((long) v);
    return String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.2f" : "%.1f", v);
  }

  private static String clip(String s, int n) {
    if (s == null) return "";
    return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
  }

  static String esc(String s) {
    if (s == null) return "";
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
