package dev.talentgraph.cli;

import dev.talentgraph.TalentGraphApplication;
import dev.talentgraph.importers.ImportContext;
import dev.talentgraph.importers.ImportFailedException;
import dev.talentgraph.importers.ImportOptions;
import dev.talentgraph.importers.ImportReport;
import dev.talentgraph.importers.Progress;
import dev.talentgraph.importers.catalog.Importers;
import dev.talentgraph.operations.ImportMeters;
import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.security.TinkFieldCipher;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code talentgraph serve}: the GraphQL API, GraphiQL, the analyst endpoint and Bolt, until
 * stopped.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the server on the embedded database (default) or on a Neo4j server given by --uri.",
      "Extra Spring properties may follow, e.g. --talent.security.enabled=false."
    })
class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--demo",
      description = "Generate the seeded demo graph first when the store is empty.")
  boolean demo;

  @Option(
      names = "--import-all",
      paramLabel = "DATASETS",
      description =
          "Import every data set of this folder first (see 'import all') when the store is empty.")
  Path importAll;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "${env:TALENT_DATA_DIR:-./data}",
      description = "Embedded database store (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--port",
      defaultValue = "${env:TALENT_PORT:-8080}",
      description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bolt-port",
      defaultValue = "${env:TALENT_BOLT_PORT:-7687}",
      description = "Bolt port of the embedded database, on localhost (default: ${DEFAULT-VALUE}).")
  int boltPort;

  @Option(
      names = "--uri",
      paramLabel = "URI",
      description = "Use this Neo4j (bolt:// or neo4j://) instead of the embedded one.")
  URI uri;

  @Option(
      names = "--user",
      defaultValue = "neo4j",
      description = "Bolt user with --uri (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(
      names = "--password",
      defaultValue = "${env:TALENT_BOLT_PASSWORD}",
      description = "Bolt password with --uri.")
  String password;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      defaultValue = "${env:TALENT_LOG_FORMAT:-text}",
      description =
          "text (default) or json: one JSON object per log line (Elastic Common Schema), for log shippers.")
  String logFormat;

  @Unmatched List<String> springArgs = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    if (importAll != null) importAllIfEmpty();
    ConfigurableApplicationContext ctx =
        TalentGraphApplication.run(springArguments().toArray(String[]::new));
    CountDownLatch closed = new CountDownLatch(1);
    ctx.addApplicationListener(
        e -> {
          if (e instanceof ContextClosedEvent) closed.countDown();
        });
    if (!ctx.isActive()) return 0;
    closed.await();
    return 0;
  }

  /**
   * Builds the graph from the data sets before the server opens the store (only one process may
   * open an embedded store, so the import's connection is closed first). A store that holds
   * anything is left as it is: the import runs once, not at every start.
   */
  void importAllIfEmpty() {
    String envKeyset = System.getenv(TinkFieldCipher.ENV_KEYSET);
    if (uri != null && (envKeyset == null || envKeyset.isBlank())) {
      throw new CliException(
          "with --uri, --import-all needs the server's encryption keyset in $"
              + TinkFieldCipher.ENV_KEYSET
              + ": personal data encrypted with another key could not be read",
          TalentGraphCli.EXIT_USAGE);
    }
    GraphOptions g = new GraphOptions();
    g.dataDir = dataDir;
    g.uri = uri;
    g.user = user;
    g.password = password;
    g.database = "neo4j";
    try (GraphConnection c = g.open()) {
      long nodes;
      try (var session = c.driver().session(GraphSessions.read(c.driver(), c.database()))) {
        nodes =
            session
                .run(
                    "MATCH (n) WHERE NOT n:"
                        + Labels.MIGRATION
                        + " AND NOT n:"
                        + Labels.DATASET
                        + " RETURN count(n) AS n")
                .single()
                .get("n")
                .asLong();
      }
      if (nodes > 0) {
        System.err.printf(
            "serve: the store already holds %,d nodes; not importing %s%n", nodes, importAll);
        return;
      }
      FieldCipher cipher = TinkFieldCipher.resolve(envKeyset, null, uri != null ? null : dataDir);
      ImportOptions options =
          ImportOptions.defaults()
              .withProgress(ImportMeters.wrap(Progress.auto(System.err)))
              .withRejectsDir(uri != null ? Path.of("rejects") : dataDir.resolve("rejects"));
      List<ImportReport> reports =
          Importers.importAll(
              importAll, new ImportContext(c.driver(), c.database(), options, cipher));
      System.err.println(ImportSourceCommand.toText(reports));
    } catch (ImportFailedException e) {
      throw new CliException("--import-all: " + e.getMessage(), TalentGraphCli.EXIT_FAILURE);
    } catch (java.io.IOException e) {
      throw new CliException(
          "--import-all: cannot read " + importAll + ": " + e.getMessage(),
          TalentGraphCli.EXIT_FAILURE);
    }
  }

  List<String> springArguments() {
    List<String> args = new ArrayList<>();
    args.add("--server.port=" + port);
    if (uri != null) {
      args.add("--talent.neo4j.embedded.enabled=false");
      args.add("--spring.neo4j.uri=" + uri);
      args.add("--spring.neo4j.authentication.username=" + user);
      if (password != null) args.add("--spring.neo4j.authentication.password=" + password);
    } else {
      args.add("--talent.neo4j.embedded.data-dir=" + dataDir.toAbsolutePath().normalize());
      args.add("--talent.neo4j.embedded.bolt-port=" + boltPort);
    }
    if (demo) args.add("--talent.demo.enabled=true");
    switch (logFormat.toLowerCase(java.util.Locale.ROOT)) {
      case "text" -> {}
      case "json" -> args.add("--logging.structured.format.console=ecs");
      default ->
          throw new IllegalArgumentException(
              "unknown --log-format '" + logFormat + "' (text or json)");
    }
    for (String a : springArgs) {
      if (!a.startsWith("--") || !a.contains("=")) {
        throw new IllegalArgumentException(
            "unknown option '" + a + "' (Spring properties are given as --name=value)");
      }
      args.add(a);
    }
    return args;
  }
}
