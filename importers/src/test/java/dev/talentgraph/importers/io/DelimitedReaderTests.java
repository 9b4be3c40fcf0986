package dev.talentgraph.importers.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talentgraph.importers.Problem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelimitedReaderTests {
  static List<Row> read(byte[] bytes, char delimiter, boolean quoting, int maxField)
      throws Exception {
    try (DelimitedReader r =
        new DelimitedReader(
            new TextLines(
                new ByteArrayInputStream(bytes), "f.csv", TextLines.Decoding.STRICT_UTF8, 1 << 20),
            delimiter,
            quoting,
            maxField)) {
      List<Row> out = new ArrayList<>();
      for (Row row = r.next(); row != null; row = r.next()) out.add(row);
      return out;
    }
  }

  static List<Row> read(String s) throws Exception {
    return read(s.getBytes(StandardCharsets.UTF_8), ',', true, 1000);
  }

  @Test
  void quotedFieldsWithDelimitersQuotesAndLineBreaksKeepTheirStartLine() throws Exception {
    List<Row> rows = read("\uFEFFa,b,c\r\n1,\"x, \"\"y\"\"\r\nz\",3\r\n\r\n4,5,6\n");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).fields()).containsExactly("a", "b", "c"); // BOM dropped
    assertThat(rows.get(1).fields()).containsExactly("1", "x, \"y\"\nz", "3");
    assertThat(rows.get(1).line()).isEqualTo(2);
    assertThat(rows.get(2).line()).isEqualTo(5);
  }

  @Test
  void tsvWithoutQuotingKeepsQuotesAsText() throws Exception {
    List<Row> rows = read("a\t\"b\"\tc\n".getBytes(StandardCharsets.UTF_8), '\t', false, 100);
    assertThat(rows.get(0).fields()).containsExactly("a", "\"b\"", "c");
  }

  @Test
  void oversizedFieldIsReportedAndTheNextRecordStillReads() throws Exception {
    List<Row> rows =
        read(
            ("a,\"" + "x".repeat(5000) + "\",c\nd,e,f\n").getBytes(StandardCharsets.UTF_8),
            ',',
            true,
            100);
    assertThat(rows.get(0).problem().kind()).isEqualTo(Problem.Kind.FIELD_TOO_LARGE);
    assertThat(rows.get(0).problem().toString())
        .isEqualTo("f.csv:1 [column 2]: field is larger than 100 characters");
    assertThat(rows.get(1).fields()).containsExactly("d", "e", "f");
  }

  @Test
  void invalidUtf8IsReportedWithLineAndByte() throws Exception {
    byte[] b = "ok,1\nJos\u00e9,2\n".getBytes(StandardCharsets.ISO_8859_1);
    List<Row> rows = read(b, ',', true, 100);
    assertThat(rows.get(0).problem()).isNull();
    assertThat(rows.get(1).problem().kind()).isEqualTo(Problem.Kind.BAD_ENCODING);
    assertThat(rows.get(1).problem().at().line()).isEqualTo(2);
    assertThat(rows.get(1).problem().message()).startsWith("invalid UTF-8 byte 0xE9 at byte 4");
  }

  @Test
  void windows1252FallbackRepairsLines() throws Exception {
    byte[] b = "caf\u00e9 \u201cquoted\u201d\n".getBytes("windows-1252");
    try (TextLines t =
        new TextLines(new ByteArrayInputStream(b), "f", TextLines.Decoding.UTF8_OR_CP1252, 1000)) {
      assertThat(t.next().text()).isEqualTo("caf\u00e9 \u201cquoted\u201d");
      assertThat(t.repairedLines()).isEqualTo(1);
    }
  }
}
