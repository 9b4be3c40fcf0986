package dev.talentgraph.cli;

import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.Role;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code talentgraph token}: API tokens for programs (shown once, stored as a hash). */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Create, list or revoke API tokens.",
    subcommands = {
      TokenCommand.Create.class,
      TokenCommand.ListTokens.class,
      TokenCommand.Revoke.class
    })
class TokenCommand {

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a token and print it once.")
  static class Create implements Callable<Integer> {
    @Mixin GraphOptions graph;

    @Option(
        names = "--name",
        required = true,
        description = "A name to recognise and revoke the token by.")
    String name;

    @Option(
        names = "--as",
        defaultValue = "admin",
        description = "The user the token acts for (default: ${DEFAULT-VALUE}).")
    String username;

    @Option(
        names = "--role",
        split = ",",
        defaultValue = "ADMIN",
        description = "Roles (default: ${DEFAULT-VALUE}).")
    List<String> roles;

    @Option(
        names = "--expert",
        description = "Link the token to this Expert id (EMPLOYEE/MANAGER see their own data).")
    String expertId;

    @Option(names = "--ttl-days", description = "Expire after this many days (default: never).")
    Integer ttlDays;

    @Override
    public Integer call() {
      if (ttlDays != null && ttlDays < 1) {
        System.err.println(
            "--ttl-days must be at least 1 (got "
                + ttlDays
                + "); leave it out for a token that does not expire");
        return 2;
      }
      EnumSet<Role> parsed = Role.setOf(roles);
      try (GraphConnection g = graph.open()) {
        var created =
            new ApiTokens(g.driver(), g.database())
                .create(
                    name,
                    username,
                    parsed,
                    expertId,
                    ttlDays == null ? null : Duration.ofDays(ttlDays));
        System.out.println(created.token());
        System.err.println(
            "token '"
                + name
                + "' for "
                + username
                + " "
                + parsed
                + ": shown once, stored only as a hash. Send it as 'Authorization: Bearer <token>'.");
      }
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List tokens (names and roles, never secrets).")
  static class ListTokens implements Callable<Integer> {
    @Mixin GraphOptions graph;

    @Override
    public Integer call() {
      try (GraphConnection g = graph.open()) {
        new ApiTokens(g.driver(), g.database())
            .reload()
            .list()
            .forEach(
                t ->
                    System.out.printf(
                        "%-24s %-16s %-30s %s%n",
                        t.name(),
                        t.username(),
                        t.roles(),
                        t.expiresAt() == null ? "no expiry" : "expires " + t.expiresAt()));
      }
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke tokens by name.")
  static class Revoke implements Callable<Integer> {
    @Mixin GraphOptions graph;

    @Option(names = "--name", required = true)
    String name;

    @Override
    public Integer call() {
      try (GraphConnection g = graph.open()) {
        int n = new ApiTokens(g.driver(), g.database()).revoke(name);
        System.out.println("revoked " + n + " token(s) named '" + name + "'");
        return n == 0 ? 1 : 0;
      }
    }
  }
}
