package dev.talentgraph.graphql.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.graphql.GraphQlIT;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * The golden specification of the read API: every case of {@code
 * src/test/resources/graphql-spec/*.md} is sent to the server and the Cypher statements that
 * reached the driver ({@link StatementLog}) must equal the file's, statement by statement, in
 * order, with their parameters (whitespace aside).
 *
 * <p>Each case runs twice and the second run is compared: the specification is a request's steady
 * state, not the warm-up of in-memory indexes some services build on their first request.
 *
 * <p>{@code -Dgolden.update=true} rewrites the files from what the server sent (see the folder's
 * README).
 */
class GoldenSpecIT extends GraphQlIT {
  static final Path DIR = Path.of("src/test/resources/graphql-spec");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  /** Query fields without a spec, with the reason. */
  static final Map<String, String> UNSPECIFIED =
      Map.of(
          "cypher",
          "the analyst endpoint runs the caller's own text (after its guard, see CypherGuardIT)");

  /**
   * In a case's prose: the request is answered with an error, and the statements sent up to it are
   * specified.
   */
  static final String REFUSED = "The answer is an error";

  private final ObjectMapper json = new ObjectMapper();
  @Autowired GraphQlSource graphQl;

  @BeforeEach
  void fixture() {
    SpecFixture.load(this::runText, driver);
  }

  @TestFactory
  Stream<DynamicNode> everyCaseSendsItsStatements() {
    return files().stream()
        .map(
            path -> {
              SpecFile file = SpecFile.read(path);
              List<List<StatementLog.Statement>> actual = new ArrayList<>();
              Stream<DynamicNode> cases =
                  file.cases.stream()
                      .map(
                          c ->
                              DynamicTest.dynamicTest(
                                  c.title(),
                                  () -> {
                                    List<StatementLog.Statement> sent = send(c);
                                    actual.add(sent);
                                    if (!UPDATE) {
                                      assertThat(
                                              String.join("\n\n", SpecFile.comparableActual(sent)))
                                          .as(
                                              "%s, case '%s': the statements sent (left) differ from the spec (right); "
                                                  + "if the change is meant, rerun with -Dgolden.update=true and review the diff",
                                              path.getFileName(), c.title())
                                          .isEqualTo(
                                              String.join(
                                                  "\n\n", SpecFile.comparable(c.statements())));
                                    }
                                  }));
              Stream<DynamicNode> rewrite =
                  UPDATE
                      ? Stream.of(
                          DynamicTest.dynamicTest(
                              "rewrite " + path.getFileName(),
                              () -> {
                                assertThat(actual).hasSameSizeAs(file.cases);
                                file.write(file.render(actual));
                              }))
                      : Stream.empty();
              return DynamicContainer.dynamicContainer(
                  path.getFileName().toString(), Stream.concat(cases, rewrite));
            });
  }

  @Test
  void everyQueryFieldHasASpecCase() {
    Set<String> specified = new TreeSet<>();
    for (Path path : files()) {
      for (SpecFile.Case c : SpecFile.read(path).cases)
        specified.addAll(topLevelFields(c.document()));
    }
    Set<String> missing = new TreeSet<>();
    graphQl.schema().getQueryType().getFieldDefinitions().forEach(f -> missing.add(f.getName()));
    missing.removeAll(specified);
    missing.removeAll(UNSPECIFIED.keySet());
    assertThat(missing)
        .as("Query fields without a case in %s (add one, then run with -Dgolden.update=true)", DIR)
        .isEmpty();
  }

  private List<StatementLog.Statement> send(SpecFile.Case c) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> variables =
        c.variables() == null ? Map.of() : json.readValue(c.variables(), Map.class);
    // a case whose prose says so specifies the statements of a refused request (the data cannot
    // answer it)
    boolean refused = c.prose().contains(REFUSED);
    Json warmUp = runText(c.document(), variables);
    assertThat(warmUp.has("$.errors")).as("errors in %s", warmUp.body()).isEqualTo(refused);
    StatementLog.start();
    Json response;
    List<StatementLog.Statement> sent;
    try {
      response = runText(c.document(), variables);
    } finally {
      // the response is complete, and with it every statement of the request
      sent = StatementLog.stop();
    }
    assertThat(response.has("$.errors")).as("errors in %s", response.body()).isEqualTo(refused);
    return sent;
  }

  static Set<String> topLevelFields(String document) {
    Document doc = Parser.parse(document);
    Set<String> fields = new TreeSet<>();
    for (OperationDefinition op : doc.getDefinitionsOfType(OperationDefinition.class)) {
      if (op.getOperation() != OperationDefinition.Operation.QUERY) continue;
      op.getSelectionSet().getSelectionsOfType(Field.class).forEach(f -> fields.add(f.getName()));
    }
    return fields;
  }

  static List<Path> files() {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(
              p ->
                  p.getFileName().toString().endsWith(".md")
                      && !p.getFileName().toString().equals("README.md"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
