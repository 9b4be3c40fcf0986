package dev.talentgraph.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.analyst.GuardFixtures;
import dev.talentgraph.analyst.GuardTest;
import dev.talentgraph.security.ApiTokens;
import dev.talentgraph.security.LocalUsers;
import dev.talentgraph.security.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Generated GraphQL (jqwik generators, fixed seeds) sent through the whole server: experts reached
 * at the top, through a connection, through {@code node}, through a skill's holders and through
 * collaborators, mentors and mentees nested to any depth, every field possibly under an alias, an
 * inline fragment or a named fragment, and personal fields asked for among them under disguising
 * aliases. Two properties:
 *
 * <ul>
 *   <li>no personal field ever reaches a PORTAL token, nor an EMPLOYEE token for anyone but the
 *       employee (every generated personal field's answer is null unless it belongs to the employee
 *       themselves, and no sealed value appears anywhere);
 *   <li>a document whose cost is over the limit by the limit's own measure (page sizes times the
 *       assumed size of unpaged lists) or deeper than the limit is refused before any field runs
 *       (no data, a refusal error); every answered document stays small.
 * </ul>
 *
 * Limits of the shared guard context: depth 8, complexity 1,000, 10 aliases, pages of 200, lists
 * without a page assumed to hold 20.
 */
