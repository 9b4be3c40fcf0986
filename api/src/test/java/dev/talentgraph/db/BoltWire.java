package dev.talentgraph.db;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Logger;
import org.neo4j.driver.Logging;

/**
 * The Bolt messages a driver sends and receives, from its debug log ({@code [conn][address][id] C:
 * BEGIN {...}}, {@code S: SUCCESS {...}}): for each statement, whether it ran in READ access mode
 * (the mode a routing driver picks a reader by), and the bookmarks sent and returned.
 */
final class BoltWire implements Logging {
  /**
   * One statement: the access mode of the transaction it ran in, the bookmarks that transaction
   * waited for, and the bookmark its commit returned (null if none was seen).
   */
  record Statement(String cypher, boolean read, List<String> waitedFor, String committedAs) {}

  private static final Pattern MESSAGE = Pattern.compile("^(.*?)\\s*([CS]): (\\w+)\\s?(.*)$");
  private static final Pattern READ_MODE = Pattern.compile("mode[=:]\\s*\"?r\"?[,}\\s]");
  private static final Pattern BOOKMARKS = Pattern.compile("bookmarks[=:]\\s*\\[([^\\]]*)]");
  private static final Pattern BOOKMARK = Pattern.compile("bookmark[=:]\\s*\"([^\"]+)\"");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
  private static final Pattern RUN = Pattern.compile("^\"(.*)\" \\{.*?} (\\{.*})$", Pattern.DOTALL);

  private final List<String> lines = new ArrayList<>();

  synchronized void clear() {
    lines.clear();
  }

  /** The raw messages recorded since the last {@link #clear()}. */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /**
   * Every RUN since the last {@link #clear()}, with its transaction's access mode; a RUN inside a
   * transaction that began before the last clear is left out (its mode is not known).
   */
  synchronized List<Statement> statements() {
    Map<String, String> openTx = new HashMap<>();
    Map<String, List<Integer>> uncommitted = new HashMap<>();
    List<Statement> out = new ArrayList<>();
    for (String line : lines) {
      Matcher m = MESSAGE.matcher(line);
      if (!m.matches()) continue;
      String connection = m.group(1);
      String body = m.group(4);
      if (m.group(2).equals("S")) {
        Matcher b = BOOKMARK.matcher(body);
        if (b.find()) {
          for (int i : uncommitted.getOrDefault(connection, List.of())) {
            Statement st = out.get(i);
            out.set(i, new Statement(st.cypher(), st.read(), st.waitedFor(), b.group(1)));
          }
          uncommitted.remove(connection);
        }
        continue;
      }
      switch (m.group(3)) {
        case "BEGIN" -> openTx.put(connection, body);
        case "COMMIT", "ROLLBACK", "RESET" -> openTx.remove(connection);
        case "RUN" -> {
          Matcher run = RUN.matcher(body);
          String cypher = run.matches() ? run.group(1) : body;
          String metadata = openTx.getOrDefault(connection, run.matches() ? run.group(2) : body);
          if (metadata.equals("{}")) continue;
          out.add(
              new Statement(
                  cypher, READ_MODE.matcher(metadata + " ").find(), bookmarks(metadata), null));
          uncommitted.computeIfAbsent(connection, k -> new ArrayList<>()).add(out.size() - 1);
        }
        default -> {}
      }
    }
    return out;
  }

  private static List<String> bookmarks(String metadata) {
    List<String> out = new ArrayList<>();
    Matcher b = BOOKMARKS.matcher(metadata);
    while (b.find()) {
      Matcher q = QUOTED.matcher(b.group(1));
      while (q.find()) out.add(q.group(1));
    }
    return out;
  }

  /** Bookmarks the server returned on commits since the last {@link #clear()}, in order. */
  synchronized List<String> bookmarksReturned() {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      Matcher m = MESSAGE.matcher(line);
      if (!m.matches() || !m.group(2).equals("S")) continue;
      Matcher b = BOOKMARK.matcher(m.group(4));
      if (b.find()) out.add(b.group(1));
    }
    return out;
  }

  private synchronized void record(String line) {
    if (line.contains("C: ") || line.contains("S: ")) lines.add(line);
  }

  @Override
  public Logger getLog(String name) {
    return new Logger() {
      @Override
      public void error(String message, Throwable cause) {}

      @Override
      public void info(String format, Object... params) {
        debug(format, params);
      }

      @Override
      public void warn(String format, Object... params) {
        debug(format, params);
      }

      @Override
      public void warn(String message, Throwable cause) {}

      @Override
      public void debug(String format, Object... params) {
        String line;
        try {
          line = params.length == 0 ? format : String.format(format, params);
        } catch (RuntimeException e) {
          line = format;
        }
        record(line);
      }

      @Override
      public void debug(String message, Throwable throwable) {}

      @Override
      public void trace(String format, Object... params) {}

      @Override
      public boolean isTraceEnabled() {
        return false;
      }

      @Override
      public boolean isDebugEnabled() {
        return true;
      }
    };
  }
}
