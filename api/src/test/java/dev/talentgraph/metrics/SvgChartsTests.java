package dev.talentgraph.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The SVG writer: well-formed with hostile labels and with no data, bars scaled to a round axis
 * maximum.
 */
class SvgChartsTests {
  static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newDefaultNSInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void barsAreWellFormedAndScaled() throws Exception {
    String svg =
        SvgCharts.bars(
            "R&D <\"gaps\">",
            null,
            "teams",
            List.of("missing", "below"),
            List.of(
                new SvgCharts.Bar("C++ & <Rust>", new double[] {3, 1}, "4 teams"),
                new SvgCharts.Bar("Go", new double[] {2, 0}, "2")));
    Document d = parse(svg);
    assertThat(d.getDocumentElement().getElementsByTagNameNS("*", "title").item(0).getTextContent())
        .isEqualTo("R&D <\"gaps\">");
    // the longest bar (4) spans the axis maximum 5 at 440 px: 3 -> 264 px, 1 -> 88 px
    assertThat(svg)
        .contains("width=\"264.0\"")
        .contains("width=\"88.0\"")
        .contains(">C++ &amp; &lt;Rust&gt;<");
    assertThat(SvgCharts.niceMax(4)).isEqualTo(5);
    assertThat(SvgCharts.niceMax(0.93)).isEqualTo(1);
    assertThat(SvgCharts.niceMax(1482)).isEqualTo(2000);
  }

  @Test
  void emptyChartsSaySo() throws Exception {
    String bars = SvgCharts.bars("t", "s", "x", List.of("a"), List.of(), "nothing here");
    assertThat(parse(bars).getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(bars).contains(">nothing here<");
    String lines =
        SvgCharts.lines(
            "t",
            null,
            "period",
            "rate",
            List.of("2024", "2025"),
            List.of(new SvgCharts.Line("EMEA", new Double[] {0.9, null})),
            0,
            1);
    assertThat(parse(lines).getElementsByTagNameNS("*", "circle").getLength()).isEqualTo(1);
  }
}
