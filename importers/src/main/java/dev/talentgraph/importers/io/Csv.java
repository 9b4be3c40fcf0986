package dev.talentgraph.importers.io;

import dev.talentgraph.importers.ImportContext;
import java.io.IOException;
import java.nio.file.Path;

/** Opening the usual kinds of delimited files with the limits of the current import. */
public final class Csv {
  private Csv() {}

  /** Comma-separated, quoted, strict UTF-8. */
  public static DelimitedReader csv(Path folder, Path file, ImportContext ctx) throws IOException {
    return open(folder, file, ',', true, TextLines.Decoding.STRICT_UTF8, ctx);
  }

  /** Tab-separated without quoting (O*NET, AAN TSVs), strict UTF-8. */
  public static DelimitedReader tsv(Path folder, Path file, ImportContext ctx) throws IOException {
    return open(folder, file, '\t', false, TextLines.Decoding.STRICT_UTF8, ctx);
  }

  public static DelimitedReader open(
      Path folder,
      Path file,
      char delimiter,
      boolean quoting,
      TextLines.Decoding decoding,
      ImportContext ctx)
      throws IOException {
    return DelimitedReader.open(
        file,
        SourceFiles.display(folder, file),
        delimiter,
        quoting,
        decoding,
        ctx.options().maxFieldChars());
  }
}
