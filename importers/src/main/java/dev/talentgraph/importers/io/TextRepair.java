package dev.talentgraph.importers.io;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs of text that was damaged before it reached us: mojibake (UTF-8 bytes decoded as Latin-1
 * or Windows-1252, e.g. {@code NaÃ¯ve} for {@code Naïve}, possibly twice) and HTML character
 * references ({@code Gim&eacute;nez}). Both are pure functions, safe on clean text.
 */
public final class TextRepair {
  private TextRepair() {}

  /** Windows-1252 code points of bytes 0x80-0x9F (0 where the byte is undefined). */
  private static final char[] CP1252_HIGH = {
    '\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030',
    '\u0160', '\u2039', '\u0152', 0, '\u017D', 0, 0, '\u2018', '\u2019', '\u201C', '\u201D',
    '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', 0, '\u017E',
    '\u0178'
  };

  private static final Map<Character, Integer> CP1252_REVERSE = new HashMap<>();

  static {
    for (int i = 0; i < CP1252_HIGH.length; i++)
      if (CP1252_HIGH[i] != 0) CP1252_REVERSE.put(CP1252_HIGH[i], 0x80 + i);
  }

  /** The byte a character stands for when UTF-8 was mis-decoded as Latin-1/Windows-1252, or -1. */
  private static int byteOf(char c) {
    if (c <= 0xFF) return c;
    Integer b = CP1252_REVERSE.get(c);
    return b == null ? -1 : b;
  }

  /** True when the text shows the usual signs of mojibake. */
  public static boolean looksLikeMojibake(String s) {
    return !s.equals(fixMojibake(s));
  }

  /**
   * Re-decodes every run of characters that forms a valid UTF-8 byte sequence when read back as
   * Latin-1/Windows-1252 bytes; repeats for text that was mangled twice. Plain ASCII and correctly
   * decoded text are left alone (a real "Ã" followed by a letter is not a UTF-8 continuation).
   */
  public static String fixMojibake(String s) {
    String current = s;
    for (int pass = 0; pass < 3; pass++) {
      String next = fixOnce(current);
      if (next.equals(current)) return current;
      current = next;
    }
    return current;
  }

