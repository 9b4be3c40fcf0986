package dev.talentgraph.importers.stackexchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talentgraph.importers.ImportFailedException;
import dev.talentgraph.importers.ImportOptions;
import dev.talentgraph.importers.ImportReport;
import dev.talentgraph.importers.ImportRunner;
import dev.talentgraph.importers.Problem;
import dev.talentgraph.importers.TestGraph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Stack Exchange importer on a hand-written dump (site "demo": three questions, five answers,
 * an accepted answer, an author missing from Users.xml, a tag wiki, votes, comments, a duplicate
 * link) over a two-skill taxonomy; then each kind of bad input, with its file, line and post id and
 * the graph as before.
 */
class StackExchangeImportIT {
  static final Path FIXTURE = Path.of("src/test/resources/fixtures/stackexchange/demo");

  @BeforeEach
  void taxonomy() {
    TestGraph.reset();
    TestGraph.query(
        "CREATE (:Skill {id: 'esco:skill/ml', name: 'machine learning', aliases: ['ML'], source: 'esco'}),"
            + " (:Skill {id: 'esco:skill/py', name: 'Python', aliases: [], source: 'esco'})");
  }

  static ImportReport run(Path dir, ImportOptions options) throws IOException {
    return ImportRunner.run(new StackExchangeImporter(), dir, TestGraph.context(options));
  }

  static String one(String cypher) {
    return TestGraph.query(cypher).get(0).get(0).toString().replace("\"", "");
  }

  @Test
  void questionsAnswersPeopleTagsAndEvidence() throws Exception {
    ImportReport r = run(FIXTURE, ImportOptions.defaults());
    System.out.println(r.toText());
    assertThat(r.rowsRejected()).isZero();
    // 5 users (2 skipped: the Community bot and a lurker), 10 posts (2 wiki posts skipped).
    assertThat(r.rowsRead()).isEqualTo(5 + 10);
    assertThat(r.skipped())
        .containsEntry("user without a question or answer", 2L)
        .containsEntry("post type 4 (tag wiki excerpt)", 1L)
        .containsEntry("post type 5 (tag wiki)", 1L);
    assertThat(TestGraph.count("MATCH (c:Community {id: 'se:demo'}) RETURN count(c)")).isEqualTo(1);
    assertThat(
            TestGraph.count(
                "MATCH (q:Question)-[:IN_COMMUNITY]->(:Community {id: 'se:demo'}) RETURN count(q)"))
        .isEqualTo(3);
    assertThat(TestGraph.count("MATCH (a:Answer)-[:ANSWER_TO]->(:Question) RETURN count(a)"))
        .isEqualTo(5);
    assertThat(TestGraph.count("MATCH (e:Expert)-[:IN_COMMUNITY]->(:Community) RETURN count(e)"))
        .isEqualTo(4);
    assertThat(one("MATCH (e:Expert {id: 'se:demo:7'}) RETURN e.name")).isEqualTo("Gone User");
    assertThat(one("MATCH (:Expert)-[:ASKED]->(q:Question {id: 'se:demo:post/10'}) RETURN q.title"))
        .isEqualTo("Where to start with machine learning?");
    assertThat(one("MATCH (q:Question {id: 'se:demo:post/10'}) RETURN q.text"))
        .isEqualTo("How do I start with machine learning & deep RL?");
    assertThat(one("MATCH (q:Question {id: 'se:demo:post/10'}) RETURN q.createdAt.year"))
        .isEqualTo("2020");
    assertThat(
            one(
                "MATCH (:Question {id: 'se:demo:post/10'})-[:ACCEPTED_ANSWER]->(a:Answer) RETURN a.id"))
        .isEqualTo("se:demo:post/12");
    assertThat(
            one(
                "MATCH (a:Answer {id: 'se:demo:post/12'}) RETURN [a.accepted, a.score, a.upVotes, a.commentCount]"))
        .isEqualTo("[TRUE, 6, 1, 1]");
    assertThat(
            one(
                "MATCH (:Question {id: 'se:demo:post/30'})-[l:LINKS_TO]->(:Question {id: 'se:demo:post/20'}) RETURN l.kind"))
        .isEqualTo("duplicate");
    // Tags: name match, emerging (3 questions), none (1 question, 0 questions).
    assertThat(TestGraph.count("MATCH (t:Tag)-[:IN_COMMUNITY]->(:Community) RETURN count(t)"))
        .isEqualTo(5);
    assertThat(
            one(
                "MATCH (:Tag {id: 'se:demo:tag/machine-learning'})-[d:DENOTES]->(s:Skill) RETURN s.id + ' ' + d.via"))
        .isEqualTo("esco:skill/ml name");
    assertThat(
            one(
                "MATCH (:Tag {id: 'se:demo:tag/deep-rl'})-[d:DENOTES]->(s:Skill) RETURN [s.id, d.via, s.emerging, s.extract]"))
        .isEqualTo("[se:demo:skill/deep-rl, emerging, TRUE, FALSE]");
    assertThat(one("MATCH (t:Tag {id: 'se:demo:tag/deep-rl'}) RETURN t.description"))
        .isEqualTo("Deep reinforcement learning.");
    assertThat(
            TestGraph.count(
                "MATCH (:Tag {id: 'se:demo:tag/misc'})-[d:DENOTES]->() RETURN count(d)"))
        .isZero();
    assertThat(r.notes())
        .contains(
            "tags reaching a taxonomy skill: 2 of 5 (40.0%); with emerging skills: 3 (60.0%)",
            "questions reaching a taxonomy skill: 2 of 3 (66.7%); with emerging skills: 3 (100.0%)",
            "tags by route: 2 a taxonomy skill by the whole name, 0 by a part of it, 0 an emerging skill learned elsewhere,"
                + " 1 a new emerging skill of the site (tags on 3 questions or more), 2 none");
    // Evidence: Cy answered q10 (accepted, score 6: strength 2 * log2(8) = 6) and q20 (score 0: 1)
    // -> deep-rl 7, level 3.
    assertThat(
            one(
                "MATCH (:Expert {id: 'se:demo:3'})-[h:HAS_SKILL]->(:Skill {id: 'se:demo:skill/deep-rl'}) RETURN [h.strength, h.level, h.evidenceCount]"))
        .isEqualTo("[7.0, 3, 2]");
    assertThat(
            one(
                "MATCH (:Expert {id: 'se:demo:3'})-[h:HAS_SKILL]->(:Skill {id: 'esco:skill/ml'}) RETURN h.level"))
        .isEqualTo("3");
    // Ann's only answer is voted below zero: no evidence.
    assertThat(
            TestGraph.count("MATCH (:Expert {id: 'se:demo:1'})-[h:HAS_SKILL]->() RETURN count(h)"))
        .isZero();
    assertThat(TestGraph.count("MATCH (:Expert)-[h:HAS_SKILL {site: 'demo'}]->() RETURN count(h)"))
        .isEqualTo(6);
  }

