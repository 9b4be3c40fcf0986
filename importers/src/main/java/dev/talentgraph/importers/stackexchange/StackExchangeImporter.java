package dev.talentgraph.importers.stackexchange;

import dev.talentgraph.importers.ImportContext;
import dev.talentgraph.importers.Importer;
import dev.talentgraph.importers.Location;
import dev.talentgraph.importers.RowSink;
import dev.talentgraph.importers.Statement;
import dev.talentgraph.importers.Write;
import dev.talentgraph.importers.aan.AanImporter;
import dev.talentgraph.importers.skills.SkillDictionary;
import dev.talentgraph.importers.skills.SkillExtractor;
import dev.talentgraph.importers.skills.SkillMatch;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One Stack Exchange site ({@link StackExchangeDump}) as a community of the talent graph: its users
 * who asked or answered as {@code Expert}s ({@code se:<site>:<user id>}, since ids are unique per
 * site only), questions and answers ({@code se:<site>:post/<id>}) with scores, dates, text and
 * acceptance, tags ({@code se:<site>:tag/<name>}) linked to skills, and each answer as evidence of
 * its author's skills.
 *
 * <p><b>Tags to skills.</b> A tag's name, hyphens read as spaces, goes through the skill extractor
 * over the graph's taxonomy (names, synonyms and SAME_AS twins; a short tag also in capitals, for
 * abbreviations such as NLP or MQTT) plus the emerging skills other corpora already taught the
 * graph (those the AAN import learned from paper titles, which the general extractor leaves out): a
 * match over the whole name DENOTES {via: "name"}, matches of parts of it DENOTES {via: "part"};
 * the report counts taxonomy skills and emerging ones apart. A tag that reaches no skill and is
 * used on at least {@value #MIN_EMERGING_QUESTIONS} questions becomes an emerging skill of its
 * community ({@code se:<site>:skill/<name>}, {@code emerging: true, extract: false}: named after
 * the tag, used for this site's evidence, not by the extractor on resumes and postings), DENOTES
 * {via: "emerging"}.
 *
 * <p><b>Evidence.</b> An answer with score {@code s >= 0} has strength {@code (accepted ? 2 : 1) *
 * log2(2 + s)}: 1 for an unvoted answer, 2 for an accepted one, growing slowly with votes (a score
 * of 6 gives 3); an answer voted below zero is no evidence (strength 0). Its author HAS_SKILL every
 * skill its question's tags denote, with the summed strength, the number of answers, the first few
 * as evidence, the years, and level {@code 1 + floor(log2(strength))} in 1..5 (1 for strength under
 * 2, 5 from 16).
 *
 * <p><b>Bad input, re-runs.</b> The dump is read and checked whole before the first write; a
 * malformed file stops the import with file and line and nothing written. A bad row is rejected
 * with file, line and post id (an answer whose question is missing, an unknown post type) and none
 * of its writes are made, nor any of the answers of a rejected question; the rest is written, one
 * row's writes in one transaction ({@code --strict} writes nothing when any row is bad). Every
 * write MERGEs on an id and SETs computed values, so a second run creates nothing and changes no
 * count.
 */
public final class StackExchangeImporter implements Importer {
  public static final String SOURCE = "stackexchange";

  /** A tag that reaches no taxonomy skill becomes an emerging skill from this many questions on. */
  public static final int MIN_EMERGING_QUESTIONS = 3;

  /** Answers kept as evidence on one HAS_SKILL. */
  static final int MAX_EVIDENCE = 5;

  static final Statement COMMUNITY =
      Statement.nodes(
          "se-community",
          "MERGE (c:" + Labels.COMMUNITY + " {" + Props.ID + ": row.id}) SET c += row.props");
  static final Statement SKILL =
      Statement.nodes(
          "se-emerging-skill",
          "MERGE (s:" + Labels.SKILL + " {" + Props.ID + ": row.id}) SET s += row.props");
  static final Statement TAG =
      Statement.nodes(
          "se-tag", "MERGE (t:" + Labels.TAG + " {" + Props.ID + ": row.id}) SET t += row.props");
  static final Statement TAG_COMMUNITY =
      Statement.relationships(
          "se-tag-community",
          "MATCH (t:"
              + Labels.TAG
              + " {"
              + Props.ID
              + ": row.id}) MATCH (c:"
              + Labels.COMMUNITY
              + " {"
              + Props.ID
              + ": row.community})"
              + " MERGE (t)-[:"
              + RelTypes.IN_COMMUNITY
              + "]->(c)");
  static final Statement DENOTES =
      Statement.relationships(
          "se-tag-denotes",
          "MATCH (t:"
              + Labels.TAG
              + " {"
              + Props.ID
              + ": row.tag}) MATCH (s:"
              + Labels.SKILL
              + " {"
              + Props.ID
              + ": row.skill})"
              + " MERGE (t)-[r:"
              + RelTypes.DENOTES
              + "]->(s) SET r.via = row.via, r."
              + Props.EVIDENCE
              + " = row.evidence");
  static final Statement USER =
      Statement.nodes(
          "se-user",
          "MERGE (e:" + Labels.EXPERT + " {" + Props.ID + ": row.id}) SET e += row.props");
  static final Statement USER_COMMUNITY =
      Statement.relationships(
          "se-user-community",
          "MATCH (e:"
              + Labels.EXPERT
              + " {"
              + Props.ID
              + ": row.id}) MATCH (c:"
              + Labels.COMMUNITY
              + " {"
              + Props.ID
              + ": row.community})"
              + " MERGE (e)-[:"
              + RelTypes.IN_COMMUNITY
              + "]->(c)");
  static final Statement QUESTION =
      Statement.nodes(
          "se-question",
          "MERGE (q:" + Labels.QUESTION + " {" + Props.ID + ": row.id}) SET q += row.props");
  static final Statement QUESTION_COMMUNITY =
      Statement.relationships(
          "se-question-community",
          "MATCH (q:"
              + Labels.QUESTION
              + " {"
              + Props.ID
              + ": row.id}) MATCH (c:"
              + Labels.COMMUNITY
              + " {"
              + Props.ID
              + ": row.community})"
              + " MERGE (q)-[:"
              + RelTypes.IN_COMMUNITY
              + "]->(c)");
  static final Statement ASKED =
      Statement.relationships(
          "se-asked",
          "MATCH (e:"
              + Labels.EXPERT
              + " {"
              + Props.ID
              + ": row.expert}) MATCH (q:"
              + Labels.QUESTION
              + " {"
              + Props.ID
              + ": row.post})"
              + " MERGE (e)-[:"
              + RelTypes.ASKED
              + "]->(q)");
  static final Statement TAGGED =
      Statement.relationships(
          "se-tagged",
          "MATCH (q:"
              + Labels.QUESTION
              + " {"
              + Props.ID
              + ": row.post}) MATCH (t:"
              + Labels.TAG
              + " {"
              + Props.ID
              + ": row.tag})"
              + " MERGE (q)-[:"
              + RelTypes.TAGGED
              + "]->(t)");
  static final Statement ANSWER =
      Statement.nodes(
          "se-answer",
          "MERGE (a:" + Labels.ANSWER + " {" + Props.ID + ": row.id}) SET a += row.props");
  static final Statement ANSWER_TO =
      Statement.relationships(
          "se-answer-to",
          "MATCH (a:"
              + Labels.ANSWER
              + " {"
              + Props.ID
              + ": row.id}) MATCH (q:"
              + Labels.QUESTION
              + " {"
              + Props.ID
              + ": row.question})"
              + " MERGE (a)-[:"
              + RelTypes.ANSWER_TO
              + "]->(q)");
  static final Statement ACCEPTED =
      Statement.relationships(
          "se-accepted",
          "MATCH (a:"
              + Labels.ANSWER
              + " {"
              + Props.ID
              + ": row.id}) MATCH (q:"
              + Labels.QUESTION
              + " {"
              + Props.ID
              + ": row.question})"
              + " MERGE (q)-[:"
              + RelTypes.ACCEPTED_ANSWER
              + "]->(a)");
  static final Statement ANSWERED =
      Statement.relationships(
          "se-answered",
          "MATCH (e:"
              + Labels.EXPERT
              + " {"
              + Props.ID
              + ": row.expert}) MATCH (a:"
              + Labels.ANSWER
              + " {"
              + Props.ID
              + ": row.post})"
              + " MERGE (e)-[:"
              + RelTypes.ANSWERED
              + "]->(a)");
  static final Statement QUESTION_COUNTS =
      Statement.of(
          "se-question-counts",
          Statement.LATE,
          "MATCH (p:" + Labels.QUESTION + " {" + Props.ID + ": row.id}) SET p += row.props");
  static final Statement ANSWER_COUNTS =
      Statement.of(
          "se-answer-counts",
          Statement.LATE,
          "MATCH (p:" + Labels.ANSWER + " {" + Props.ID + ": row.id}) SET p += row.props");
  static final Statement LINK =
      Statement.of(
          "se-link",
          Statement.LATE,
          "MATCH (a:"
              + Labels.QUESTION
              + " {"
              + Props.ID
              + ": row.from}) MATCH (b:"
              + Labels.QUESTION
              + " {"
              + Props.ID
              + ": row.to})"
              + " MERGE (a)-[r:"
              + RelTypes.LINKS_TO
              + "]->(b) SET r.kind = row.kind");
  static final Statement HAS_SKILL =
      Statement.of(
          "se-has-skill",
          Statement.LATE,
          "MATCH (e:"
              + Labels.EXPERT
              + " {"
              + Props.ID
              + ": row.expert}) MATCH (s:"
              + Labels.SKILL
              + " {"
              + Props.ID
              + ": row.skill})"
              + " MERGE (e)-[r:"
              + RelTypes.HAS_SKILL
              + "]->(s) SET r += row.props");

  @Override
  public String name() {
    return SOURCE;
  }

  @Override
  public String usage() {
    return "a Stack Exchange site's dump folder (Posts.xml, Users.xml, Tags.xml; Votes, Comments, PostLinks where present)";
  }

  public static String communityId(String site) {
    return "se:" + site;
  }

  public static String userId(String site, long id) {
    return "se:" + site + ":" + id;
  }

  public static String postId(String site, long id) {
    return "se:" + site + ":post/" + id;
  }

  public static String tagId(String site, String tag) {
    return "se:" + site + ":tag/" + tag;
  }

  public static String emergingId(String site, String tag) {
    return "se:" + site + ":skill/" + tag;
  }

  /** The evidence strength of one answer (see the class comment). */
  public static double strength(int score, boolean accepted) {
    if (score < 0) return 0;
    return (accepted ? 2 : 1) * (Math.log(2 + score) / Math.log(2));
  }

  /** The level for a summed evidence strength: 1 + floor(log2(strength)), in 1..5. */
  public static int level(double strength) {
    if (strength < 2) return 1;
    return (int) Math.min(Props.MAX_LEVEL, 1 + Math.floor(Math.log(strength) / Math.log(2)));
  }

  /**
   * How one tag reaches skills: skill ids with how (name, part, emerging) and the matched text;
   * {@code taxonomy} when one of them is a taxonomy skill rather than an emerging one.
   */
  public record TagSkills(
      String tag, List<String> skillIds, String via, List<String> spans, boolean taxonomy) {}

  /**
   * The extractor for tags: the extractable skills of the graph plus the emerging skills learned
   * from AAN titles.
   */
  static SkillExtractor tagExtractor(ImportContext ctx) {
    return new SkillExtractor(
        SkillDictionary.load(ctx::query, e -> AanImporter.SOURCE.equals(e.source())));
  }

  /**
   * Maps each tag to the skills of the extractor, else none; {@code emerging} tells emerging skill
   * ids apart.
   */
  public static Map<String, TagSkills> mapTags(
      Iterable<String> tags, SkillExtractor extractor, Predicate<String> emerging) {
    Map<String, TagSkills> out = new TreeMap<>();
    for (String tag : tags) {
      String text = tag.replace('-', ' ').replace('.', ' ').strip();
      List<SkillMatch> matches = extractor.distinctSkills(text);
      if (matches.isEmpty()
          && tag.length() <= 5
          && tag.chars().allMatch(Character::isLetterOrDigit)) {
        matches = extractor.distinctSkills(text.toUpperCase(Locale.ROOT));
      }
      List<String> ids = new ArrayList<>();
      List<String> spans = new ArrayList<>();
      boolean whole = false;
      boolean taxonomy = false;
      for (SkillMatch m : matches) {
        if (ids.contains(m.skillId())) continue;
        ids.add(m.skillId());
        spans.add(m.span());
        if (m.start() == 0 && m.end() == text.length()) whole = true;
        taxonomy |= !emerging.test(m.skillId());
      }
      out.put(
          tag,
          new TagSkills(tag, ids, ids.isEmpty() ? null : whole ? "name" : "part", spans, taxonomy));
    }
    return out;
  }

  @Override
  public void read(Path input, ImportContext ctx, RowSink out) throws IOException {
    StackExchangeDump d = StackExchangeDump.read(input);
    String site = d.site();
    String community = communityId(site);
    out.expect(d.userRows + d.postRows);

    // Which users asked or answered, which questions survived; problems of rows left out.
    Map<Long, StackExchangeDump.Post> questions = new LinkedHashMap<>();
    for (var q : d.questions()) questions.put(q.id(), q);
    Set<Long> authors = new HashSet<>();
    for (var q : d.questions()) if (q.ownerId() != null) authors.add(q.ownerId());
    for (var a : d.answers()) if (a.ownerId() != null) authors.add(a.ownerId());

    // Tags: those of Tags.xml and any other used on a question.
    Map<String, Integer> questionsPerTag = new TreeMap<>();
    for (var q : d.questions()) for (String t : q.tags()) questionsPerTag.merge(t, 1, Integer::sum);
    Map<String, StackExchangeDump.Tag> tagRows = new LinkedHashMap<>();
    for (var t : d.tags()) tagRows.put(t.name().toLowerCase(Locale.ROOT), t);
    Set<String> allTags = new java.util.TreeSet<>(tagRows.keySet());
    allTags.addAll(questionsPerTag.keySet());
    Map<String, TagSkills> tagSkills =
        mapTags(allTags, tagExtractor(ctx), id -> id.startsWith(AanImporter.SOURCE + ":"));
    for (String t : allTags) {
      if (tagSkills.get(t).skillIds().isEmpty()
          && questionsPerTag.getOrDefault(t, 0) >= MIN_EMERGING_QUESTIONS) {
        tagSkills.put(
            t, new TagSkills(t, List.of(emergingId(site, t)), "emerging", List.of(t), false));
      }
    }

    Map<String, Object> cprops = new HashMap<>();
    cprops.put(Props.NAME, site);
    cprops.put(Props.SITE, site);
    cprops.put(Props.SOURCE, SOURCE);
    cprops.put(Props.URI, "https://" + site + ".stackexchange.com");
    out.derived(new Write(COMMUNITY, Map.of(Props.ID, community, "props", cprops)));

    for (String t : allTags) {
      TagSkills ts = tagSkills.get(t);
      List<Write> writes = new ArrayList<>();
      if ("emerging".equals(ts.via())) {
        Map<String, Object> sp = new HashMap<>();
        sp.put(Props.NAME, t.replace('-', ' '));
        sp.put(Props.ALIASES, List.of(t));
        sp.put(Props.SOURCE, SOURCE);
        sp.put(Props.SITE, site);
        sp.put("emerging", true);
        sp.put("extract", false);
        sp.put("documentCount", questionsPerTag.getOrDefault(t, 0));
        sp.put(
            Props.DESCRIPTION,
            "Learned from the tag '"
                + t
                + "' of "
                + site
                + ".stackexchange.com ("
                + questionsPerTag.getOrDefault(t, 0)
                + " questions).");
        writes.add(new Write(SKILL, Map.of(Props.ID, emergingId(site, t), "props", sp)));
      }
      Map<String, Object> tp = new HashMap<>();
      tp.put(Props.NAME, t);
      tp.put(Props.SITE, site);
      tp.put(Props.SOURCE, SOURCE);
      tp.put(Props.COUNT, questionsPerTag.getOrDefault(t, 0));
      StackExchangeDump.Tag row = tagRows.get(t);
      if (row != null
          && row.excerptPostId() != null
          && d.excerpts().containsKey(row.excerptPostId())) {
        tp.put(Props.DESCRIPTION, d.excerpts().get(row.excerptPostId()));
      }
      writes.add(new Write(TAG, Map.of(Props.ID, tagId(site, t), "props", tp)));
      writes.add(
          new Write(TAG_COMMUNITY, Map.of(Props.ID, tagId(site, t), "community", community)));
      for (int i = 0; i < ts.skillIds().size(); i++) {
        writes.add(
            new Write(
                DENOTES,
                Map.of(
                    "tag",
                    tagId(site, t),
                    "skill",
                    ts.skillIds().get(i),
                    "via",
                    ts.via(),
                    "evidence",
                    ts.spans().get(i))));
      }
      out.derived(writes);
    }

    // Users: one row each; those who never asked nor answered are skipped.
    Set<Long> written = new HashSet<>();
    for (var u : d.users().values()) {
      Location at = Location.line("Users.xml", u.line());
      if (!authors.contains(u.id())) {
        out.skip(at, "user without a question or answer");
        continue;
      }
      written.add(u.id());
      out.accept(at, userWrites(site, u.id(), u.name(), u.reputation(), community));
    }
    long unlisted = 0;
    for (var p : concat(d.questions(), d.answers())) {
      if (p.ownerId() != null && !written.contains(p.ownerId())) {
        written.add(p.ownerId());
        unlisted++;
        out.derived(
            userWrites(
                site,
                p.ownerId(),
                p.ownerName() != null ? p.ownerName() : "user " + p.ownerId(),
                0,
                community));
      }
    }
    if (unlisted > 0)
      out.note(unlisted + " authors are not in Users.xml; written with the name on their posts");

    // Rejected rows, then the skipped post types, in the dump's words.
    for (int i = 0; i < d.problems().size(); i++) {
      var problem = d.problems().get(i);
      if (problem.at().file().equals("Users.xml")) continue;
      out.reject(problem, d.problemRows().get(i));
    }
    for (var s : d.skipped().entrySet()) {
      for (long i = 0; i < s.getValue(); i++) out.skip(Location.file("Posts.xml"), s.getKey());
    }
    for (int i = 0; i < d.problems().size(); i++) {
      var problem = d.problems().get(i);
      if (problem.at().file().equals("Users.xml")) out.reject(problem, d.problemRows().get(i));
    }

    // Questions, then answers with their evidence.
    Map<Long, int[]> votes = new HashMap<>();
    for (var v : d.votes()) {
      int slot =
          switch (v.type()) {
            case 2 -> 0;
            case 3 -> 1;
            case 5 -> 2;
            default -> -1;
          };
      if (slot >= 0) votes.computeIfAbsent(v.postId(), k -> new int[3])[slot]++;
    }
    long questionsWithTaxonomy = 0;
    long questionsWithSkill = 0;
    for (var q : d.questions()) {
      List<Write> writes = new ArrayList<>();
      Map<String, Object> props = postProps(site, q);
      props.put(Props.TITLE, q.title());
      props.put(Props.TAGS, q.tags());
      if (q.viewCount() != null) props.put("viewCount", q.viewCount());
      writes.add(new Write(QUESTION, Map.of(Props.ID, postId(site, q.id()), "props", props)));
      writes.add(
          new Write(
              QUESTION_COMMUNITY, Map.of(Props.ID, postId(site, q.id()), "community", community)));
      if (q.ownerId() != null)
        writes.add(
            new Write(
                ASKED, Map.of("expert", userId(site, q.ownerId()), "post", postId(site, q.id()))));
      boolean taxonomy = false;
      boolean any = false;
      for (String t : q.tags()) {
        writes.add(new Write(TAGGED, Map.of("post", postId(site, q.id()), "tag", tagId(site, t))));
        TagSkills ts = tagSkills.get(t);
        taxonomy |= ts.taxonomy();
        any |= !ts.skillIds().isEmpty();
      }
      if (taxonomy) questionsWithTaxonomy++;
      if (any) questionsWithSkill++;
      out.accept(Location.line("Posts.xml", q.line()), writes);
    }

    Map<String, Map<String, Evidence>> evidence = new TreeMap<>();
    for (var a : d.answers()) {
      var q = questions.get(a.parentId());
      boolean accepted = q.acceptedAnswerId() != null && q.acceptedAnswerId() == a.id();
      double strength = strength(a.score(), accepted);
      List<Write> writes = new ArrayList<>();
      Map<String, Object> props = postProps(site, a);
      props.put(Props.ACCEPTED, accepted);
      props.put(Props.STRENGTH, strength);
      props.put(Props.TITLE, q.title());
      String aid = postId(site, a.id());
      String qid = postId(site, q.id());
      writes.add(new Write(ANSWER, Map.of(Props.ID, aid, "props", props)));
      writes.add(new Write(ANSWER_TO, Map.of(Props.ID, aid, "question", qid)));
      if (accepted) writes.add(new Write(ACCEPTED, Map.of(Props.ID, aid, "question", qid)));
      if (a.ownerId() != null) {
        String eid = userId(site, a.ownerId());
        writes.add(new Write(ANSWERED, Map.of("expert", eid, "post", aid)));
        if (strength > 0) {
          Set<String> skills = new java.util.LinkedHashSet<>();
          for (String t : q.tags()) skills.addAll(tagSkills.get(t).skillIds());
          for (String s : skills) {
            Evidence ev =
                evidence
                    .computeIfAbsent(eid, k -> new TreeMap<>())
                    .computeIfAbsent(s, k -> new Evidence());
            ev.answers++;
            ev.strength += strength;
            ev.first = Math.min(ev.first, a.created().getYear());
            ev.last = Math.max(ev.last, a.created().getYear());
            if (ev.items.size() < MAX_EVIDENCE) {
              ev.items.add(
                  aid
                      + (accepted ? " (accepted" : " (score ")
                      + (accepted ? ", score " : "")
                      + a.score()
                      + "): "
                      + q.title());
            }
          }
        }
      }
      out.accept(Location.line("Posts.xml", a.line()), writes);
    }

    // Aggregates: votes and comments on posts, links between questions, skills from answers.
    Map<Long, Map<String, Object>> counts = new TreeMap<>();
    for (var e : votes.entrySet()) {
      Map<String, Object> m = counts.computeIfAbsent(e.getKey(), k -> new HashMap<>());
      m.put("upVotes", e.getValue()[0]);
      m.put("downVotes", e.getValue()[1]);
      m.put("favorites", e.getValue()[2]);
    }
    for (var e : d.commentCounts().entrySet())
      counts.computeIfAbsent(e.getKey(), k -> new HashMap<>()).put("commentCount", e.getValue());
    Set<Long> answerIds = new HashSet<>();
    for (var a : d.answers()) answerIds.add(a.id());
    for (var e : counts.entrySet()) {
      Statement st =
          questions.containsKey(e.getKey())
              ? QUESTION_COUNTS
              : answerIds.contains(e.getKey()) ? ANSWER_COUNTS : null;
      if (st != null)
        out.derived(
            new Write(st, Map.of(Props.ID, postId(site, e.getKey()), "props", e.getValue())));
    }
    long links = 0;
    for (var l : d.links()) {
      if (!questions.containsKey(l.postId()) || !questions.containsKey(l.relatedPostId())) continue;
      links++;
      out.derived(
          new Write(
              LINK,
              Map.of(
                  "from",
                  postId(site, l.postId()),
                  "to",
                  postId(site, l.relatedPostId()),
                  "kind",
                  l.type() == 3 ? "duplicate" : "linked")));
    }
    long hasSkill = 0;
    for (var e : evidence.entrySet()) {
      for (var s : e.getValue().entrySet()) {
        Evidence ev = s.getValue();
        Map<String, Object> p = new HashMap<>();
        p.put(Props.LEVEL, level(ev.strength));
        p.put(Props.STRENGTH, ev.strength);
        p.put("evidenceCount", ev.answers);
        p.put(Props.EVIDENCE, ev.items);
        p.put(Props.FIRST_YEAR, ev.first);
        p.put(Props.LAST_YEAR, ev.last);
        p.put(Props.SOURCE, SOURCE);
        p.put(Props.SITE, site);
        out.derived(
            new Write(HAS_SKILL, Map.of("expert", e.getKey(), "skill", s.getKey(), "props", p)));
        hasSkill++;
      }
    }

    long tagsTaxonomy = tagSkills.values().stream().filter(TagSkills::taxonomy).count();
    long tagsAny = tagSkills.values().stream().filter(t -> !t.skillIds().isEmpty()).count();
    long nq = d.questions().size();
    long byName =
        tagSkills.values().stream().filter(t -> t.taxonomy() && "name".equals(t.via())).count();
    long learnedElsewhere =
        tagSkills.values().stream()
            .filter(t -> !t.taxonomy() && !t.skillIds().isEmpty() && !"emerging".equals(t.via()))
            .count();
    long newEmerging = tagSkills.values().stream().filter(t -> "emerging".equals(t.via())).count();
    out.note(
        String.format(
            "tags by route: %,d a taxonomy skill by the whole name, %,d by a part of it, %,d an emerging skill learned"
                + " elsewhere, %,d a new emerging skill of the site (tags on %d questions or more), %,d none",
            byName,
            tagsTaxonomy - byName,
            learnedElsewhere,
            newEmerging,
            MIN_EMERGING_QUESTIONS,
            allTags.size() - tagsAny));
    out.note(
        String.format(
            "site %s: %,d questions, %,d answers (%,d accepted), %,d people, %,d tags, %,d votes, %,d comments,"
                + " %,d question links",
            site,
            nq,
            d.answers().size(),
            d.answers().stream().filter(a -> a.id() == acceptedOf(questions, a)).count(),
            written.size(),
            allTags.size(),
            d.votes().size(),
            d.commentCounts().values().stream().mapToInt(Integer::intValue).sum(),
            links));
    out.note(
        String.format(
            "tags reaching a taxonomy skill: %,d of %,d (%.1f%%); with emerging skills: %,d (%.1f%%)",
            tagsTaxonomy,
            allTags.size(),
            pct(tagsTaxonomy, allTags.size()),
            tagsAny,
            pct(tagsAny, allTags.size())));
    out.note(
        String.format(
            "questions reaching a taxonomy skill: %,d of %,d (%.1f%%); with emerging skills: %,d (%.1f%%)",
            questionsWithTaxonomy,
            nq,
            pct(questionsWithTaxonomy, nq),
            questionsWithSkill,
            pct(questionsWithSkill, nq)));
    out.note(
        String.format(
            "%,d HAS_SKILL from answers (strength (accepted ? 2 : 1) * log2(2 + score))",
            hasSkill));
  }

  private static long acceptedOf(
      Map<Long, StackExchangeDump.Post> questions, StackExchangeDump.Post a) {
    Long acc = questions.get(a.parentId()).acceptedAnswerId();
    return acc == null ? -1 : acc;
  }

  private static double pct(long a, long b) {
    return b == 0 ? 0 : 100.0 * a / b;
  }

  private static List<StackExchangeDump.Post> concat(
      List<StackExchangeDump.Post> a, List<StackExchangeDump.Post> b) {
    List<StackExchangeDump.Post> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static List<Write> userWrites(
      String site, long id, String name, int reputation, String community) {
    Map<String, Object> props = new HashMap<>();
    props.put(Props.NAME, name);
    props.put(Props.SOURCE, SOURCE);
    props.put(Props.SITE, site);
    props.put("reputation", reputation);
    String eid = userId(site, id);
    return List.of(
        new Write(USER, Map.of(Props.ID, eid, "props", props)),
        new Write(USER_COMMUNITY, Map.of(Props.ID, eid, "community", community)));
  }

  private static Map<String, Object> postProps(String site, StackExchangeDump.Post p) {
    Map<String, Object> props = new HashMap<>();
    props.put(Props.SITE, site);
    props.put(Props.SOURCE, SOURCE);
    props.put(Props.SCORE, p.score());
    props.put(Props.CREATED_AT, p.created().atZone(ZoneOffset.UTC));
    props.put(Props.TEXT, p.text());
    props.put(Props.URI, "https://" + site + ".stackexchange.com/q/" + p.id());
    return props;
  }

  private static final class Evidence {
    int answers;
    double strength;
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    final List<String> items = new ArrayList<>();
  }
}
