package dev.talentgraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server: embedded (or remote) Neo4j, GraphQL, analyst Cypher, security. Started by {@code
 * talentgraph serve}.
 */
@SpringBootApplication
public class TalentGraphApplication {

  public static ConfigurableApplicationContext run(String... args) {
    return SpringApplication.run(TalentGraphApplication.class, args);
  }

  /** For IDEs; the product starts through {@link dev.talentgraph.cli.TalentGraphCli}. */
  public static void main(String[] args) {
    run(args);
  }
}
