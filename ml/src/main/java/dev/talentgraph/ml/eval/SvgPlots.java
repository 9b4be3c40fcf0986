package dev.talentgraph.ml.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * ROC curves and reliability diagrams as small standalone SVG files (no plotting library, no AWT,
 * so they render the same on a headless server). Each series is a polyline on the unit square.
 */
public final class SvgPlots {
  private SvgPlots() {}

  /** A named polyline in unit coordinates. */
  public record Series(String name, String colour, double[] x, double[] y, boolean markers) {}

  private static final int SIZE = 400, PAD = 50;

  /** Writes an SVG plot of the series on [0,1]x[0,1] with a dashed diagonal. */
  public static void write(
      Path file, String title, String xLabel, String yLabel, List<Series> series)
      throws IOException {
    StringBuilder s = new StringBuilder();
    int w = SIZE + 2 * PAD + 160, h = SIZE + 2 * PAD;
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            w,
            h));
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    s.append(
        String.format(
            Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\">%s</text>%n", PAD, esc(title)));
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>%n",
            PAD,
            PAD,
            SIZE,
            SIZE));
    for (int t = 0; t <= 10; t += 2) {
      double v = t / 10.0;
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.1f</text>%n",
              px(v),
              PAD + SIZE + 15,
              v));
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>%n",
              PAD - 5,
              py(v) + 4,
              v));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
            PAD + SIZE / 2,
            h - 8,
            esc(xLabel)));
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>%n",
            PAD + SIZE / 2,
            PAD + SIZE / 2,
            esc(yLabel)));
    s.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"grey\" stroke-dasharray=\"4 4\"/>%n",
            px(0),
            py(0),
            px(1),
            py(1)));
    int legend = 0;
    for (Series ser : series) {
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < ser.x().length; i++) {
        if (Double.isNaN(ser.x()[i]) || Double.isNaN(ser.y()[i])) continue;
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(ser.x()[i]), py(ser.y()[i])));
        if (ser.markers()) {
          s.append(
              String.format(
                  Locale.ROOT,
                  "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                  px(ser.x()[i]),
                  py(ser.y()[i]),
                  ser.colour()));
        }
      }
      s.append(
          String.format(
              Locale.ROOT,
              "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
              ser.colour(),
              pts.toString().trim()));
      int ly = PAD + 10 + 18 * legend++;
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>%n",
              PAD + SIZE + 10,
              ly,
              PAD + SIZE + 30,
              ly,
              ser.colour()));
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\">%s</text>%n",
              PAD + SIZE + 35,
              ly + 4,
              esc(ser.name())));
    }
    s.append("</svg>\n");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
  }

  private static double px(double v) {
    return PAD + v * SIZE;
  }

  private static double py(double v) {
    return PAD + (1 - v) * SIZE;
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