  private static String fixOnce(String s) {
    StringBuilder out = null;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      int lead = c >= 0xC2 ? byteOf(c) : -1;
      int len =
          lead >= 0xC2 && lead <= 0xDF
              ? 2
              : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
      if (len > 0 && i + len <= n) {
        byte[] bytes = new byte[len];
        bytes[0] = (byte) lead;
        boolean ok = true;
        for (int k = 1; k < len; k++) {
          int b = byteOf(s.charAt(i + k));
          if (b < 0x80 || b > 0xBF) {
            ok = false;
            break;
          }
          bytes[k] = (byte) b;
        }
        if (ok) {
          String decoded = new String(bytes, StandardCharsets.UTF_8);
          if (decoded.indexOf('\uFFFD') < 0) {
            if (out == null) out = new StringBuilder(n).append(s, 0, i);
            out.append(decoded);
            i += len;
            continue;
          }
        }
      }
      if (out != null) out.append(c);
      i++;
    }
    return out == null ? s : out.toString();
  }

  private static final Pattern ENTITY =
      Pattern.compile("&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,10});");
  private static final Map<String, String> NAMED = new HashMap<>();

  static {
    String[] latin1 = {
      "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
      "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
      "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
      "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
      "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
      "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
      "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
      "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
      "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute",
      "ucirc", "uuml", "yacute", "thorn", "yuml"
    };
    for (int i = 0; i < latin1.length; i++) NAMED.put(latin1[i], String.valueOf((char) (0xA0 + i)));
    Object[][] more = {
      {"amp", '&'},
      {"lt", '<'},
      {"gt", '>'},
      {"quot", '"'},
      {"apos", '\''},
      {"lsquo", '\u2018'},
      {"rsquo", '\u2019'},
      {"ldquo", '\u201C'},
      {"rdquo", '\u201D'},
      {"ndash", '\u2013'},
      {"mdash", '\u2014'},
      {"hellip", '\u2026'},
      {"bull", '\u2022'},
      {"euro", '\u20AC'},
      {"trade", '\u2122'},
      {"Scaron", '\u0160'},
      {"scaron", '\u0161'},
      {"Zcaron", '\u017D'},
      {"zcaron", '\u017E'},
      {"Ccaron", '\u010C'},
      {"ccaron", '\u010D'},
      {"Cacute", '\u0106'},
      {"cacute", '\u0107'},
      {"Nacute", '\u0143'},
      {"nacute", '\u0144'},
      {"Scedil", '\u015E'},
      {"scedil", '\u015F'},
      {"Sacute", '\u015A'},
      {"sacute", '\u015B'},
      {"Zacute", '\u0179'},
      {"zacute", '\u017A'},
      {"Lstrok", '\u0141'},
      {"lstrok", '\u0142'},
      {"Ecaron", '\u011A'},
      {"ecaron", '\u011B'},
      {"Rcaron", '\u0158'},
      {"rcaron", '\u0159'},
      {"Ncaron", '\u0147'},
      {"ncaron", '\u0148'},
      {"Abreve", '\u0102'},
      {"abreve", '\u0103'},
      {"Gbreve", '\u011E'},
      {"gbreve", '\u011F'},
      {"Idot", '\u0130'},
      {"imath", '\u0131'},
      {"inodot", '\u0131'},
      {"OElig", '\u0152'},
      {"oelig", '\u0153'},
      {"Yuml", '\u0178'},
      {"Aogon", '\u0104'},
      {"aogon", '\u0105'},
      {"Eogon", '\u0118'},
      {"eogon", '\u0119'},
      {"Tcedil", '\u0162'},
      {"tcedil", '\u0163'},
      {"Dcaron", '\u010E'},
      {"dcaron", '\u010F'},
      {"Tcaron", '\u0164'},
      {"tcaron", '\u0165'},
      {"Uring", '\u016E'},
      {"uring", '\u016F'},
      {"Odblac", '\u0150'},
      {"odblac", '\u0151'},
      {"Udblac", '\u0170'},
      {"udblac", '\u0171'},
      {"Amacr", '\u0100'},
      {"amacr", '\u0101'},
      {"Emacr", '\u0112'},
      {"emacr", '\u0113'},
      {"Imacr", '\u012A'},
      {"imacr", '\u012B'},
      {"Omacr", '\u014C'},
      {"omacr", '\u014D'},
      {"Umacr", '\u016A'},
      {"umacr", '\u016B'},
      {"Zdot", '\u017B'},
      {"zdot", '\u017C'},
      {"Gcedil", '\u0122'},
      {"Kcedil", '\u0136'},
      {"kcedil", '\u0137'},
      {"Lcedil", '\u013B'},
      {"lcedil", '\u013C'},
      {"Ncedil", '\u0145'},
      {"ncedil", '\u0146'},
      {"Rcedil", '\u0156'},
      {"rcedil", '\u0157'}
    };
    for (Object[] e : more) NAMED.put((String) e[0], String.valueOf((char) e[1]));
  }

  /**
   * Replaces HTML character references (named, decimal, hex); unknown names are left as they are.
   */
  public static String decodeHtmlEntities(String s) {
    if (s.indexOf('&') < 0) return s;
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      String ref = m.group(1);
      String rep;
      if (ref.charAt(0) == '#') {
        int cp;
        try {
          cp =
              ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X')
                  ? Integer.parseInt(ref.substring(2), 16)
                  : Integer.parseInt(ref.substring(1));
        } catch (NumberFormatException e) {
          cp = -1;
        }
        if (cp >= 0x80 && cp <= 0x9F) {
          int idx = cp - 0x80;
          rep = CP1252_HIGH[idx] != 0 ? String.valueOf(CP1252_HIGH[idx]) : null;
        } else {
          rep = cp > 0 && Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
        }
      } else {
        rep = NAMED.get(ref);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(rep != null ? rep : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Collapses runs of white space (including no-break spaces) to single spaces and trims. */
  public static String squeeze(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0') {
        space = out.length() > 0;
      } else {
        if (space) out.append(' ');
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }
}
