package dev.talentgraph.ml.experts;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A question or an answer as the expert finders see it, whatever it was read from (a Stack Exchange
 * dump, the talent graph's {@code :Question} and {@code :Answer} nodes).
 *
 * @param id the post's id, unique in one corpus
 * @param questionId the question an answer answers; null for a question
 * @param created when it was posted
 * @param author the id of the person who posted it; null when unknown (a deleted account)
 * @param title the question's title; empty for an answer
 * @param text the plain text of the body
 * @param tags the question's tags (lower case); empty for an answer
 */
public record QaPost(
    String id,
    String questionId,
    LocalDateTime created,
    String author,
    String title,
    String text,
    List<String> tags) {
  public QaPost {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("a post needs an id");
    if (created == null) throw new IllegalArgumentException("post " + id + " has no date");
    title = title == null ? "" : title;
    text = text == null ? "" : text;
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public static QaPost question(
      String id,
      LocalDateTime created,
      String author,
      String title,
      String text,
      List<String> tags) {
    return new QaPost(id, null, created, author, title, text, tags);
  }

  public static QaPost answer(
      String id, String questionId, LocalDateTime created, String author, String text) {
    return new QaPost(id, questionId, created, author, "", text, List.of());
  }

  public boolean isQuestion() {
    return questionId == null;
  }
}
