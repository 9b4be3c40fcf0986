package dev.talentgraph.importers.io;

import dev.talentgraph.importers.Location;
import dev.talentgraph.importers.Problem;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Physical lines of a text file, numbered from 1, decoded one line at a time so that an encoding
 * defect is reported with its line and column instead of failing the whole file. A UTF-8 byte order
 * mark is dropped; {@code \r\n} and {@code \n} both end a line.
 *
 * <p>Lines that are not valid UTF-8 are either reported ({@link Decoding#STRICT_UTF8}, the default
 * for user files) or decoded as Windows-1252 and counted ({@link Decoding#UTF8_OR_CP1252}, for
 * corpora such as AAN that mix both).
 */
public final class TextLines implements Closeable {

  /** How bytes become text. */
  public enum Decoding {
    STRICT_UTF8,
    UTF8_OR_CP1252
  }

  /**
   * One decoded line; {@code problem} is set when its bytes were not valid UTF-8 in strict mode.
   */
  public record Line(long number, String text, Problem problem, boolean repaired) {}

  /** Lines longer than this are cut and reported: no sane input has one. */
  public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

  private static final Charset CP1252 = Charset.forName("windows-1252");

  private final InputStream in;
  private final String name;
  private final Decoding decoding;
  private final int maxLineBytes;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] buf = new byte[8192];
  private long number;
  private long repairedLines;
  private boolean eof;

  public TextLines(Path path, String displayName, Decoding decoding) throws IOException {
    this(Files.newInputStream(path), displayName, decoding, DEFAULT_MAX_LINE_BYTES);
  }

  public TextLines(InputStream in, String displayName, Decoding decoding, int maxLineBytes) {
    this.in = new BufferedInputStream(in, 1 << 16);
    this.name = displayName;
    this.decoding = decoding;
    this.maxLineBytes = maxLineBytes;
  }

  public String name() {
    return name;
  }

  /** Lines decoded as Windows-1252 because they were not valid UTF-8. */
  public long repairedLines() {
    return repairedLines;
  }

  /** The next line, or null at the end of the file. */
  public Line next() throws IOException {
    if (eof) return null;
    int len = 0;
    boolean ascii = true;
    boolean truncated = false;
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') break;
      if (len == buf.length) {
        if (len >= maxLineBytes) {
          truncated = true;
          continue;
        }
        buf = Arrays.copyOf(buf, Math.min(maxLineBytes, len * 2));
      }
      if (b >= 0x80) ascii = false;
      buf[len++] = (byte) b;
    }
    if (b == -1) {
      eof = true;
      if (len == 0) return null;
    }
    number++;
    int start = 0;
    if (number == 1
        && len >= 3
        && (buf[0] & 0xff) == 0xEF
        && (buf[1] & 0xff) == 0xBB
        && (buf[2] & 0xff) == 0xBF) {
      start = 3;
    }
    if (len > start && buf[len - 1] == '\r') len--;
    Location at = Location.line(name, number);
    if (truncated) {
      return new Line(
          number,
          new String(buf, start, len - start, StandardCharsets.ISO_8859_1),
          Problem.of(
              Problem.Kind.FIELD_TOO_LARGE, at, "line is longer than " + maxLineBytes + " bytes"),
          false);
    }
    if (ascii || start == 3 && isAscii(start, len)) {
      return new Line(
          number, new String(buf, start, len - start, StandardCharsets.ISO_8859_1), null, false);
    }
    try {
      CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(buf, start, len - start));
      return new Line(number, chars.toString(), null, false);
    } catch (MalformedInputException e) {
      if (decoding == Decoding.UTF8_OR_CP1252) {
        repairedLines++;
        return new Line(number, new String(buf, start, len - start, CP1252), null, true);
      }
      int offset = badOffset(start, len);
      String text = new String(buf, start, len - start, StandardCharsets.UTF_8);
      return new Line(
          number,
          text,
          Problem.of(
              Problem.Kind.BAD_ENCODING,
              at.field("byte " + (offset + 1)),
              String.format(
                  "invalid UTF-8 byte 0x%02X at byte %d of the line (is the file Latin-1 or Windows-1252? save it as UTF-8)",
                  buf[start + offset] & 0xff, offset + 1)),
          false);
    } catch (CharacterCodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean isAscii(int from, int to) {
    for (int i = from; i < to; i++) if (buf[i] < 0) return false;
    return true;
  }

  /** Offset of the first byte that makes the line invalid UTF-8. */
  private int badOffset(int start, int end) {
    int i = start;
    while (i < end) {
      int c = buf[i] & 0xff;
      int n =
          c < 0x80
              ? 0
              : c >= 0xC2 && c <= 0xDF
                  ? 1
                  : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
      if (n < 0) return i - start;
      for (int k = 1; k <= n; k++) {
        if (i + k >= end || (buf[i + k] & 0xC0) != 0x80) return i - start;
      }
      i += n + 1;
    }
    return 0;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
