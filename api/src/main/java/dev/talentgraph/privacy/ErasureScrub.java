package dev.talentgraph.privacy;

import dev.talentgraph.audit.AuditEvent;
import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The graph-wide part of an expert's erasure: every string property (and string in a list) of any
 * node or relationship that names the person, their id or one of their logins gets the mention
 * replaced, and the person's logins in the audit log become anonymous. It reads the whole graph, so
 * it runs after the structural erasure committed, outside the request and its time limit, on one
 * background thread (one erasure after another), writing in batches of {@value #BATCH} rows, each
 * its own transaction. Safe to repeat: a second erasure of the person runs it again.
 *
 * <p>When it is done the anonymous record gets {@code scrubbedAt}, an audit event {@value #ACTION}
 * with the counts (no name, no id) is recorded, and {@link ExpertErased} is published again, so an
 * in-memory copy rebuilt from the text while the scrub ran is dropped as well.
 */
@Component
class ErasureScrub implements AutoCloseable {
  static final String ACTION = "erasure.scrubbed";
  static final int BATCH = 1000;
  private static final Logger log = LoggerFactory.getLogger(ErasureScrub.class);

  private final Driver driver;
  private final SessionConfig config;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "erasure-scrub");
            t.setDaemon(true);
            return t;
          });

  ErasureScrub(
      Driver driver, SchemaMigrations schema, AuditLog audit, ApplicationEventPublisher events) {
    this.driver = driver;
    this.config = GraphSessions.write(driver, schema.database());
    this.audit = audit;
    this.events = events;
  }

  /** What one scrub replaced: properties of nodes, of relationships, audit actors. */
  record Counts(long nodes, long relationships, long auditEvents) {}

  /**
   * Starts the scrub for an erased person; {@code names} are the names the record had before the
   * erasure, {@code logins} the logins that acted as the person.
   */
  CompletableFuture<Counts> start(String expertId, List<String> names, List<String> logins) {
    Map<String, Object> p = new HashMap<>();
    p.put("id", expertId);
    p.put("names", names);
    p.put("logins", logins);
    p.put("erased", PrivacyController.ERASED_NAME);
    p.put("patterns", patterns(expertId, names));
    CompletableFuture<Counts> done =
        CompletableFuture.supplyAsync(() -> scrub(expertId, p), worker);
    done.whenComplete(
        (c, e) -> {
          if (e != null) log.error("the erasure scrub failed; erase the person again", e);
        });
    return done;
  }

  private Counts scrub(String expertId, Map<String, Object> p) {
    // events still queued (the person's last requests) reach the graph first
    audit.flush(Duration.ofSeconds(30));
    Counts counts;
    try (var s = driver.session(config)) {
      long auditEvents = s.run(SCRUB_AUDIT, p).single().get("n").asLong();
      long nodes = s.run(SCRUB_NODES, p).single().get("n").asLong();
      long rels = s.run(SCRUB_RELATIONSHIPS, p).single().get("n").asLong();
      s.executeWriteWithoutResult(
          tx ->
              tx.run(
                  "MATCH (e:" + Labels.EXPERT + " {id: $id}) SET e.scrubbedAt = datetime()",
                  Map.of("id", expertId)));
      counts = new Counts(nodes, rels, auditEvents);
    }
    audit.record(
        new AuditEvent(
            null,
            null,
            "system",
            List.of(),
            "system",
            ACTION,
            null,
            AuditEvent.Outcome.ALLOWED,
            "mentions replaced in "
                + counts.nodes()
                + " nodes and "
                + counts.relationships()
                + " relationships; "
                + counts.auditEvents()
                + " audit events anonymised",
            null));
    events.publishEvent(new ExpertErased(expertId));
    return counts;
  }

  /**
   * Regular expressions matching the id and each name as whole words (so erasing {@code e1} leaves
   * {@code e10} alone), quoted.
   */
  static List<String> patterns(String id, List<String> names) {
    List<String> out = new ArrayList<>();
    out.add(word(id));
    for (String n : names) {
      if (n != null && !n.isBlank() && !PrivacyController.ERASED_NAME.equals(n)) out.add(word(n));
    }
    return out;
  }

  private static String word(String text) {
    return "(?<![\\p{L}\\p{N}_-])" + java.util.regex.Pattern.quote(text) + "(?![\\p{L}\\p{N}_-])";
  }

  /** The person's own logins in the audit log become anonymous; what happened stays. */
  private static final String SCRUB_AUDIT =
      "MATCH (a:"
          + Labels.AUDIT_EVENT
          + ") WHERE a.actor IN $logins"
          + " CALL (a) { SET a.actor = 'erased' } IN TRANSACTIONS OF "
          + BATCH
          + " ROWS RETURN count(a) AS n";

  /**
   * Every string property (and string in a list) of any node that names the person or their id gets
   * the mention replaced; the person's own record keeps its id. A plain CONTAINS check first, so
   * the regular expressions only run on the few values that can match.
   */
  private static final String SCRUB_NODES =
      "MATCH (n) WHERE NOT (n:"
          + Labels.EXPERT
          + " AND n.id = $id)"
          + " WITH n, [k IN keys(n) WHERE any(v IN CASE WHEN n[k] IS :: LIST<ANY> THEN n[k] ELSE"
          + " [n[k]] END WHERE v IS :: STRING AND any(t IN [$id] + $names + $logins WHERE v CONTAINS"
          + " t))] AS ks WHERE size(ks) > 0"
          + " CALL (n, ks) { SET n += apoc.map.fromLists(ks, [k IN ks | CASE WHEN n[k] IS ::"
          + " LIST<ANY> THEN [v IN n[k] | CASE WHEN v IS :: STRING THEN reduce(s = v, p IN $patterns"
          + " | apoc.text.regreplace(s, p, $erased)) ELSE v END] ELSE reduce(s = n[k], p IN $patterns"
          + " | apoc.text.regreplace(s, p, $erased)) END]) } IN TRANSACTIONS OF "
          + BATCH
          + " ROWS RETURN count(n) AS n";

  /** The same for every relationship. */
  private static final String SCRUB_RELATIONSHIPS =
      "MATCH ()-[r]->()"
          + " WITH r, [k IN keys(r) WHERE any(v IN CASE WHEN r[k] IS :: LIST<ANY> THEN r[k] ELSE"
          + " [r[k]] END WHERE v IS :: STRING AND any(t IN [$id] + $names WHERE v CONTAINS t))] AS"
          + " ks WHERE size(ks) > 0"
          + " CALL (r, ks) { SET r += apoc.map.fromLists(ks, [k IN ks | CASE WHEN r[k] IS ::"
          + " LIST<ANY> THEN [v IN r[k] | CASE WHEN v IS :: STRING THEN reduce(s = v, p IN $patterns"
          + " | apoc.text.regreplace(s, p, $erased)) ELSE v END] ELSE reduce(s = r[k], p IN $patterns"
          + " | apoc.text.regreplace(s, p, $erased)) END]) } IN TRANSACTIONS OF "
          + BATCH
          + " ROWS RETURN count(r) AS n";

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
