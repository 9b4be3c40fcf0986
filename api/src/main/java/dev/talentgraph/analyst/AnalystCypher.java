package dev.talentgraph.analyst;

import dev.talentgraph.audit.AuditEvent;
import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.security.Principal;
import dev.talentgraph.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.TransientException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The guarded Cypher endpoint's service, shared by {@code POST /cypher} and the GraphQL {@code
 * cypher} field. For ANALYST and ADMIN: {@code EXPLAIN} first and {@link CypherGuard} decides from
 * the plan; then the query runs in a READ access-mode transaction with a time limit (Neo4j
 * terminates it), reading at most {@code maxRows} rows; results holding protected nodes are
 * refused. Every attempt is audited with the query's literals redacted and the parameter names
 * only.
 *
 * <p>The same text and parameters are planned and run, so the checked plan is the executed one
 * (Neo4j's plan cache makes the second planning a lookup). READ access mode is kept as a second
 * line: on a cluster it routes to a reader, and Neo4j refuses writes in it even if the guard missed
 * one.
 */
final class AnalystCypher {
  private final Driver driver;
  private final String database;
  private final AnalystSettings settings;
  private final CypherGuard guard;
  private final CypherValues values;
  private final AuditLog audit;
  private final Semaphore running;
  private final AnalystProjections projections;

  public AnalystCypher(Driver driver, String database, AnalystSettings settings, AuditLog audit) {
    this(driver, database, settings, audit, java.time.Clock.systemUTC());
  }

  AnalystCypher(
      Driver driver,
      String database,
      AnalystSettings settings,
      AuditLog audit,
      java.time.Clock clock) {
    this.driver = driver;
    this.database = database;
    this.settings = settings;
    this.guard = new CypherGuard(settings, database);
    this.values = new CypherValues(settings);
    this.audit = audit;
    this.running = new Semaphore(settings.maxConcurrent());
    this.projections = new AnalystProjections(driver, database, settings, clock);
  }

  /** The GDS graphs analysts hold now. */
  java.util.Set<String> projectedGraphs() {
    return projections.owned();
  }

  /**
   * Runs on a bounded-elastic thread (the driver call blocks); errors are {@link CypherException}s.
   */
  public Mono<CypherResult> run(
      Principal principal, String query, Map<String, Object> params, String remoteAddress) {
    return Mono.fromCallable(() -> execute(principal, query, params, remoteAddress))
        .subscribeOn(Schedulers.boundedElastic());
  }

  CypherResult execute(
      Principal principal, String query, Map<String, Object> params, String remoteAddress) {
    Map<String, Object> p = params == null ? Map.of() : params;
    String target =
        AuditText.redact(query) + (p.isEmpty() ? "" : " params " + new TreeSet<>(p.keySet()));
    if (principal == null || !(principal.has(Role.ANALYST) || principal.has(Role.ADMIN))) {
      String msg =
          "the Cypher endpoint is for ANALYST and ADMIN; you have "
              + (principal == null ? "no login" : principal.roles().toString());
      audit.record(
          AuditEvent.of(
              principal, "cypher.query", target, AuditEvent.Outcome.REFUSED, msg, remoteAddress));
      throw new CypherException(CypherException.Kind.FORBIDDEN, msg, null, null);
    }
    if (query == null || query.isBlank()) {
      throw fail(
          principal,
          target,
          remoteAddress,
          CypherException.Kind.INVALID,
          "query must not be empty",
          null,
          null);
    }
    if (!running.tryAcquire()) {
      throw fail(
          principal,
          target,
          remoteAddress,
          CypherException.Kind.BUSY,
          "too many analyst queries are running ("
              + settings.maxConcurrent()
              + "); try again shortly",
          null,
          null);
    }
    long t0 = System.nanoTime();
    try {
      var config =
          TransactionConfig.builder()
              .withTimeout(settings.timeout())
              .withMetadata(Map.of("app", "talentgraph-analyst", "user", principal.username()))
              .build();
      var sessionConfig = GraphSessions.read(driver, database);
      try (var session = driver.session(sessionConfig)) {
        var explain = session.run("EXPLAIN " + query, p, config).consume();
        Optional<CypherRefusal> refusal = guard.check(explain);
        if (refusal.isEmpty()) refusal = guard.checkQueryText(query);
        if (refusal.isPresent()) {
          audit.record(
              AuditEvent.of(
                  principal,
                  "cypher.query",
                  target,
                  AuditEvent.Outcome.REFUSED,
                  refusal.get().message(),
                  remoteAddress));
          throw new CypherException(
              CypherException.Kind.REFUSED, refusal.get().message(), refusal.get(), null);
        }
        projections.sweep();
        java.util.function.Supplier<CypherResult> run =
            () -> runChecked(session, config, query, p, principal, target, remoteAddress, t0);
        if (!guard.projects(explain)) return projections.read(run);
        try {
          return projections.project(run);
        } catch (CypherException e) {
          audit.record(
              AuditEvent.of(
                  principal,
                  "cypher.query",
                  target,
                  AuditEvent.Outcome.REFUSED,
                  e.getMessage(),
                  remoteAddress));
          throw e;
        }
      }
    } catch (CypherException e) {
      throw e;
    } catch (CypherValues.ProtectedValue e) {
      var refusal =
          new CypherRefusal(
              "protected_result",
              "ProduceResults",
              e.name,
              "refused: the result holds "
                  + e.name
                  + ", which is not readable on the analyst endpoint");
      audit.record(
          AuditEvent.of(
              principal,
              "cypher.query",
              target,
              AuditEvent.Outcome.REFUSED,
              refusal.message(),
              remoteAddress));
      throw new CypherException(CypherException.Kind.REFUSED, refusal.message(), refusal, e);
    } catch (Neo4jException e) {
      String code = String.valueOf(e.code());
      if (code.contains("TransactionTimedOut")
          || code.contains("Transaction.Terminated")
          || code.contains("TransactionTerminated")) {
        throw fail(
            principal,
            target,
            remoteAddress,
            CypherException.Kind.TIME_LIMIT,
            "the query exceeded the time limit of "
                + settings.timeout().toMillis()
                + " ms and was stopped",
            null,
            e);
      }
      if (e instanceof ClientException && !(e instanceof TransientException)) {
        // Neo4j's message may quote the query's literals: the client gets it, the audit log only
        // the code
        throw fail(
            principal,
            target,
            remoteAddress,
            CypherException.Kind.INVALID,
            "invalid query: " + firstLine(e.getMessage()).replace("EXPLAIN ", ""),
            code,
            e);
      }
      throw fail(
          principal,
          target,
          remoteAddress,
          CypherException.Kind.FAILED,
          "the query failed: " + code,
          code,
          e);
    } finally {
      running.release();
    }
  }

  private CypherResult runChecked(
      org.neo4j.driver.Session session,
      TransactionConfig config,
      String query,
      Map<String, Object> p,
      Principal principal,
      String target,
      String remoteAddress,
      long t0) {
    try (var tx = session.beginTransaction(config)) {
      var result = tx.run(query, Values.value(p));
      List<String> columns = result.keys();
      List<List<Object>> rows = new ArrayList<>();
      boolean truncated = false;
      long bytes = 0;
      while (result.hasNext()) {
        if (rows.size() >= settings.maxRows()) {
          truncated = true;
          break;
        }
        Record r = result.next();
        List<Object> row = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) row.add(values.convert(r.get(i)));
        bytes += CypherValues.size(row);
        if (bytes > settings.maxResultBytes()) {
          truncated = true;
          break;
        }
        rows.add(row);
      }
      tx.rollback();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      audit.record(
          AuditEvent.of(
              principal,
              "cypher.query",
              target,
              AuditEvent.Outcome.ALLOWED,
              rows.size() + " rows" + (truncated ? " (truncated)" : "") + " in " + ms + " ms",
              remoteAddress));
      return new CypherResult(columns, rows, truncated, ms);
    }
  }

  private CypherException fail(
      Principal principal,
      String target,
      String remote,
      CypherException.Kind kind,
      String message,
      String auditReason,
      Throwable cause) {
    AuditEvent.Outcome outcome =
        kind == CypherException.Kind.INVALID || kind == CypherException.Kind.FAILED
            ? AuditEvent.Outcome.FAILED
            : AuditEvent.Outcome.REFUSED;
    audit.record(
        AuditEvent.of(
            principal,
            "cypher.query",
            target,
            outcome,
            auditReason != null ? auditReason : message,
            remote));
    return new CypherException(kind, message, null, cause);
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