@GuardTest
class GraphQlPropertiesIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SELF = "guard-e1";
  static final int MAX_DEPTH = 8;
  static final long MAX_COMPLEXITY = 1_000;
  static final long ASSUMED_LIST = 20;
  static final Set<String> PERSONAL =
      Set.of("personal", "performanceReviews", "scores", "mentorships");
  static final Set<String> PROFILE_PERSONAL =
      Set.of(
          "scores",
          "performanceReviews",
          "careerEvents",
          "careerStage",
          "contests",
          "learningAssignments");

  @Autowired WebTestClient web;
  @Autowired Driver driver;
  @Autowired LocalUsers users;
  @Autowired ApiTokens tokens;

  int requests;
  final Map<Role, String> token = new java.util.EnumMap<>(Role.class);

  /** A fresh token per 30 requests: the context's rate limit is 40 a minute per user. */
  String token(Role role) {
    if (requests++ % 30 == 0) token.clear();
    return token.computeIfAbsent(
        role,
        r ->
            tokens
                .create(
                    "gql-props-" + System.nanoTime(),
                    "gql-props-" + r + "-" + requests,
                    Set.of(r),
                    SELF,
                    null)
                .token());
  }

  @Test
  void noPersonalFieldReachesAPortalOrEmployeeTokenForAnotherPerson() {
    GuardFixtures.seed(driver, users);
    try (var s = driver.session()) {
      // people to reach through nesting: collaborators and a mentorship around the employee
      s.run(
              """
          MATCH (a:Expert {id: 'guard-e1'}), (b:Expert {id: 'guard-e2'}), (c:Expert {id: 'guard-e3'})
          MERGE (a)-[:COLLABORATED_WITH {weight: 2}]->(b)
          MERGE (b)-[:COLLABORATED_WITH {weight: 2}]->(c)
          MERGE (c)-[:COLLABORATED_WITH {weight: 1}]->(a)
          """)
          .consume();
    }
    List<Doc> documents = generate(document(false), 60, 18);
    int answered = 0;
    for (int i = 0; i < documents.size(); i++) {
      Doc d = documents.get(i);
      Role role = i % 2 == 0 ? Role.PORTAL : Role.EMPLOYEE;
      String body = post(token(role), d.text());
      assertThat(body).as(d.text()).doesNotContain(GuardFixtures.SECRET_EMAIL);
      JsonNode r = read(body);
      valid(d, body, r);
      if (!r.path("data").isNull() && !r.path("data").isMissingNode()) answered++;
      List<String> leaks = new ArrayList<>();
      leaks(r.path("data"), null, d.personalKeys(), role == Role.EMPLOYEE ? SELF : null, leaks);
      assertThat(leaks).as(role + " " + d.text() + "\n" + body).isEmpty();
    }
    long personalAsked = documents.stream().mapToLong(d -> d.personalKeys().size()).sum();
    System.out.printf(
        "GraphQlPropertiesIT: %d documents, %d answered, %d personal fields asked for%n",
        documents.size(), answered, personalAsked);
    // the property is not vacuous: most documents ran
    assertThat(answered).isGreaterThan(20);
  }

  @Test
  void overCostOrOverDeepDocumentsAreRefusedBeforeTheyRun() {
    GuardFixtures.seed(driver, users);
    int refused = 0;
    for (Doc d : generate(document(true), 40, 1818)) {
      String body = post(token(Role.PORTAL), d.text());
      JsonNode r = read(body);
      valid(d, body, r);
      boolean wasRefused = refusal(r);
      if (d.cost() > MAX_COMPLEXITY || d.depth() > MAX_DEPTH) {
        assertThat(wasRefused)
            .as("cost %d depth %d: %s%n%s", d.cost(), d.depth(), d.text(), body)
            .isTrue();
        assertThat(r.path("data").isNull() || r.path("data").isMissingNode())
            .as("no field ran: " + body)
            .isTrue();
        refused++;
      } else {
        assertThat(body.length()).as(d.text()).isLessThan(1 << 20);
      }
    }
    System.out.printf(
        "GraphQlPropertiesIT: 40 large documents, %d over a limit, refused%n", refused);
    assertThat(refused).as("generated documents over a limit").isGreaterThan(10);
  }

  /** {@code n} values of {@code arbitrary} from a fixed seed, in a jqwik session of their own. */
  static <T> List<T> generate(Arbitrary<T> arbitrary, int n, long seed) {
    JqwikSession.start();
    try {
      var generator = arbitrary.generator(100);
      Random random = new Random(seed);
      List<T> out = new ArrayList<>();
      for (int i = 0; i < n; i++) out.add(generator.next(random).value());
      return out;
    } finally {
      JqwikSession.finish();
    }
  }

  /** The generator writes only documents the schema accepts: a validation error is its bug. */
  static void valid(Doc d, String body, JsonNode r) {
    for (JsonNode e : r.path("errors")) {
      assertThat(e.at("/extensions/classification").asText())
          .as(d.text() + "\n" + body)
          .isNotEqualTo("ValidationError");
    }
  }

  static boolean refusal(JsonNode r) {
    for (JsonNode e : r.path("errors")) {
      if (e.at("/extensions/refused").asBoolean(false)) return true;
    }
    return false;
  }

  /**
   * Collects the personal fields of the answer that are not null and not the caller's own: a key of
   * {@code personalKeys} (the response names the generator gave them) whose enclosing expert, by
   * its {@code id} or {@code expertId}, is not {@code self}.
   */
  static void leaks(
      JsonNode n, String owner, Set<String> personalKeys, String self, List<String> out) {
    if (n.isArray()) {
      n.forEach(e -> leaks(e, owner, personalKeys, self, out));
      return;
    }
    if (!n.isObject()) return;
    String here = n.hasNonNull("expertId") ? n.get("expertId").asText() : owner;
    if (n.hasNonNull("id") && n.get("id").asText().startsWith("guard-e")) {
      here = n.get("id").asText();
    }
    final String o = here;
    n.fields()
        .forEachRemaining(
            e -> {
              if (personalKeys.contains(e.getKey())
                  && !e.getValue().isNull()
                  && !(e.getValue().isArray() && e.getValue().isEmpty())
                  && (self == null || !self.equals(o))) {
                out.add(e.getKey() + " of " + o + " = " + e.getValue());
              }
              leaks(e.getValue(), o, personalKeys, self, out);
            });
  }

  String post(String token, String document) {
    return web.mutate()
        .responseTimeout(java.time.Duration.ofSeconds(30))
        .build()
        .post()
        .uri("/graphql")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", document))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(body, e);
    }
  }

  // ------------------------------------------------------------------ the generator

  /** A generated document, its personal fields' response names, its cost and depth. */
  record Doc(String text, Set<String> personalKeys, long cost, int depth) {}

  /**
   * A selection in a generated document: a field (with alias and arguments) or a fragment around
   * selections; its cost follows the server's measure (each field 1, times the page sizes above it
   * and {@value #ASSUMED_LIST} for each unpaged list above it).
   */
  record Sel(
      String field,
      String alias,
      String args,
      long page,
      boolean unpagedList,
      String fragmentType,
      boolean named,
      List<Sel> children) {
    static Sel field(String name, String alias, String args, long page, List<Sel> children) {
      return new Sel(name, none(alias), args, page, false, null, false, children);
    }

    static Sel list(String name, String alias, List<Sel> children) {
      return new Sel(name, none(alias), "", 0, true, null, false, children);
    }

    static String none(String alias) {
      return alias == null || alias.isEmpty() ? null : alias;
    }

    String responseName() {
      return alias != null ? alias : field;
    }

    static Sel fragment(String type, boolean named, List<Sel> children) {
      return new Sel(null, null, null, 0, false, type, named, children);
    }
  }

  /** Renders a tree, collecting named fragments, personal response names, cost and depth. */
  static final class Render {
    final StringBuilder fragments = new StringBuilder();
    final Set<String> personal = new HashSet<>();
    long cost;
    int depth;
    int fragmentCount;

    String selections(List<Sel> sels, long multiplier, int level) {
      StringBuilder b = new StringBuilder("{ ");
      for (Sel s : sels) {
        if (s.fragmentType() != null) {
          String inner = selections(s.children(), multiplier, level);
          if (s.named()) {
            String name = "F" + fragmentCount++;
            fragments
                .append(" fragment ")
                .append(name)
                .append(" on ")
                .append(s.fragmentType())
                .append(' ')
                .append(inner);
            b.append("...").append(name).append(' ');
          } else {
            b.append("... on ").append(s.fragmentType()).append(' ').append(inner).append(' ');
          }
          continue;
        }
        cost = saturating(cost, multiplier);
        depth = Math.max(depth, level + 1);
        if (s.alias() != null) b.append(s.alias()).append(": ");
        b.append(s.field()).append(s.args() == null ? "" : s.args());
        if (PERSONAL.contains(s.field()) || PROFILE_PERSONAL.contains(s.field())) {
          personal.add(s.alias() != null ? s.alias() : s.field());
        }
        if (!s.children().isEmpty()) {
          long below = multiplier;
          if (s.page() > 0) below = times(below, s.page());
          if (s.unpagedList()) below = times(below, ASSUMED_LIST);
          b.append(' ').append(selections(s.children(), below, level + 1));
        }
        b.append(' ');
      }
      return b.append('}').toString();
    }

    static long times(long a, long b) {
      return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    static long saturating(long a, long b) {
      return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }
  }

  static final List<String> DISGUISES =
      List.of("info", "contact", "publicProfile", "nickname", "x", "about", "summary", "meta");

  /** An alias for a field ("" for none), unique per document by its suffix. */
  static Arbitrary<String> alias() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 2),
            Arbitraries.of(DISGUISES),
            Arbitraries.integers().between(0, 999_999))
        .as((k, d, i) -> k == 0 ? "" : d + i);
  }

  static Arbitrary<Sel> personalField() {
    return Arbitraries.oneOf(
        alias().map(a -> Sel.field("personal", a, null, 0, List.of(leaf("email"), leaf("salary")))),
        alias()
            .map(a -> Sel.list("performanceReviews", a, List.of(leaf("rating"), leaf("summary")))),
        alias().map(a -> Sel.list("scores", a, List.of(leaf("value"), leaf("model")))),
        alias().map(a -> Sel.list("mentorships", a, List.of(leaf("id"), leaf("status")))));
  }

  static Sel leaf(String name) {
    return Sel.field(name, null, null, 0, List.of());
  }

  static Arbitrary<Long> page(boolean large) {
    return large ? Arbitraries.longs().between(1, 200) : Arbitraries.of(1L, 2L, 3L, 5L);
  }

  /** The selections of an Expert: its id, some plain and personal fields, people nested further. */
  static Arbitrary<List<Sel>> expert(int depth, boolean large) {
    Arbitrary<Sel> plain =
        Arbitraries.of("name", "title", "country")
            .flatMap(f -> alias().map(a -> Sel.field(f, a, null, 0, List.of())));
    List<Arbitrary<Sel>> kinds = new ArrayList<>(List.of(plain, personalField(), personalField()));
    if (depth > 0) {
      Arbitrary<List<Sel>> inner = Arbitraries.lazy(() -> expert(depth - 1, large));
      kinds.add(
          Arbitraries.of("collaborators", "mentors", "mentees")
              .flatMap(f -> alias().flatMap(a -> inner.map(c -> Sel.list(f, a, c)))));
      kinds.add(
          Combinators.combine(alias(), page(large), inner)
              .as(
                  (a, p, c) ->
                      Sel.list(
                          "skills",
                          a,
                          List.of(
                              leaf("level"),
                              Sel.field(
                                  "skill",
                                  null,
                                  null,
                                  0,
                                  List.of(
                                      leaf("id"),
                                      Sel.field(
                                          "experts",
                                          null,
                                          "(first: " + p + ")",
                                          p,
                                          List.of(
                                              Sel.field(
                                                  "edges",
                                                  null,
                                                  null,
                                                  0,
                                                  List.of(
                                                      Sel.field(
                                                          "node",
                                                          null,
                                                          null,
                                                          0,
                                                          List.of(
                                                              Sel.field(
                                                                  "expert", null, null, 0,
                                                                  withId(c))))))))))))));
    }
    Arbitrary<Sel> any = Arbitraries.oneOf(kinds);
    return any.list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(GraphQlPropertiesIT::distinct)
        .flatMap(
            sels ->
                Arbitraries.of(0, 1, 2)
                    .map(
                        wrap ->
                            switch (wrap) {
                              // as they are, in an inline fragment, in a named fragment
                              case 0 -> withId(sels);
                              case 1 -> withId(List.of(Sel.fragment("Expert", false, sels)));
                              default -> withId(List.of(Sel.fragment("Expert", true, sels)));
                            }));
  }

  /** One selection per response name: two with different arguments would not validate. */
  static List<Sel> distinct(List<Sel> sels) {
    List<Sel> out = new ArrayList<>();
    Set<String> names = new HashSet<>(Set.of("id"));
    for (Sel s : sels) if (names.add(s.responseName())) out.add(s);
    return out;
  }

  /** The expert's id first, unaliased, so an answer can be told whose it is. */
  static List<Sel> withId(List<Sel> sels) {
    List<Sel> l = new ArrayList<>();
    l.add(leaf("id"));
    l.addAll(sels);
    return l;
  }

  /** A whole document: one or two roots reaching experts, rendered with its fragments. */
  static Arbitrary<Doc> document(boolean large) {
    Arbitrary<String> other = Arbitraries.of("guard-e1", "guard-e2", "guard-e3", "guard-e4");
    Arbitrary<List<Sel>> people =
        Arbitraries.integers().between(0, large ? 5 : 2).flatMap(d -> expert(d, large));
    Arbitrary<Sel> root =
        Arbitraries.oneOf(
            Combinators.combine(alias(), other, people)
                .as((a, id, c) -> Sel.field("expert", a, "(id: \"" + id + "\")", 0, c)),
            Combinators.combine(alias(), other, people)
                .as(
                    (a, id, c) ->
                        Sel.field(
                            "node",
                            a,
                            "(id: \"Expert:" + id + "\")",
                            0,
                            List.of(Sel.fragment("Expert", false, c)))),
            Combinators.combine(alias(), page(large), people)
                .as(
                    (a, p, c) ->
                        Sel.field(
                            "experts",
                            a,
                            "(first: " + p + ")",
                            p,
                            List.of(
                                Sel.field(
                                    "edges",
                                    null,
                                    null,
                                    0,
                                    List.of(Sel.field("node", null, null, 0, c)))))),
            Combinators.combine(alias(), other, Arbitraries.subsetOf(PROFILE_PERSONAL))
                .as(
                    (a, id, fields) -> {
                      List<Sel> c = new ArrayList<>(List.of(leaf("expertId")));
                      for (String f : fields) c.add(profileField(f));
                      return Sel.field("talentProfile", a, "(expertId: \"" + id + "\")", 0, c);
                    }));
    return root.list()
        .ofMinSize(1)
        .ofMaxSize(2)
        .map(
            roots -> {
              Render render = new Render();
              String body = render.selections(distinct(roots), 1, 0);
              return new Doc(
                  "query " + body + render.fragments, render.personal, render.cost, render.depth);
            });
  }

  static Sel profileField(String f) {
    return switch (f) {
      case "scores" -> Sel.list(f, null, List.of(leaf("contested")));
      case "performanceReviews" -> Sel.list(f, null, List.of(leaf("date")));
      case "careerEvents" -> Sel.list(f, null, List.of(leaf("kind")));
      case "careerStage" -> Sel.field(f, null, null, 0, List.of(leaf("grade")));
      default -> Sel.list(f, null, List.of(leaf("id")));
    };
  }
}
