package dev.talentgraph.db;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code talent.neo4j.embedded.*}: the in-process Neo4j, the default datastore.
 *
 * @param enabled false switches the embedded server off; the app then uses {@code spring.neo4j.uri}
 * @param dataDir the store; null means a fresh temporary directory (tests)
 * @param boltHost interface of the Bolt connector; localhost keeps it off the network
 * @param boltPort Bolt port; 0 picks a free one
 * @param boltPassword password of the {@code neo4j} Bolt user; null means TALENT_BOLT_PASSWORD,
 *     else the one generated at first start and kept (readable by the owner only) in the data
 *     directory
 * @param pageCache Neo4j's off-heap page cache, e.g. 256m
 * @param procedurePackages packages whose procedures are registered (APOC, GDS)
 * @param procedures name patterns ({@code *} matches any characters) of further APOC/GDS routines
 *     to register beyond those the product and the analyst allow-list call ({@link RoutineDemand});
 *     {@code *} registers every one, as a plugins folder would
 */
@ConfigurationProperties("talent.neo4j.embedded")
public record EmbeddedNeo4jSettings(
    Boolean enabled,
    Path dataDir,
    String boltHost,
    Integer boltPort,
    String boltPassword,
    String pageCache,
    List<String> procedurePackages,
    List<String> procedures) {

  public EmbeddedNeo4jSettings {
    if (enabled == null) enabled = true;
    if (boltHost == null) boltHost = "localhost";
    if (boltPort == null) boltPort = 7687;
    if (pageCache == null) pageCache = "256m";
    if (procedurePackages == null) procedurePackages = List.of("apoc", "org.neo4j.gds");
    if (procedures == null) procedures = List.of();
  }

  /** The routines to register: the product's, these settings' extra ones and the given demands. */
  List<RoutineDemand> demands(List<RoutineDemand> more) {
    List<RoutineDemand> all = new java.util.ArrayList<>();
    all.add(RoutineDemand.PRODUCT);
    if (!procedures.isEmpty())
      all.add(new RoutineDemand("talent.neo4j.embedded.procedures", procedures, List.of()));
    all.addAll(more);
    return all;
  }

  public static EmbeddedNeo4jSettings of(Path dataDir, int boltPort) {
    return new EmbeddedNeo4jSettings(true, dataDir, null, boltPort, null, null, null, null);
  }
}
