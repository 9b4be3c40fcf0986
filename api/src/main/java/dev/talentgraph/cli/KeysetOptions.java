package dev.talentgraph.cli;

import dev.talentgraph.schema.FieldCipher;
import dev.talentgraph.security.TinkFieldCipher;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --keyset-file} option of the commands that write personal data, and the one rule for
 * which key they encrypt with: the file given, else {@code $TALENT_ENCRYPTION_KEYSET}, else the
 * embedded store's own key set. Against a server ({@code --uri}) there is no store key set to fall
 * back on, and data sealed with another key could not be read by the server, so one of the first
 * two is required.
 */
class KeysetOptions {
  @Option(
      names = "--keyset-file",
      paramLabel = "FILE",
      description =
          "Tink keyset that encrypts personal data (default: $"
              + TinkFieldCipher.ENV_KEYSET
              + ", else the store's own keyset; with --uri give the server's keyset).")
  Path keysetFile;

  /**
   * The cipher to write personal data with.
   *
   * @param required whether a server's key set must be given with {@code --uri} (false for input
   *     that carries no personal data)
   */
  FieldCipher cipher(GraphOptions graph, boolean required) {
    String envKeyset = System.getenv(TinkFieldCipher.ENV_KEYSET);
    if (required
        && graph.remote()
        && (envKeyset == null || envKeyset.isBlank())
        && keysetFile == null) {
      throw new CliException(
          "with --uri, give the server's encryption keyset (--keyset-file or $"
              + TinkFieldCipher.ENV_KEYSET
              + "): personal data encrypted with another key could not be read by the server",
          TalentGraphCli.EXIT_USAGE);
    }
    return TinkFieldCipher.resolve(envKeyset, keysetFile, graph.remote() ? null : graph.dataDir());
  }
}
