package dev.talentgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.talentgraph.audit.AuditLog;
import dev.talentgraph.retention.RetentionService;
import dev.talentgraph.retention.RetentionSettings;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph retention run [--dry-run]}: the same run as the daily job of {@code serve}, on
 * the policy of {@code talent.retention.*} (application.yml, overridden by environment variables
 * such as {@code TALENT_RETENTION_DEFAULT=P90D} or {@code
 * -Dtalent.retention.countries.Germany=P6M}).
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Erase the personal data and interview feedback of rejected or withdrawn candidates whose"
            + " country's retention period has expired (audited); prints them per country.",
    footer = "Exit codes: 0 done, 1 failure, 3 the store is in use.")
class RetentionRunCommand implements Callable<Integer> {
  @Option(
      names = "--dry-run",
      description = "List what would be erased, per country; change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Mixin GraphOptions graph;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The policy as {@code serve} would bind it. */
  static RetentionSettings settings() throws IOException {
    StandardEnvironment env = new StandardEnvironment();
    for (PropertySource<?> ps :
        new YamlPropertySourceLoader()
            .load("application.yml", new ClassPathResource("application.yml"))) {
      env.getPropertySources().addLast(ps);
    }
    return Binder.get(env)
        .bind("talent.retention", RetentionSettings.class)
        .orElseGet(() -> new RetentionSettings(null, null, null));
  }

  @Override
  public Integer call() throws Exception {
    java.io.PrintWriter out = spec.commandLine().getOut();
    RetentionSettings settings = settings();
    RetentionService.Report r;
    try (GraphConnection g = graph.open();
        AuditLog audit = new AuditLog(g.driver(), g.database(), 100_000)) {
      r =
          new RetentionService(g.driver(), g.database(), settings, audit::record)
              .run(dryRun, Clock.systemUTC(), "cli");
    }
    if (json) {
      out.println(
          new ObjectMapper()
              .findAndRegisterModules()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
              .writeValueAsString(r));
      out.flush();
      return 0;
    }
    out.print(RetentionService.table(r, settings));
    out.flush();
    return 0;
  }
}
