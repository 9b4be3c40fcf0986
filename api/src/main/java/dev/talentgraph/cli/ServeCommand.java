package dev.talentgraph.cli;

import dev.talentgraph.TalentGraphApplication;
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

/** {@code talentgraph serve}: the GraphQL API, GraphiQL, the analyst endpoint and Bolt, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run the server on the embedded database (default) or on a Neo4j server given by --uri.",
        "Extra Spring properties may follow, e.g. --talent.security.enabled=false."})
public class ServeCommand implements Callable<Integer> {
  @Option(names = "--demo", description = "Generate the seeded demo graph first when the store is empty.")
  boolean demo;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:TALENT_DATA_DIR:-./data}",
      description = "Embedded database store (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--port", defaultValue = "${env:TALENT_PORT:-8080}", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bolt-port", defaultValue = "${env:TALENT_BOLT_PORT:-7687}",
      description = "Bolt port of the embedded database, on localhost (default: ${DEFAULT-VALUE}).")
  int boltPort;

  @Option(names = "--uri", paramLabel = "URI", description = "Use this Neo4j (bolt:// or neo4j://) instead of the embedded one.")
  URI uri;

  @Option(names = "--user", defaultValue = "neo4j", description = "Bolt user with --uri (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(names = "--password", defaultValue = "${env:TALENT_BOLT_PASSWORD}", description = "Bolt password with --uri.")
  String password;

  @Unmatched
  List<String> springArgs = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    ConfigurableApplicationContext ctx = TalentGraphApplication.run(springArguments().toArray(String[]::new));
    CountDownLatch closed = new CountDownLatch(1);
    ctx.addApplicationListener(e -> {
      if (e instanceof ContextClosedEvent) closed.countDown();
    });
    if (!ctx.isActive()) return 0;
    closed.await();
    return 0;
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
    for (String a : springArgs) {
      if (!a.startsWith("--") || !a.contains("=")) {
        throw new IllegalArgumentException("unknown option '" + a + "' (Spring properties are given as --name=value)");
      }
      args.add(a);
    }
    return args;
  }
}
