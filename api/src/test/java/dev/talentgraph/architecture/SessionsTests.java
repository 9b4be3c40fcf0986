package dev.talentgraph.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import dev.talentgraph.schema.GraphSessions;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;

/**
 * Every session of the product modules is opened through {@link GraphSessions}, which gives it an
 * access mode (a reader or the leader on a cluster) and the driver's bookmark manager (a person's
 * write is seen by their next read): a session configured by hand would silently lose one or both
 * (docs/adr/0021-reads-on-readers-and-bookmarks.md).
 */
class SessionsTests {
  @Test
  void sessionsAreConfiguredOnlyByGraphSessions() {
    noClasses()
        .that()
        .doNotBelongToAnyOf(GraphSessions.class)
        .should()
        .callMethod(SessionConfig.class, "forDatabase", String.class)
        .orShould()
        .callMethod(SessionConfig.class, "builder")
        .orShould()
        .callMethod(SessionConfig.class, "defaultConfig")
        .orShould()
        .callMethod(Driver.class, "session")
        .orShould()
        .callMethod(Driver.class, "session", Class.class)
        .because("GraphSessions.read/write give a session its routing and the shared bookmarks")
        .check(ImportedClasses.product());
  }
}
