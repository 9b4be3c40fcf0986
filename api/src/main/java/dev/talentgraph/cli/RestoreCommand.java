package dev.talentgraph.cli;

import dev.talentgraph.operations.GraphBackup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code talentgraph restore --from DIR}: writes a backup into an empty store and checks that the
 * restored graph has the backup's fingerprint. Says which field key set the personal data needs;
 * with {@code --keyset FILE} (or a key set inside the backup) an embedded store gets it as its own
 * key set file.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Restore a backup into an empty store and check its fingerprint.",
      "Personal data needs the key set named in the backup's manifest (--keyset FILE)."
    })
class RestoreCommand implements Callable<Integer> {
  static final String KEYSET_FILE = "field-keyset.json";

  @Mixin GraphOptions graph;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "DIR",
      description = "The backup directory.")
  Path from;

  @Option(
      names = "--keyset",
      paramLabel = "FILE",
      description =
          "The field key set the backup names, installed as the embedded store's key set file.")
  Path keyset;

  @Override
  public Integer call() throws IOException {
    GraphBackup.Manifest m = GraphBackup.manifest(from);
    System.out.println("restore: the backup's personal data needs the field " + m.keySet());
    Path keysetSource =
        keyset != null
            ? keyset
            : Files.isRegularFile(from.resolve(KEYSET_FILE)) ? from.resolve(KEYSET_FILE) : null;
    if (keysetSource != null) {
      String json = Files.readString(keysetSource);
      String name = GraphBackup.keySetName(json);
      if (!name.equals(m.keySet())) {
        throw new CliException(
            "the key set " + keysetSource + " is the " + name + ", not the backup's",
            TalentGraphCli.EXIT_USAGE);
      }
      if (!graph.remote()) {
        Path target = graph.dataDir().resolve(".talentgraph").resolve(KEYSET_FILE);
        if (Files.exists(target) && !Files.readString(target).equals(json)) {
          throw new CliException(
              "the store " + graph.dataDir() + " already has another key set", 2);
        }
        if (!Files.exists(target)) dev.talentgraph.db.SecretFiles.writeNew(target, json);
      }
    }
    long t0;
    GraphBackup.Fingerprint f;
    try (GraphConnection c = graph.open()) {
      t0 = System.nanoTime(); // the restore and its check, not the store's start
      f = GraphBackup.restore(c.driver(), c.database(), from);
    }
    boolean same = f.value().equals(m.fingerprint());
    System.out.printf(
        "restore: %,d nodes, %,d relationships in %.1f s%nfingerprint %s (%s)%n%s%n",
        f.nodes(),
        f.relationships(),
        (System.nanoTime() - t0) / 1e9,
        f.value(),
        same ? "equal to the backup's" : "DIFFERENT from the backup's " + m.fingerprint(),
        keysetSource != null || graph.remote()
            ? ""
            : "no key set given: personal data stays unreadable until the store's"
                + " .talentgraph/field-keyset.json is the one named above (or"
                + " $TALENT_ENCRYPTION_KEYSET holds it)");
    return same ? 0 : TalentGraphCli.EXIT_FAILURE;
  }
}