  @Test
  void tagsReachTheEmergingSkillsOtherCorporaTaughtButNotOtherScopedSkills() throws Exception {
    TestGraph.query(
        "CREATE (:Skill {id: 'aan:skill/deep-rl', name: 'deep RL', aliases: [], source: 'aan', emerging: true, extract: false}),"
            + " (:Skill {id: 'mooccube:concept/misc', name: 'misc', aliases: [], source: 'mooccube', extract: false})");
    ImportReport r = run(FIXTURE, ImportOptions.defaults());
    assertThat(
            one(
                "MATCH (:Tag {id: 'se:demo:tag/deep-rl'})-[d:DENOTES]->(s:Skill) RETURN s.id + ' ' + d.via"))
        .isEqualTo("aan:skill/deep-rl name");
    assertThat(TestGraph.count("MATCH (s:Skill {id: 'se:demo:skill/deep-rl'}) RETURN count(s)"))
        .isZero();
    assertThat(
            TestGraph.count(
                "MATCH (:Tag {id: 'se:demo:tag/misc'})-[d:DENOTES]->() RETURN count(d)"))
        .isZero();
    assertThat(r.notes())
        .contains(
            "tags reaching a taxonomy skill: 2 of 5 (40.0%); with emerging skills: 3 (60.0%)",
            "tags by route: 2 a taxonomy skill by the whole name, 0 by a part of it, 1 an emerging skill learned elsewhere,"
                + " 0 a new emerging skill of the site (tags on 3 questions or more), 2 none");
    assertThat(
            one(
                "MATCH (:Expert {id: 'se:demo:3'})-[h:HAS_SKILL]->(:Skill {id: 'aan:skill/deep-rl'}) RETURN h.strength"))
        .isEqualTo("7.0");
  }

  @Test
  void aSecondRunChangesNoCount() throws Exception {
    run(FIXTURE, ImportOptions.defaults());
    Map<String, Long> after = TestGraph.counts();
    ImportReport again = run(FIXTURE, ImportOptions.defaults());
    assertThat(TestGraph.counts()).isEqualTo(after);
    assertThat(again.nodesCreated()).isZero();
    assertThat(again.relationshipsCreated()).isZero();
  }

  @Test
  void strengthAndLevelFollowTheDocumentedFormula() {
    assertThat(StackExchangeImporter.strength(0, false)).isEqualTo(1.0);
    assertThat(StackExchangeImporter.strength(0, true)).isEqualTo(2.0);
    assertThat(StackExchangeImporter.strength(6, false)).isEqualTo(3.0);
    assertThat(StackExchangeImporter.strength(-1, true)).isZero();
    assertThat(Stream.of(1.0, 1.9, 2.0, 4.0, 8.0, 16.0, 100.0).map(StackExchangeImporter::level))
        .containsExactly(1, 1, 2, 3, 4, 5, 5);
  }

  /** Bad input: a copy of the fixture with one file changed. */
  @Nested
  class BadInput {
    @TempDir Path tmp;
    Path dir;
    Map<String, Long> before;

