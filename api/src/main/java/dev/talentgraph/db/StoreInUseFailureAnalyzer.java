package dev.talentgraph.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a locked store into Boot's start-up report instead of a stack trace. */
class StoreInUseFailureAnalyzer extends AbstractFailureAnalyzer<StoreInUseException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StoreInUseException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Stop the other process using "
            + cause.dataDir().toAbsolutePath().normalize()
            + ", connect to it with --uri, or start with another --data-dir.",
        cause);
  }
}
