package dev.talentgraph.importers.io;

import dev.talentgraph.importers.ImportFailedException;
import dev.talentgraph.importers.Location;
import dev.talentgraph.importers.Problem;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finding the files of a source under the path a user gave: a folder, or one of its files. */
public final class SourceFiles {
  private SourceFiles() {}

  /** The folder the user meant: the path itself, or the folder of a file. */
  public static Path folder(Path input) {
    if (!Files.exists(input)) {
      throw new ImportFailedException(
          Problem.of(
              Problem.Kind.MISSING_FILE,
              Location.file(input.toString()),
              "no such file or folder"));
    }
    return Files.isDirectory(input) ? input : input.toAbsolutePath().getParent();
  }

  /** A file that must exist under the folder. */
  public static Path require(Path folder, String relative) {
    Path p = folder.resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new ImportFailedException(
          Problem.of(
              Problem.Kind.MISSING_FILE,
              Location.file(display(folder, p)),
              "file not found (expected under " + folder + ")"));
    }
    return p;
  }

  /** A file that may be absent; null then. */
  public static Path optional(Path folder, String relative) {
    Path p = folder.resolve(relative);
    return Files.isRegularFile(p) ? p : null;
  }

  /** A short name for messages: the folder's own name and the path below it. */
  public static String display(Path folder, Path file) {
    Path name = folder.toAbsolutePath().normalize().getFileName();
    String rel =
        folder
            .toAbsolutePath()
            .normalize()
            .relativize(file.toAbsolutePath().normalize())
            .toString();
    return name == null ? rel : name + "/" + rel;
  }
}
