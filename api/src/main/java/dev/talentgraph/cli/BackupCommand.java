package dev.talentgraph.cli;

import dev.talentgraph.operations.GraphBackup;
import dev.talentgraph.security.TinkFieldCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph backup --out DIR}: a logical backup of the graph (ADR 0018), taken through one
 * read transaction, from an embedded store ({@code --data-dir}, while no server holds it) or from a
 * running server's Bolt port ({@code --uri}, online). The field key set is named in the manifest
 * and left out unless {@code --include-keyset} asks for it.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Write a logical backup of the graph (nodes, relationships, manifest with the fingerprint).",
      "The field key set is named, not copied, unless --include-keyset."
    })
class BackupCommand implements Callable<Integer> {
  @Mixin GraphOptions graph;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory for the backup (absent or empty).")
  Path out;

  @Option(
      names = "--keyset",
      paramLabel = "FILE",
      description =
          "The field key set file to name (default: $TALENT_ENCRYPTION_KEYSET, else <data-dir>/.talentgraph/field-keyset.json).")
  Path keyset;

  @Option(
      names = "--include-keyset",
      description = "Also copy the key set into the backup (then guard the backup like the key).")
  boolean includeKeyset;

  @Override
  public Integer call() throws IOException {
    String keysetJson = keysetJson(graph, keyset);
    String name = keysetJson == null ? "none found" : GraphBackup.keySetName(keysetJson);
    long t0;
    GraphBackup.Manifest m;
    try (GraphConnection c = graph.open()) {
      t0 = System.nanoTime(); // the backup itself, not the store's start
      m = GraphBackup.backup(c.driver(), c.database(), out, name);
    }
    if (includeKeyset) {
      if (keysetJson == null) {
        throw new CliException("--include-keyset: no key set found", TalentGraphCli.EXIT_USAGE);
      }
      dev.talentgraph.db.SecretFiles.writeNew(out.resolve(RestoreCommand.KEYSET_FILE), keysetJson);
    }
    System.out.printf(
        "backup: %,d nodes, %,d relationships in %.1f s to %s%n"
            + "fingerprint %s%nfield key set: %s (%s)%n",
        m.nodes(),
        m.relationships(),
        (System.nanoTime() - t0) / 1e9,
        out,
        m.fingerprint(),
        name,
        includeKeyset ? "copied into the backup" : "NOT in the backup: keep it apart");
    return 0;
  }

  /** The key set to name: the file given, the environment's, or the embedded store's own. */
  static String keysetJson(GraphOptions graph, Path keyset) throws IOException {
    if (keyset != null) return Files.readString(keyset);
    String env = System.getenv(TinkFieldCipher.ENV_KEYSET);
    if (env != null && !env.isBlank()) return env;
    if (!graph.remote()) {
      Path own = graph.dataDir().resolve(".talentgraph").resolve("field-keyset.json");
      if (Files.isRegularFile(own)) return Files.readString(own);
    }
    return null;
  }
}
