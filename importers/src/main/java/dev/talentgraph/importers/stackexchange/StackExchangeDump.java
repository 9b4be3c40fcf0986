package dev.talentgraph.importers.stackexchange;

import dev.talentgraph.importers.ImportFailedException;
import dev.talentgraph.importers.Location;
import dev.talentgraph.importers.Problem;
import dev.talentgraph.importers.io.TextRepair;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One Stack Exchange site's data dump in the official XML schema, parsed with StAX (one {@code
 * <row/>} element at a time, attributes only): {@code Posts.xml}, {@code Users.xml} and {@code
 * Tags.xml} are required; {@code Votes.xml}, {@code Comments.xml} and {@code PostLinks.xml} are
 * read where present.
 *
 * <p>The whole dump is read and checked before the importer writes anything from it. A file that is
 * not well-formed XML (a truncated download) stops the read with its file and line; a bad row (an
 * unknown post type, a missing or malformed id or date, an answer whose question is not in the
 * dump) becomes a {@link Problem} naming file, line and post id, and the row is left out. Answers
 * of a question that was left out are left out too, for the same reason.
 *
 * <p>Post types 1 (question) and 2 (answer) are the Q&amp;A; 3 to 8 (tag wikis and excerpts,
 * moderator nominations, wiki placeholders, privilege wikis) are known and counted as skipped;
 * anything else is an unknown post type.
 */
public final class StackExchangeDump {
  public static final int QUESTION = 1;
  public static final int ANSWER = 2;
  private static final int LAST_KNOWN_TYPE = 8;
  private static final Pattern TAG_ANGLE = Pattern.compile("<([^<>]+)>");
  private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");

  /** A question or an answer; {@code line} is where its row starts in Posts.xml. */
  public record Post(
      long id,
      int type,
      long line,
      LocalDateTime created,
      int score,
      Long ownerId,
      String ownerName,
      Long parentId,
      Long acceptedAnswerId,
      String title,
      String text,
      List<String> tags,
      Integer viewCount) {
    public boolean isQuestion() {
      return type == QUESTION;
    }
  }

  public record User(long id, long line, String name, int reputation, LocalDateTime created) {}

  public record Tag(String name, long line, int count, Long excerptPostId) {}

  /**
   * A vote: type 1 accepted by the asker, 2 up, 3 down, 5 favourite (date only, as the dump gives
   * it).
   */
  public record Vote(long postId, int type, LocalDateTime date) {}

  /** A link between two posts: type 1 linked, 3 duplicate. */
  public record Link(long postId, long relatedPostId, int type, LocalDateTime created) {}

  private final String site;
  private final Path folder;
  final List<Post> questions = new ArrayList<>();
  final List<Post> answers = new ArrayList<>();
  final Map<Long, User> users = new LinkedHashMap<>();
  final List<Tag> tags = new ArrayList<>();
  final List<Vote> votes = new ArrayList<>();
  final List<Link> links = new ArrayList<>();
  final Map<Long, Integer> commentCounts = new HashMap<>();
  final Map<Long, String> excerpts = new HashMap<>();
  final List<Problem> problems = new ArrayList<>();
  final List<String> problemRows = new ArrayList<>();
  final Map<String, Long> skipped = new TreeMap<>();
  long postRows;
  long userRows;

  private StackExchangeDump(String site, Path folder) {
    this.site = site;
    this.folder = folder;
  }

  /**
   * The site name a folder stands for: {@code ai} for {@code .../ai} or {@code
   * .../ai.stackexchange.com}.
   */
  public static String siteOf(Path folder) {
    String name =
        folder.toAbsolutePath().normalize().getFileName().toString().toLowerCase(Locale.ROOT);
    name = name.replaceFirst("\\.stackexchange\\.com$", "").replaceFirst("\\.com$", "");
    return name.replaceAll("[^a-z0-9-]", "-");
  }

