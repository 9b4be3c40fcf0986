package dev.talentgraph.knowledge;

import dev.talentgraph.graphql.UserError;
import dev.talentgraph.graphql.nodes.ExpertNode;
import java.time.ZonedDateTime;
import java.util.List;

/** The GraphQL types of the knowledge feature. */
final class KnowledgeTypes {
  private KnowledgeTypes() {}

  /** {@code input WhoKnowsWhere}. */
  record Where(String team, String community) {}

  record KnowledgeSkill(String id, String name) {}

  record KnowledgeEvidence(
      String kind,
      String ref,
      String text,
      String date,
      KnowledgeSkill skill,
      String relation,
      double credit) {}

  record KnowledgeHolder(ExpertNode expert, Double score, List<KnowledgeEvidence> evidence) {}

  record WhoKnows(List<KnowledgeSkill> skills, List<KnowledgeHolder> items, List<String> notes) {}

  record Reason(String kind, String text, List<String> refs) {}

  record RoutedExpert(ExpertNode expert, Double score, List<Reason> reasons) {}

  record QuestionRoute(
      List<RoutedExpert> items, String model, String community, List<String> notes) {}

  record QAQuestion(
      String id,
      String title,
      String text,
      List<String> tags,
      ZonedDateTime createdAt,
      List<KnowledgeSkill> skills) {}

  record QAAnswer(
      String id, String questionId, String text, boolean accepted, ZonedDateTime createdAt) {}

  record QuestionPayload(QAQuestion question, List<UserError> errors) {}

  record AnswerPayload(QAAnswer answer, List<UserError> errors) {}

  static ExpertNode expert(String id, String name) {
    return new ExpertNode(
        id, name, null, null, null, null, null, null, null, null, java.util.Map.of());
  }
}
