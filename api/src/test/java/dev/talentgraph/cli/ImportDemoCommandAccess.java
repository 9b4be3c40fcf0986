package dev.talentgraph.cli;

import dev.talentgraph.importers.demo.DemoSummary;

/** Test access to the package-private JSON writer of {@link ImportDemoCommand}. */
public final class ImportDemoCommandAccess {
  private ImportDemoCommandAccess() {}

  public static String toJson(DemoSummary s) {
    return ImportDemoCommand.toJson(s);
  }
}
