package dev.talentgraph.audit;

import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.security.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;

/**
 * The append-only audit log, kept as {@code :AuditEvent} nodes. {@link #record} only puts the event
 * on a bounded in-memory queue and returns: a writer thread stores queued events in small batches
 * (one {@code UNWIND ... CREATE} per batch), so a request never waits for the audit write. Nothing
 * in the application updates or deletes an AuditEvent, and the analyst endpoint cannot read or
 * write them.
 *
 * <p>Limits of the design, on purpose: events still in the queue when the process dies are lost (at
 * most one batch interval, {@value #MAX_WAIT_MS} ms, plus the queue); when the queue is full (the
 * database down for long) new events are dropped, counted in {@link #dropped()} and logged as
 * errors, rather than blocking every request.
 */
public final class AuditLog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
  static final int BATCH = 100;
  static final long MAX_WAIT_MS = 200;

  /** Key of the remote address in the Reactor context (set by {@link AuditWebFilters}). */
  public static final String REMOTE_ADDRESS = AuditLog.class.getName() + ".remoteAddress";

  private final Driver driver;
  private final String database;
  private final BlockingQueue<AuditEvent> queue;
  private final AtomicLong enqueued = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;
  private volatile boolean closing;
  private final RefusalLimiter refusals;

  public AuditLog(Driver driver, String database, int capacity) {
    this(
        driver,
        database,
        capacity,
        new RefusalLimiter(java.time.Clock.systemUTC(), Duration.ofMinutes(1), 100, 1000));
  }

  /** With the limiter of refused requests' events (see {@link RefusalLimiter}). */
  AuditLog(Driver driver, String database, int capacity, RefusalLimiter refusals) {
    this.refusals = refusals;
    this.driver = driver;
    this.database = database;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = new Thread(this::drainLoop, "audit-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Queues an event; never blocks. Refusals beyond the limiter's budget are counted into a summary
   * event instead.
   */
  public void record(AuditEvent event) {
    for (AuditEvent e : refusals.admit(event)) offer(e);
  }

  private void offer(AuditEvent event) {
    if (queue.offer(event)) {
      enqueued.incrementAndGet();
    } else {
      long n = dropped.incrementAndGet();
      log.error(
          "audit queue full: dropped event {} {} by {} ({} dropped so far)",
          event.action(),
          event.outcome(),
          event.actor(),
          n);
    }
  }

  /** Convenience for other packages: an event for {@code principal}. */
  public void record(
      Principal principal,
      String action,
      String target,
      AuditEvent.Outcome outcome,
      String reason,
      String remoteAddress) {
    record(AuditEvent.of(principal, action, target, outcome, reason, remoteAddress));
  }

  /**
   * Records for the caller of the current reactive request: the principal comes from the security
   * context and the remote address from the Reactor context, so GraphQL controllers need neither.
   */
  public Mono<Void> recordCurrent(
      String action, String target, AuditEvent.Outcome outcome, String reason) {
    return Mono.deferContextual(
        ctx ->
            ReactiveSecurityContextHolder.getContext()
                .mapNotNull(
                    c ->
                        c.getAuthentication() == null ? null : c.getAuthentication().getPrincipal())
                .filter(Principal.class::isInstance)
                .cast(Principal.class)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .doOnNext(
                    p ->
                        record(
                            AuditEvent.of(
                                p.orElse(null),
                                action,
                                target,
                                outcome,
                                reason,
                                ctx.<String>getOrEmpty(REMOTE_ADDRESS).orElse(null))))
                .then());
  }

  /** Events dropped because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  /**
   * Waits until every event recorded before this call is stored; true if that happened within
   * {@code max}.
   */
  public boolean flush(Duration max) {
    long target = enqueued.get();
    long deadline = System.nanoTime() + max.toNanos();
    while (written.get() + droppedAfterQueue.get() < target) {
      if (System.nanoTime() > deadline) return false;
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private final AtomicLong droppedAfterQueue = new AtomicLong();

  private void drainLoop() {
    List<AuditEvent> batch = new ArrayList<>(BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        AuditEvent first = queue.poll(MAX_WAIT_MS, TimeUnit.MILLISECONDS);
        if (first == null) {
          refusals.rollIfDue().forEach(this::offer);
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        if (!closing) continue;
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<AuditEvent> batch) throws InterruptedException {
    List<Map<String, Object>> rows = batch.stream().map(AuditLog::row).toList();
    for (int attempt = 1; ; attempt++) {
      try (var s = driver.session(GraphSessions.write(driver, database))) {
        s.executeWriteWithoutResult(
            tx ->
                tx.run(
                        "UNWIND $rows AS row CREATE (a:" + Labels.AUDIT_EVENT + ") SET a = row",
                        Values.parameters("rows", rows))
                    .consume());
        written.addAndGet(batch.size());
        return;
      } catch (RuntimeException e) {
        if (attempt >= 3 || closing && attempt >= 1) {
          droppedAfterQueue.addAndGet(batch.size());
          dropped.addAndGet(batch.size());
          log.error(
              "could not store {} audit events after {} attempts: {}",
              batch.size(),
              attempt,
              e.toString());
          return;
        }
        Thread.sleep(500L * attempt);
      }
    }
  }

  private static Map<String, Object> row(AuditEvent e) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", e.id());
    m.put("at", ZonedDateTime.ofInstant(e.at(), ZoneOffset.UTC));
    m.put("actor", e.actor());
    m.put("roles", e.roles());
    m.put("via", e.via());
    m.put("action", e.action());
    m.put("target", e.target());
    m.put("outcome", e.outcome().name());
    m.put("reason", e.reason());
    m.put("remoteAddress", e.remoteAddress());
    m.values().removeIf(java.util.Objects::isNull);
    return m;
  }

  /** A page of events, newest first. */
  public record Page(List<AuditEvent> events, String endCursor, boolean hasNextPage) {}

  /**
   * Reads events newest first, filtered by actor, action (exact, or a dotted prefix: {@code cypher}
   * matches {@code cypher.query}) and time; {@code after} is the {@code endCursor} of the previous
   * page.
   */
  public Page query(int first, String after, String actor, String action, Instant since) {
    if (first < 1 || first > 1000)
      throw new IllegalArgumentException("first must be between 1 and 1000");
    Instant afterAt = null;
    String afterId = null;
    if (after != null && !after.isBlank()) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8)
                .split("\\|", 2);
        afterAt = Instant.parse(parts[0]);
        afterId = parts[1];
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("after is not a cursor of the audit log");
      }
    }
    Map<String, Object> p = new HashMap<>();
    p.put("actor", actor);
    p.put("action", action);
    p.put("since", since == null ? null : ZonedDateTime.ofInstant(since, ZoneOffset.UTC));
    p.put("afterAt", afterAt == null ? null : ZonedDateTime.ofInstant(afterAt, ZoneOffset.UTC));
    p.put("afterId", afterId);
    p.put("limit", first + 1);
    try (var s = driver.session(GraphSessions.read(driver, database))) {
      var rows =
          s.executeRead(
              tx ->
                  tx.run(
                          "MATCH (a:"
                              + Labels.AUDIT_EVENT
                              + ")"
                              + FILTERS
                              + " AND ($afterAt IS NULL OR a.at < $afterAt OR (a.at = $afterAt AND a.id < $afterId))"
                              + " RETURN a ORDER BY a.at DESC, a.id DESC LIMIT $limit",
                          p)
                      .list(r -> r.get("a").asNode()));
      List<AuditEvent> events = new ArrayList<>();
      for (var n : rows.subList(0, Math.min(first, rows.size()))) events.add(event(n));
      String cursor = events.isEmpty() ? null : cursor(events.get(events.size() - 1));
      return new Page(events, cursor, rows.size() > first);
    }
  }

  /**
   * The filters of {@link #query} and {@link #count} on the event {@code a}: actor, action (or its
   * dotted prefix), since.
   */
  private static final String FILTERS =
      " WHERE ($actor IS NULL OR a.actor = $actor)"
          + " AND ($action IS NULL OR a.action = $action OR a.action STARTS WITH $action + '.')"
          + " AND ($since IS NULL OR a.at >= $since)";

  /** How many events match the filters of {@link #query} (on every page). */
  public long count(String actor, String action, Instant since) {
    Map<String, Object> p = new HashMap<>();
    p.put("actor", actor);
    p.put("action", action);
    p.put("since", since == null ? null : ZonedDateTime.ofInstant(since, ZoneOffset.UTC));
    try (var s = driver.session(GraphSessions.read(driver, database))) {
      return s.executeRead(
          tx ->
              tx.run("MATCH (a:" + Labels.AUDIT_EVENT + ")" + FILTERS + " RETURN count(a) AS n", p)
                  .single()
                  .get("n")
                  .asLong());
    }
  }

  /** One event by id, or null. */
  public AuditEvent byId(String id) {
    try (var s = driver.session(GraphSessions.read(driver, database))) {
      var rows =
          s.executeRead(
              tx ->
                  tx.run(
                          "MATCH (a:" + Labels.AUDIT_EVENT + " {id: $id}) RETURN a",
                          Map.of("id", id))
                      .list(r -> r.get("a").asNode()));
      return rows.isEmpty() ? null : event(rows.get(0));
    }
  }

  private static AuditEvent event(org.neo4j.driver.types.Node n) {
    return new AuditEvent(
        n.get("id").asString(),
        n.get("at").asZonedDateTime().toInstant(),
        n.get("actor").asString(),
        n.get("roles").asList(v -> v.asString()),
        n.get("via").asString(null),
        n.get("action").asString(),
        n.get("target").asString(null),
        AuditEvent.Outcome.valueOf(n.get("outcome").asString()),
        n.get("reason").asString(null),
        n.get("remoteAddress").asString(null));
  }

  static String cursor(AuditEvent e) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((e.at().toString() + "|" + e.id()).getBytes(StandardCharsets.UTF_8));
  }

  /** Stores what is queued, then stops the writer. */
  @Override
  public void close() {
    flush(Duration.ofSeconds(5));
    closing = true;
    writer.interrupt();
    try {
      writer.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
