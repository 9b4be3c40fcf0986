package dev.talentgraph.ml;

import java.time.Duration;
import java.util.List;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.gds.catalog.GraphDropProc;
import org.neo4j.gds.catalog.GraphListProc;
import org.neo4j.gds.catalog.GraphProjectProc;
import org.neo4j.gds.embeddings.fastrp.FastRPStreamProc;
import org.neo4j.gds.functions.AsNodeFunc;
import org.neo4j.gds.pagerank.PageRankStreamProc;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * An in-process Neo4j for the ml tests with the Graph Data Science procedures the product calls
 * (projection, drop, list, PageRank, FastRP, {@code gds.util.asNode}) registered, as the embedded
 * database of the application registers them; the {@code gds.graph.project} Cypher aggregation
 * comes with the GDS extension on the classpath.
 */
public final class GdsHarness {
  private GdsHarness() {}

  public static Neo4j start() {
    return Neo4jBuilders.newInProcessBuilder()
        .withDisabledServer()
        .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
        .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
        .withConfig(
            GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
        .withConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"))
        .withProcedure(GraphProjectProc.class)
        .withProcedure(GraphDropProc.class)
        .withProcedure(GraphListProc.class)
        .withProcedure(PageRankStreamProc.class)
        .withProcedure(FastRPStreamProc.class)
        .withFunction(AsNodeFunc.class)
        .build();
  }
}