  /**
   * Reads and checks a dump folder; throws {@link ImportFailedException} for a missing or malformed
   * file.
   */
  public static StackExchangeDump read(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new ImportFailedException(
          Problem.of(
              Problem.Kind.MISSING_FILE,
              Location.file(folder.toString()),
              "not a folder: give the site's dump folder (with Posts.xml, Users.xml, Tags.xml)"));
    }
    StackExchangeDump d = new StackExchangeDump(siteOf(folder), folder);
    d.readAll();
    return d;
  }

  public String site() {
    return site;
  }

  public Path folder() {
    return folder;
  }

  /** The valid questions, in file order. */
  public List<Post> questions() {
    return Collections.unmodifiableList(questions);
  }

  /** The valid answers whose question is valid, in file order. */
  public List<Post> answers() {
    return Collections.unmodifiableList(answers);
  }

  public Map<Long, User> users() {
    return Collections.unmodifiableMap(users);
  }

  public List<Tag> tags() {
    return Collections.unmodifiableList(tags);
  }

  public List<Vote> votes() {
    return Collections.unmodifiableList(votes);
  }

  public List<Link> links() {
    return Collections.unmodifiableList(links);
  }

  public Map<Long, Integer> commentCounts() {
    return Collections.unmodifiableMap(commentCounts);
  }

  /** The plain text of each tag's wiki excerpt, by post id. */
  public Map<Long, String> excerpts() {
    return Collections.unmodifiableMap(excerpts);
  }

  /**
   * The rows left out, each with its place; {@link #problemRows()} holds their raw attributes at
   * the same index.
   */
  public List<Problem> problems() {
    return Collections.unmodifiableList(problems);
  }

  public List<String> problemRows() {
    return Collections.unmodifiableList(problemRows);
  }

  /** Rows deliberately not used, by reason (tag wikis, ...). */
  public Map<String, Long> skipped() {
    return Collections.unmodifiableMap(skipped);
  }

  private void readAll() throws IOException {
    Map<Long, Post> byId = new HashMap<>();
    List<Post> rawAnswers = new ArrayList<>();
    List<Post> others = new ArrayList<>();
    rows(
        "Posts.xml",
        true,
        (r) -> {
          postRows++;
          Post p = post(r);
          if (p == null) return;
          if (byId.containsKey(p.id())) {
            problem(Problem.Kind.DUPLICATE_KEY, r, "Id", "post " + p.id() + " appears twice");
            return;
          }
          byId.put(p.id(), p);
          if (p.type() == QUESTION) questions.add(p);
          else if (p.type() == ANSWER) rawAnswers.add(p);
          else others.add(p);
        });
    for (Post a : rawAnswers) {
      Post q = byId.get(a.parentId());
      if (q == null || q.type() != QUESTION) {
        Location at = Location.line("Posts.xml", a.line()).field("ParentId");
        String why =
            q == null
                ? "question " + a.parentId() + " is not in the dump (or was rejected)"
                : "post " + a.parentId() + " is not a question";
        problems.add(
            Problem.of(Problem.Kind.UNKNOWN_REFERENCE, at, "answer " + a.id() + ": " + why));
        problemRows.add("Id=" + a.id() + " PostTypeId=2 ParentId=" + a.parentId());
        continue;
      }
      answers.add(a);
    }
    for (Post o : others) {
      skipped.merge("post type " + o.type() + " (" + typeName(o.type()) + ")", 1L, Long::sum);
      if (o.type() == 4 && o.text() != null) excerpts.put(o.id(), o.text());
    }
    rows(
        "Users.xml",
        true,
        (r) -> {
          userRows++;
          Long id = longAttr(r, "Id", true);
          if (id == null) return;
          String name = r.attrs.getOrDefault("DisplayName", "user " + id);
          Integer rep = intAttr(r, "Reputation", false);
          LocalDateTime created = dateAttr(r, "CreationDate", false);
          if (r.failed) return;
          users.put(id, new User(id, r.line, name, rep == null ? 0 : rep, created));
        });
    rows(
        "Tags.xml",
        true,
        (r) -> {
          String name = r.attrs.get("TagName");
          if (name == null || name.isBlank()) {
            problem(Problem.Kind.MISSING_VALUE, r, "TagName", "tag row has no TagName");
            return;
          }
          Integer count = intAttr(r, "Count", false);
          Long excerpt = longAttr(r, "ExcerptPostId", false);
          if (r.failed) return;
          tags.add(new Tag(name, r.line, count == null ? 0 : count, excerpt));
        });
    rows(
        "Votes.xml",
        false,
        (r) -> {
          Long post = longAttr(r, "PostId", true);
          Integer type = intAttr(r, "VoteTypeId", true);
          LocalDateTime date = dateAttr(r, "CreationDate", false);
          if (r.failed) return;
          votes.add(new Vote(post, type, date));
        });
    rows(
        "Comments.xml",
        false,
        (r) -> {
          Long post = longAttr(r, "PostId", true);
          if (r.failed) return;
          commentCounts.merge(post, 1, Integer::sum);
        });
    rows(
        "PostLinks.xml",
        false,
        (r) -> {
          Long post = longAttr(r, "PostId", true);
          Long related = longAttr(r, "RelatedPostId", true);
          Integer type = intAttr(r, "LinkTypeId", true);
          LocalDateTime created = dateAttr(r, "CreationDate", false);
          if (r.failed) return;
          links.add(new Link(post, related, type, created));
        });
  }

  private Post post(Row r) {
    Long id = longAttr(r, "Id", true);
    if (id == null) return null;
    Integer type = intAttr(r, "PostTypeId", true);
    if (type == null) return null;
    if (type < 1 || type > LAST_KNOWN_TYPE) {
      problem(
          Problem.Kind.BAD_VALUE,
          r,
          "PostTypeId",
          "post "
              + id
              + ": unknown post type "
              + type
              + " (1 question, 2 answer, 3-8 wikis and nominations)");
      return null;
    }
    if (type != QUESTION && type != ANSWER) {
      String body = r.attrs.get("Body");
      return new Post(
          id,
          type,
          r.line,
          null,
          0,
          null,
          null,
          null,
          null,
          null,
          body == null ? null : plainText(body),
          List.of(),
          null);
    }
    LocalDateTime created = dateAttr(r, "CreationDate", true);
    Integer score = intAttr(r, "Score", false);
    Long owner = longAttr(r, "OwnerUserId", false);
    Long parent = type == ANSWER ? longAttr(r, "ParentId", true) : null;
    Long accepted = type == QUESTION ? longAttr(r, "AcceptedAnswerId", false) : null;
    Integer views = intAttr(r, "ViewCount", false);
    if (r.failed) return null;
    String title = type == QUESTION ? TextRepair.squeeze(r.attrs.getOrDefault("Title", "")) : null;
    if (type == QUESTION && title.isEmpty()) {
      problem(Problem.Kind.MISSING_VALUE, r, "Title", "question " + id + " has no title");
      return null;
    }
    List<String> tagList =
        type == QUESTION ? parseTags(r.attrs.getOrDefault("Tags", "")) : List.of();
    return new Post(
        id,
        type,
        r.line,
        created,
        score == null ? 0 : score,
        owner,
        r.attrs.get("OwnerDisplayName"),
        parent,
        accepted,
        title,
        plainText(r.attrs.getOrDefault("Body", "")),
        tagList,
        views);
  }

  /** Tags as {@code <a><b>} (the classic dumps) or {@code |a|b|} (the newer ones). */
  static List<String> parseTags(String s) {
    List<String> out = new ArrayList<>();
    if (s.indexOf('<') >= 0) {
      var m = TAG_ANGLE.matcher(s);
      while (m.find()) out.add(m.group(1).strip().toLowerCase(Locale.ROOT));
    } else {
      for (String t : s.split("\\|")) if (!t.isBlank()) out.add(t.strip().toLowerCase(Locale.ROOT));
    }
    return List.copyOf(new java.util.LinkedHashSet<>(out));
  }

  /** The text of a post body: markup dropped, entities decoded, white space squeezed. */
  static String plainText(String html) {
    return TextRepair.squeeze(
        TextRepair.decodeHtmlEntities(HTML_TAG.matcher(html).replaceAll(" ")));
  }

  private static String typeName(int type) {
    return switch (type) {
      case 3 -> "orphaned tag wiki";
      case 4 -> "tag wiki excerpt";
      case 5 -> "tag wiki";
      case 6 -> "moderator nomination";
      case 7 -> "wiki placeholder";
      case 8 -> "privilege wiki";
      default -> "other";
    };
  }

  /**
   * One {@code <row/>}: its attributes, where it starts, and whether a problem was recorded for it.
   */
  private static final class Row {
    final String file;
    final long line;
    final Map<String, String> attrs;
    boolean failed;

    Row(String file, long line, Map<String, String> attrs) {
      this.file = file;
      this.line = line;
      this.attrs = attrs;
    }

    String postId() {
      return attrs.getOrDefault("Id", "?");
    }
  }

  private void problem(Problem.Kind kind, Row r, String field, String message) {
    if (r.failed) return;
    r.failed = true;
    String msg =
        r.file.equals("Posts.xml")
                && !message.startsWith("post ")
                && !message.startsWith("question ")
            ? "post " + r.postId() + ": " + message
            : message;
    problems.add(Problem.of(kind, Location.line(r.file, r.line).field(field), msg));
    StringBuilder raw = new StringBuilder();
    for (var e : r.attrs.entrySet()) {
      if (e.getKey().equals("Body") || e.getKey().equals("AboutMe") || e.getKey().equals("Text"))
        continue;
      raw.append(raw.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
    }
    problemRows.add(raw.toString());
  }

  private Long longAttr(Row r, String name, boolean required) {
    String v = r.attrs.get(name);
    if (v == null || v.isBlank()) {
      if (required) problem(Problem.Kind.MISSING_VALUE, r, name, "row has no " + name);
      return null;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      problem(Problem.Kind.BAD_NUMBER, r, name, "'" + v + "' is not a whole number");
      return null;
    }
  }

  private Integer intAttr(Row r, String name, boolean required) {
    Long v = longAttr(r, name, required);
    return v == null ? null : (int) (long) v;
  }

  private LocalDateTime dateAttr(Row r, String name, boolean required) {
    String v = r.attrs.get(name);
    if (v == null || v.isBlank()) {
      if (required) problem(Problem.Kind.MISSING_VALUE, r, name, "row has no " + name);
      return null;
    }
    try {
      return LocalDateTime.parse(v.strip());
    } catch (DateTimeParseException e) {
      problem(
          Problem.Kind.BAD_DATE,
          r,
          name,
          "'" + v + "' is not a date and time like 2016-08-02T15:39:14.947");
      return null;
    }
  }

  private void rows(String file, boolean required, Consumer<Row> each) throws IOException {
    Path path = folder.resolve(file);
    if (!Files.isRegularFile(path)) {
      if (!required) return;
      throw new ImportFailedException(
          Problem.of(Problem.Kind.MISSING_FILE, Location.file(file), "the dump has no " + file));
    }
    if (Files.size(path) == 0) {
      throw new ImportFailedException(
          Problem.of(Problem.Kind.EMPTY_FILE, Location.file(file), file + " is empty"));
    }
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    long line = 0;
    try (InputStream in = Files.newInputStream(path)) {
      XMLStreamReader x = f.createXMLStreamReader(in);
      int depth = 0;
      while (x.hasNext()) {
        int ev = x.next();
        line = x.getLocation().getLineNumber();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          depth++;
          if (depth == 2 && x.getLocalName().equals("row")) {
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int i = 0; i < x.getAttributeCount(); i++)
              attrs.put(x.getAttributeLocalName(i), x.getAttributeValue(i));
            each.accept(new Row(file, line, attrs));
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
      x.close();
    } catch (XMLStreamException e) {
      long at =
          e.getLocation() != null && e.getLocation().getLineNumber() > 0
              ? e.getLocation().getLineNumber()
              : line;
      throw new ImportFailedException(
          Problem.of(
              Problem.Kind.BAD_SYNTAX,
              Location.line(file, at),
              file
                  + " is not well-formed XML (truncated?), nothing was written: "
                  + firstLine(e.getMessage())));
    }
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    String[] lines = s.strip().split("\\R");
    return lines[lines.length - 1].strip();
  }
}
