package dev.talentgraph.schema;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;

/**
 * How every module opens a session, so that the same code is right on one embedded server and on a
 * {@code neo4j://} cluster (docs/adr/0021-reads-on-readers-and-bookmarks.md):
 *
 * <ul>
 *   <li>{@link #read} for anything that only reads: the session's access mode is READ, so its
 *       auto-commit statements and its transactions go to a reader (use {@code executeRead} or
 *       {@code run}); a write attempted in it is refused by the server.
 *   <li>{@link #write} for anything that writes, or that must run on the leader: its transactions
 *       go to the leader (use {@code executeWrite}, or {@code run} for {@code CALL { } IN
 *       TRANSACTIONS} and schema statements).
 * </ul>
 *
 * <p>In either kind, {@code executeRead} goes to a reader and {@code executeWrite} to the leader;
 * the session's mode decides for {@code run} and {@code beginTransaction}. Both carry the driver's
 * one bookmark manager (the one {@code Driver.executableQuery} uses): a write committed through
 * this driver is, for every later session of the same driver, a bookmark the next transaction waits
 * for, so a person's read after their own write sees it also on a reader that lags behind the
 * leader. Never build a {@link SessionConfig} by hand; the architecture test {@code SessionsTests}
 * fails the build if one does.
 */
public final class GraphSessions {
  private GraphSessions() {}

  /** A session whose work is routed to a reader. */
  public static SessionConfig read(Driver driver, String database) {
    return config(driver, database, AccessMode.READ);
  }

  /** A session whose work is routed to the leader. */
  public static SessionConfig write(Driver driver, String database) {
    return config(driver, database, AccessMode.WRITE);
  }

  private static SessionConfig config(Driver driver, String database, AccessMode mode) {
    return SessionConfig.builder()
        .withDatabase(database)
        .withDefaultAccessMode(mode)
        .withBookmarkManager(driver.executableQueryBookmarkManager())
        .build();
  }
}
