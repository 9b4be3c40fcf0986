package dev.talentgraph.operations;

import dev.talentgraph.schema.GraphSessions;
import java.util.List;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Ends the database work of requests that outlive the graceful shutdown. The web server first stops
 * taking requests and waits for those in flight ({@code server.shutdown=graceful}, at most {@code
 * spring.lifecycle.timeout-per-shutdown-phase}); this lifecycle stops after that wait (a lower
 * phase stops later) and terminates every transaction still running in the embedded database, so
 * that closing the store does not wait on them. Installed only with the embedded database: on a
 * shared Neo4j server the transactions may be other programs'.
 */
final class InFlightWork implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(InFlightWork.class);

  /** After the web server's graceful-shutdown phase, before the web server itself stops. */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1536;

  static final String RUNNING =
      "SHOW TRANSACTIONS YIELD transactionId, currentQuery"
          + " WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'"
          + " RETURN collect(transactionId) AS ids";
  static final String TERMINATE =
      "TERMINATE TRANSACTIONS $ids YIELD transactionId RETURN count(*) AS n";

  private final Driver driver;
  private volatile boolean running;

  InFlightWork(Driver driver) {
    this.driver = driver;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    try {
      int n = terminateAll();
      if (n > 0) log.info("shutdown: terminated {} database transactions still running", n);
    } catch (RuntimeException e) {
      log.warn("shutdown: could not terminate running transactions: {}", e.toString());
    }
  }

  /** Terminates every running transaction but this one; returns how many. */
  int terminateAll() {
    try (var session = driver.session(GraphSessions.write(driver, "neo4j"))) {
      List<Object> ids = session.run(RUNNING).single().get("ids").asList();
      if (ids.isEmpty()) return 0;
      return session.run(TERMINATE, java.util.Map.of("ids", ids)).single().get("n").asInt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
