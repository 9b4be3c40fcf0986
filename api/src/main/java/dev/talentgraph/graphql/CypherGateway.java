package dev.talentgraph.graphql;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.schema.GraphSessions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.AsyncTransactionContext;
import org.neo4j.driver.async.ResultCursor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one door of the GraphQL layer to the database: every statement of the API goes through here,
 * so that it is counted per request ({@link RoundTrips}) and in total.
 *
 * <p>Reads are auto-commit statements in READ access mode on the driver's asynchronous API: one
 * RUN+PULL exchange, no BEGIN/COMMIT, no thread blocked while Neo4j works. Writes run in one
 * managed write transaction (validated, then written, or nothing). Sessions come from {@link
 * GraphSessions}: reads go to a reader, writes to the leader, and both share the driver's bookmark
 * manager, so a read after a write sees the write also on a cluster. Every statement carries the
 * request's time limit ({@code talent.graphql.limits.request-timeout}) as its transaction timeout:
 * when a request is over, Neo4j stops its work too, instead of planning or expanding on for minutes
 * after the client got its error.
 */
@Component
public class CypherGateway {
  private final Driver driver;
  private final SessionConfig readConfig;
  private final SessionConfig writeConfig;
  private final AtomicLong total = new AtomicLong();
  private final TransactionConfig statementLimit;

  public CypherGateway(
      Driver driver,
      SchemaMigrations schema,
      @Value("${talent.graphql.limits.request-timeout:30s}") Duration requestTimeout) {
    this.driver = driver;
    this.statementLimit = TransactionConfig.builder().withTimeout(requestTimeout).build();
    this.readConfig = GraphSessions.read(driver, schema.database());
    this.writeConfig = GraphSessions.write(driver, schema.database());
  }

  /**
   * Runs one parameterised read statement; the records arrive when Neo4j has streamed them all (the
   * driver hands them over once the connection is back in its pool). The session is closed when the
   * statement's stage completes, either way: a plain callback, where {@code Mono.usingWhen} cost
   * several Reactor operators and an extra subscription on every request.
   */
  public Mono<List<Record>> read(
      RoundTrips roundTrips, String cypher, Map<String, Object> parameters) {
    return Mono.defer(
        () -> {
          count(roundTrips);
          AsyncSession session = driver.session(AsyncSession.class, readConfig);
          CompletionStage<List<Record>> rows;
          try {
            rows =
                session
                    .runAsync(cypher, parameters, statementLimit)
                    .thenCompose(ResultCursor::listAsync);
          } catch (RuntimeException e) {
            session.closeAsync();
            throw e;
          }
          return Mono.fromCompletionStage(rows.whenComplete((r, e) -> session.closeAsync()));
        });
  }

  /**
   * Runs {@code work} in one write transaction; it commits only if the returned stage completes
   * normally.
   */
  public <T> Mono<T> write(RoundTrips roundTrips, Function<Tx, CompletionStage<T>> work) {
    return Mono.usingWhen(
        Mono.fromSupplier(() -> driver.session(AsyncSession.class, writeConfig)),
        session ->
            Mono.fromCompletionStage(
                session.executeWriteAsync(
                    tx -> work.apply(new Tx(tx, roundTrips)), statementLimit)),
        session -> Mono.fromCompletionStage(session.closeAsync()));
  }

  /** Statements sent since the application started (all requests). */
  public long totalRoundTrips() {
    return total.get();
  }

  private void count(RoundTrips roundTrips) {
    roundTrips.increment();
    total.incrementAndGet();
  }

  /** A write transaction whose statements are counted like reads. */
  public final class Tx {
    private final AsyncTransactionContext tx;
    private final RoundTrips roundTrips;

    Tx(AsyncTransactionContext tx, RoundTrips roundTrips) {
      this.tx = tx;
      this.roundTrips = roundTrips;
    }

    public CompletionStage<List<Record>> run(String cypher, Map<String, Object> parameters) {
      count(roundTrips);
      return tx.runAsync(cypher, parameters).thenCompose(ResultCursor::listAsync);
    }
  }
}
