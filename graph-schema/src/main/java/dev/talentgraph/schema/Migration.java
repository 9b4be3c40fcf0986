package dev.talentgraph.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned Cypher migration, named like {@code V0001__unique_expert_id.cypher}. Its statements
 * are separated by a semicolon at the end of a line; {@code //} comment lines are ignored.
 */
record Migration(int version, String description, String fileName, String script) {
  private static final Pattern NAME = Pattern.compile("V(\\d{4})__([A-Za-z0-9_]+)\\.cypher");

  public Migration {
    if (version < 1)
      throw new IllegalArgumentException("migration version must be >= 1: " + fileName);
  }

  /**
   * Parses a file name and its content; a name outside the convention is an error that names it.
   */
  public static Migration of(String fileName, String script) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      throw new MigrationException(
          "migration file name '"
              + fileName
              + "' does not follow V<4 digits>__<description>.cypher");
    }
    return new Migration(
        Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), fileName, script);
  }

  /**
   * SHA-256 of the script with line endings normalised, so a checkout on Windows does not count as
   * a change.
   */
  public String checksum() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(script.replace("\r\n", "\n").strip().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The statements of the script, in order, without comments and trailing semicolons. */
  public List<String> statements() {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.replace("\r\n", "\n").split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("//") || trimmed.isEmpty()) continue;
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        out.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(trimmed).append('\n');
      }
    }
    if (!current.toString().isBlank()) out.add(current.toString().strip());
    return out;
  }
}