    @BeforeEach
    void copy() throws IOException {
      dir = tmp.resolve("demo");
      Files.createDirectories(dir);
      try (var files = Files.list(FIXTURE)) {
        for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
      }
      before = TestGraph.counts();
    }

    void withPostRow(String row) throws IOException {
      Path posts = dir.resolve("Posts.xml");
      String s = Files.readString(posts, StandardCharsets.UTF_8);
      Files.writeString(
          posts, s.replace("</posts>", "  " + row + "\n</posts>"), StandardCharsets.UTF_8);
    }

    @Test
    void aTruncatedFileStopsTheImportWithItsLineAndWritesNothing() throws IOException {
      Path posts = dir.resolve("Posts.xml");
      String s = Files.readString(posts, StandardCharsets.UTF_8);
      Files.writeString(
          posts, s.substring(0, s.indexOf("<row Id=\"21\"") + 40), StandardCharsets.UTF_8);
      assertThatThrownBy(() -> run(dir, ImportOptions.defaults()))
          .isInstanceOf(ImportFailedException.class)
          .hasMessageContaining("Posts.xml:7")
          .hasMessageContaining("not well-formed XML");
      assertThat(TestGraph.counts()).isEqualTo(before);
    }

    @Test
    void anAnswerWhoseQuestionIsMissingIsRejectedWithFileLineAndPostIdAndNotWritten()
        throws IOException {
      withPostRow(
          "<row Id=\"50\" PostTypeId=\"2\" ParentId=\"999\" CreationDate=\"2020-01-04T10:00:00.000\" Score=\"1\" Body=\"x\" OwnerUserId=\"4\" />");
      ImportReport r = run(dir, ImportOptions.defaults());
      assertThat(r.rowsRejected()).isEqualTo(1);
      Problem p = r.problems().get(0);
      assertThat(p.kind()).isEqualTo(Problem.Kind.UNKNOWN_REFERENCE);
      assertThat(p.toString())
          .isEqualTo(
              "Posts.xml:13 [ParentId]: answer 50: question 999 is not in the dump (or was rejected)");
      assertThat(TestGraph.count("MATCH (a:Answer {id: 'se:demo:post/50'}) RETURN count(a)"))
          .isZero();
      // Its author has no other post: not written either.
      assertThat(TestGraph.count("MATCH (e:Expert {id: 'se:demo:4'}) RETURN count(e)")).isZero();
      assertThat(TestGraph.count("MATCH (a:Answer) RETURN count(a)")).isEqualTo(5);
    }

    @Test
    void anUnknownPostTypeIsRejectedAndStrictWritesNothing() throws IOException {
      withPostRow(
          "<row Id=\"60\" PostTypeId=\"9\" CreationDate=\"2020-01-04T10:00:00.000\" Score=\"1\" Body=\"x\" OwnerUserId=\"2\" />");
      assertThatThrownBy(() -> run(dir, ImportOptions.defaults().withStrict(true)))
          .isInstanceOf(ImportFailedException.class)
          .hasMessageContaining("Posts.xml:13 [PostTypeId]: post 60: unknown post type 9");
      assertThat(TestGraph.counts()).isEqualTo(before);
      ImportReport r = run(dir, ImportOptions.defaults());
      assertThat(r.problems())
          .extracting(Problem::toString)
          .containsExactly(
              "Posts.xml:13 [PostTypeId]: post 60: unknown post type 9 (1 question, 2 answer, 3-8 wikis and nominations)");
      assertThat(TestGraph.count("MATCH (q:Question) RETURN count(q)")).isEqualTo(3);
    }

    @Test
    void theAnswersOfARejectedQuestionAreRejectedToo() throws IOException {
      Path posts = dir.resolve("Posts.xml");
      String s = Files.readString(posts, StandardCharsets.UTF_8);
      Files.writeString(
          posts,
          s.replace("CreationDate=\"2020-01-02T10:00:00.000\"", "CreationDate=\"yesterday\""),
          StandardCharsets.UTF_8);
      ImportReport r = run(dir, ImportOptions.defaults());
      assertThat(r.problems())
          .extracting(Problem::toString)
          .containsExactly(
              "Posts.xml:6 [CreationDate]: post 20: 'yesterday' is not a date and time like 2016-08-02T15:39:14.947",
              "Posts.xml:7 [ParentId]: answer 21: question 20 is not in the dump (or was rejected)");
      assertThat(
              TestGraph.count(
                  "MATCH (p) WHERE p.id IN ['se:demo:post/20', 'se:demo:post/21'] RETURN count(p)"))
          .isZero();
    }

    @Test
    void aMissingPostsFileStopsBeforeAnythingIsWritten() throws IOException {
      Files.delete(dir.resolve("Posts.xml"));
      assertThatThrownBy(() -> run(dir, ImportOptions.defaults()))
          .isInstanceOf(ImportFailedException.class)
          .hasMessageContaining("Posts.xml");
      assertThat(TestGraph.counts()).isEqualTo(before);
    }
  }
}
