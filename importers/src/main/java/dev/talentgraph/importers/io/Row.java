package dev.talentgraph.importers.io;

import dev.talentgraph.importers.Location;
import dev.talentgraph.importers.Problem;
import java.util.List;

/**
 * One record of a delimited file: its fields, the line it starts on, and a problem when it could
 * not be read cleanly (bad encoding, oversized field, unterminated quote). Field access by column
 * name goes through a {@link Header}.
 */
public record Row(String file, long line, List<String> fields, Problem problem) {

  public Location at() {
    return Location.line(file, line);
  }

  public Location at(String field) {
    return Location.line(file, line).field(field);
  }

  public int size() {
    return fields.size();
  }

  public String get(int i) {
    return i < fields.size() ? fields.get(i) : null;
  }

  /** The row as one CSV line (quoted where needed), for a rejects file. */
  public String raw() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) sb.append(',');
      String f = fields.get(i);
      if (f.indexOf(',') >= 0
          || f.indexOf('"') >= 0
          || f.indexOf('\n') >= 0
          || f.indexOf('\t') >= 0) {
        sb.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(f);
      }
    }
    return sb.toString();
  }
}
