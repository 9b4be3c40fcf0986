package dev.talentgraph.profiles;

import dev.talentgraph.graphql.Selection;
import dev.talentgraph.graphql.Vals;
import dev.talentgraph.graphql.nodes.CourseNode;
import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.graphql.nodes.ExpertNode.PublicationNode;
import dev.talentgraph.graphql.nodes.ProjectNode;
import dev.talentgraph.graphql.nodes.SkillNode;
import dev.talentgraph.privacy.PerformanceReview;
import dev.talentgraph.profiles.TalentProfile.CareerStage;
import dev.talentgraph.profiles.TalentProfile.CareerStageKind;
import dev.talentgraph.profiles.TalentProfile.Contest;
import dev.talentgraph.profiles.TalentProfile.ContestFactType;
import dev.talentgraph.profiles.TalentProfile.ContestStatus;
import dev.talentgraph.profiles.TalentProfile.Evidence;
import dev.talentgraph.profiles.TalentProfile.ProfileCollaborator;
import dev.talentgraph.profiles.TalentProfile.ProfileCourse;
import dev.talentgraph.profiles.TalentProfile.ProfileProject;
import dev.talentgraph.profiles.TalentProfile.ProfilePublication;
import dev.talentgraph.profiles.TalentProfile.ProfileReview;
import dev.talentgraph.profiles.TalentProfile.ProfileScore;
import dev.talentgraph.profiles.TalentProfile.ProfileSkill;
import dev.talentgraph.profiles.TalentProfile.TimelineEvent;
import dev.talentgraph.profiles.TalentProfile.TimelineKind;
import dev.talentgraph.scoring.ScoreView;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * The one statement behind {@code talentProfile} and the reading of its row. Only the sections the
 * client selected are read (a column is {@code null} otherwise), the personal ones only for a
 * caller the {@code @personal} rule lets through. The text is assembled from fixed fragments; the
 * expert id is a parameter.
 */
public final class ProfileQuery {
  static final String SKILL = "{.id, .name, .category, .aliases}";

  /** The sections; each is one column of the statement. */
  enum Section {
    SKILLS(
        "skills",
        false,
        """
        [(e)-[h:HAS_SKILL]->(s:Skill) | {level: h.level, evidence: h.evidence, source: h.source, since: toString(h.since),
          contested: h.contested, skill: s %1$s,
          seen: [(e)-[w:WORKED_ON]->(p:Project)-[:REQUIRES]->(s) | {kind: 'WORKED_ON', ref: e.id + '-[WORKED_ON]->' + p.id,
                   text: 'project ' + coalesce(p.name, p.id) + CASE WHEN w.to IS NULL THEN ' (ongoing)' ELSE '' END, source: w.source,
                   date: CASE WHEN w.to IS NOT NULL THEN toString(w.to) WHEN p.status = 'planned' THEN null ELSE toString(date()) END}]
              + [(e)-[n:ENROLLED]->(c:Course) WHERE n.skillId = s.id AND n.completedAt IS NOT NULL | {kind: 'ENROLLED',
                   ref: e.id + '-[ENROLLED]->' + c.id, text: 'completed course ' + coalesce(c.title, c.id), source: n.source,
                   date: toString(n.completedAt)}]
              + [(e)-[:AUTHORED]->(u:Publication)-[:ABOUT]->(s) WHERE u.year IS NOT NULL | {kind: 'AUTHORED', ref: u.id,
                   text: 'paper ' + coalesce(u.title, u.id), source: u.source, date: toString(u.year)}]
              + [(e)-[:APPLIED]->(:Application)-[:HAS_ASSESSMENT]->(x:Assessment)-[m:MEASURED]->(s) | {kind: 'MEASURED',
                   ref: x.id, text: 'assessed at level ' + toString(m.level), source: x.method, date: toString(x.at)}]}]"""
            .formatted(SKILL)),
    TEAMS(
        "teams",
        false,
        """
        [(e)-[m:MEMBER_OF|MANAGES]->(t:Team) | {type: type(m), since: toString(m.since), source: m.source, team: t {.id, .name}}]"""),
    PROJECTS(
        "projects",
        false,
        """
        [(e)-[w:WORKED_ON]->(p:Project) | {role: w.role, from: toString(w.from), to: toString(w.to), source: w.source,
          project: p {.id, .name, .status}}]"""),
    PUBLICATIONS(
        "publications",
        false,
        """
        [(e)-[a:AUTHORED]->(u:Publication) | {source: coalesce(a.source, u.source), publication: u {.id, .title, .year, .venue},
          about: [(u)-[:ABOUT]->(k:Skill) | k.name]}]"""),
    COLLABORATORS(
        "collaborators",
        false,
        """
        [(e)-[c:COLLABORATED_WITH]-(o:Expert) | {count: c.count, firstYear: c.firstYear, lastYear: c.lastYear, source: c.source,
          ref: startNode(c).id + '-[COLLABORATED_WITH]->' + endNode(c).id, expert: o {.id, .name, .country, .region, .title},
          projects: [(e)-[:WORKED_ON]->(p:Project)<-[:WORKED_ON]-(o) | p.id],
          publications: [(e)-[:AUTHORED]->(u:Publication)<-[:AUTHORED]-(o) | u.id]}]"""),
    COURSES(
        "courses",
        false,
        """
        [(e)-[n:ENROLLED]->(c:Course) | {status: n.status, startedAt: toString(n.startedAt), completedAt: toString(n.completedAt),
          score: n.score, levelBefore: n.levelBefore, levelAfter: n.levelAfter, skillId: n.skillId, source: n.source,
          course: c {.id, .title, .hours}, skill: head([(c)-[:TEACHES]->(k:Skill) WHERE k.id = n.skillId | k %1$s])}]"""
            .formatted(SKILL)),
    SCORES(
        "scores",
        true,
        """
        [(e)-[:HAS_SCORE]->(s:Score) | s {.id, .model, .version, .value, .at, .explanation, .explanationFeatures,
          .explanationContributions, .contested, modelId: head([(s)-[:BY_MODEL]->(m:Model) | m.id])}]"""),
    REVIEWS(
        "reviews",
        true,
        """
        [(e)-[:HAS_REVIEW]->(r:PerformanceReview) | r {.id, .year, .rating, .summary, .source, date: toString(r.date)}]"""),
    PROMOTIONS(
        "promotions",
        true,
        """
        [(e)-[:PROMOTED]->(p:Promotion) | p {.id, .fromGrade, .toGrade, .source, date: toString(p.date)}]"""),
    APPLICATIONS(
        "applications",
        true,
        """
        [(e)-[:APPLIED]->(a:Application)-[:TO]->(j:JobOpening) | {id: a.id, stage: a.stage, appliedAt: toString(a.appliedAt),
          closedAt: toString(coalesce(a.closedAt, a.updatedAt)), source: a.source, opening: j {.id, .title}}]"""),
    CONTESTS(
        "contests",
        true,
        """
        [(e)-[:CONTESTED]->(c:Contest) | c {.*, at: toString(c.at), resolvedAt: toString(c.resolvedAt)}]""");

    final String column;
    final boolean personal;
    final String cypher;

    Section(String column, boolean personal, String cypher) {
      this.column = column;
      this.personal = personal;
      this.cypher = cypher;
    }
  }

  private final java.util.EnumSet<Section> read;
  private final boolean personal;

  private ProfileQuery(java.util.EnumSet<Section> read, boolean personal) {
    this.read = read;
    this.personal = personal;
  }

  /**
   * Whether the selection asks for any personal section (the caller's right is looked up only
   * then).
   */
  static boolean wantsPersonal(Selection s) {
    return s.has("scores")
        || s.has("performanceReviews")
        || s.has("careerEvents")
        || s.has("careerStage")
        || s.has("contests");
  }

  static ProfileQuery of(Selection s, boolean mayReadPersonal) {
    var read = java.util.EnumSet.noneOf(Section.class);
    if (s.has("skills")) read.add(Section.SKILLS);
    if (s.has("timeline")) {
      read.add(Section.TEAMS);
      read.add(Section.PROJECTS);
    }
    if (s.has("projects")) read.add(Section.PROJECTS);
    if (s.has("publications")) read.add(Section.PUBLICATIONS);
    if (s.has("collaborators")) read.add(Section.COLLABORATORS);
    if (s.has("courses")) read.add(Section.COURSES);
    if (mayReadPersonal) {
      if (s.has("scores")) read.add(Section.SCORES);
      if (s.has("performanceReviews")) read.add(Section.REVIEWS);
      if (s.has("careerEvents") || s.has("careerStage")) read.add(Section.PROMOTIONS);
      if (s.has("careerEvents")) read.add(Section.APPLICATIONS);
      if (s.has("contests")) read.add(Section.CONTESTS);
    }
    return new ProfileQuery(
        read, mayReadPersonal && (s.has("careerEvents") || s.has("careerStage")));
  }

  /**
   * The statement reading every section (public and personal) for {@code $id}: the floor of {@code
   * bench profile}.
   */
  public static String allSections() {
    return new ProfileQuery(java.util.EnumSet.allOf(Section.class), true).statement();
  }

  String statement() {
    StringBuilder sb =
        new StringBuilder(
            "MATCH (e:Expert {id: $id}) RETURN e {.id, .name, .country, .region, .title, .source,"
                + " hiredAt: toString(e.hiredAt)");
    if (personal)
      sb.append(", .grade, .status, departedAt: toString(e.departedAt), .departureReason");
    sb.append("} AS expert");
    for (Section s : Section.values()) {
      sb.append(",\n  ")
          .append(read.contains(s) ? s.cypher.strip() : "null")
          .append(" AS ")
          .append(s.column);
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ reading the row

  TalentProfile read(String expertId, Record row, LocalDate today) {
    Value e = row.get("expert");
    ExpertNode expert =
        new ExpertNode(
            expertId,
            Vals.str(e.get("name")),
            Vals.str(e.get("country")),
            Vals.str(e.get("region")),
            Vals.str(e.get("title")),
            null,
            null,
            null,
            null,
            null,
            Map.of());
    // oldest first, like the timeline; the graph's own order of relationships is no order (a
    // restored store keeps the facts, not the order they were written in)
    List<ProjectRow> projects =
        read.contains(Section.PROJECTS)
            ? Vals.list(row.get("projects"), v -> project(expertId, v)).stream()
                .sorted(
                    Comparator.comparing((ProjectRow r) -> sortKey(r.item().from()))
                        .thenComparing(r -> r.item().project().id()))
                .toList()
            : null;
    List<TimelineEvent> timeline =
        read.contains(Section.TEAMS) ? timeline(expertId, e, row.get("teams"), projects) : null;
    List<Value> promotions =
        read.contains(Section.PROMOTIONS) ? row.get("promotions").asList(v -> v) : null;
    return new TalentProfile(
        expertId,
        expert,
        read.contains(Section.SKILLS) ? skills(expertId, row.get("skills")) : null,
        timeline,
        projects == null ? null : projects.stream().map(ProjectRow::item).toList(),
        read.contains(Section.PUBLICATIONS)
            ? publications(expertId, row.get("publications"))
            : null,
        read.contains(Section.COLLABORATORS) ? collaborators(row.get("collaborators")) : null,
        read.contains(Section.COURSES) ? courses(expertId, row.get("courses")) : null,
        read.contains(Section.SCORES) ? scores(row.get("scores")) : null,
        read.contains(Section.REVIEWS) ? reviews(expertId, row.get("reviews")) : null,
        read.contains(Section.APPLICATIONS)
            ? careerEvents(expertId, e, promotions, row.get("applications"))
            : null,
        promotions != null ? careerStage(expertId, e, promotions, today) : null,
        read.contains(Section.CONTESTS) ? contests(expertId, row.get("contests")) : null);
  }

  private static List<ProfileSkill> skills(String expertId, Value list) {
    List<ProfileSkill> out = new ArrayList<>();
    for (Value h : list.values()) {
      SkillNode skill = SkillNode.from(h.get("skill"));
      String since = Vals.str(h.get("since"));
      Evidence claim =
          new Evidence(
              "HAS_SKILL",
              expertId + "-[HAS_SKILL]->" + skill.id(),
              Vals.str(h.get("evidence")),
              Vals.str(h.get("source")),
              since);
      Evidence last = since == null ? null : claim;
      for (Value s : h.get("seen").values()) {
        String date = Vals.str(s.get("date"));
        if (date == null) continue;
        if (last == null
            || last.date() == null
            || sortKey(date).compareTo(sortKey(last.date())) > 0) {
          last =
              new Evidence(
                  Vals.str(s.get("kind")),
                  Vals.str(s.get("ref")),
                  Vals.str(s.get("text")),
                  Vals.str(s.get("source")),
                  date);
        }
      }
      Integer level = Vals.integer(h.get("level"));
      out.add(
          new ProfileSkill(
              skill,
              level == null ? 0 : level,
              since,
              claim,
              last == null ? null : last.date(),
              last,
              Boolean.TRUE.equals(Vals.bool(h.get("contested")))));
    }
    out.sort(
        Comparator.comparingInt(ProfileSkill::level)
            .reversed()
            .thenComparing(s -> s.skill().name(), Comparator.nullsLast(Comparator.naturalOrder())));
    return out;
  }

  /** Dates, date-times and bare years compared as text: a year counts as its first day. */
  static String sortKey(String date) {
    if (date == null) return "";
    return date.length() == 4 ? date + "-01-01" : date;
  }

  private record ProjectRow(ProfileProject item, TimelineEvent event) {}

  private static ProjectRow project(String expertId, Value w) {
    ProjectNode p = ProjectNode.from(w.get("project"));
    String role = Vals.str(w.get("role"));
    String from = Vals.str(w.get("from"));
    String to = Vals.str(w.get("to"));
    Evidence ev =
        new Evidence(
            "WORKED_ON",
            expertId + "-[WORKED_ON]->" + p.id(),
            (role == null ? "member" : role) + " on " + (p.name() == null ? p.id() : p.name()),
            Vals.str(w.get("source")),
            from);
    ProfileProject item = new ProfileProject(p, role, from, to, ev);
    TimelineEvent event =
        new TimelineEvent(
            TimelineKind.PROJECT,
            from,
            to,
            ev.text() + " (" + p.id() + ")",
            p.id(),
            role,
            null,
            null,
            ev);
    return new ProjectRow(item, event);
  }

  private static List<TimelineEvent> timeline(
      String expertId, Value e, Value teams, List<ProjectRow> projects) {
    List<TimelineEvent> out = new ArrayList<>();
    String hiredAt = Vals.str(e.get("hiredAt"));
    if (hiredAt != null) {
      out.add(
          new TimelineEvent(
              TimelineKind.HIRED,
              hiredAt,
              null,
              "hired" + (e.get("title").isNull() ? "" : " as " + e.get("title").asString()),
              null,
              null,
              null,
              null,
              new Evidence(
                  "Expert", expertId, "hiredAt " + hiredAt, Vals.str(e.get("source")), hiredAt)));
    }
    for (Value m : teams.values()) {
      String type = m.get("type").asString();
      Value t = m.get("team");
      String name =
          Vals.str(t.get("name")) == null ? Vals.str(t.get("id")) : Vals.str(t.get("name"));
      String since = Vals.str(m.get("since"));
      boolean manages = "MANAGES".equals(type);
      out.add(
          new TimelineEvent(
              manages ? TimelineKind.MANAGES : TimelineKind.TEAM,
              since,
              null,
              (manages ? "manages team " : "member of team ") + name,
              Vals.str(t.get("id")),
              null,
              null,
              null,
              new Evidence(
                  type,
                  expertId + "-[" + type + "]->" + Vals.str(t.get("id")),
                  null,
                  Vals.str(m.get("source")),
                  since)));
    }
    projects.forEach(p -> out.add(p.event()));
    out.sort(BY_DATE);
    return out;
  }

  /** Date, kind, then what the event is about: a total order, whatever order the graph gives. */
  static final Comparator<TimelineEvent> BY_DATE =
      Comparator.comparing((TimelineEvent t) -> sortKey(t.date()))
          .thenComparing(TimelineEvent::kind)
          .thenComparing(TimelineEvent::refId, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(TimelineEvent::title, Comparator.nullsFirst(Comparator.naturalOrder()));

  private static List<ProfilePublication> publications(String expertId, Value list) {
    List<ProfilePublication> out = new ArrayList<>();
    for (Value a : list.values()) {
      PublicationNode p = PublicationNode.from(a.get("publication"));
      out.add(
          new ProfilePublication(
              p,
              Vals.strings(a.get("about")),
              new Evidence(
                  "AUTHORED",
                  expertId + "-[AUTHORED]->" + p.id(),
                  p.title(),
                  Vals.str(a.get("source")),
                  p.year() == null ? null : p.year().toString())));
    }
    out.sort(
        Comparator.comparing(
                (ProfilePublication p) -> p.publication().year(),
                Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(p -> p.publication().id()));
    return out;
  }

  private static List<ProfileCollaborator> collaborators(Value list) {
    List<ProfileCollaborator> out = new ArrayList<>();
    for (Value c : list.values()) {
      Integer count = Vals.integer(c.get("count"));
      Integer first = Vals.integer(c.get("firstYear"));
      Integer last = Vals.integer(c.get("lastYear"));
      List<String> projects = Vals.strings(c.get("projects")).stream().sorted().toList();
      List<String> papers = Vals.strings(c.get("publications")).stream().sorted().toList();
      String text =
          (count == null ? "" : count + " shared projects and papers")
              + (first == null ? "" : ", " + first + "-" + last)
              + (projects.isEmpty() ? "" : "; projects " + String.join(", ", projects))
              + (papers.isEmpty() ? "" : "; papers " + String.join(", ", papers));
      out.add(
          new ProfileCollaborator(
              ExpertNode.from(c.get("expert")),
              count,
              first,
              last,
              projects,
              papers,
              new Evidence(
                  "COLLABORATED_WITH",
                  Vals.str(c.get("ref")),
                  text,
                  Vals.str(c.get("source")),
                  last == null ? null : last.toString())));
    }
    out.sort(
        Comparator.comparing((ProfileCollaborator c) -> c.count() == null ? 0 : c.count())
            .reversed()
            .thenComparing(c -> c.expert().id()));
    return out;
  }

  private static List<ProfileCourse> courses(String expertId, Value list) {
    List<ProfileCourse> out = new ArrayList<>();
    for (Value n : list.values()) {
      CourseNode c = CourseNode.from(n.get("course"));
      Integer before = Vals.integer(n.get("levelBefore"));
      Integer after = Vals.integer(n.get("levelAfter"));
      String status = Vals.str(n.get("status"));
      String started = Vals.str(n.get("startedAt"));
      String completed = Vals.str(n.get("completedAt"));
      String skillId = Vals.str(n.get("skillId"));
      String text =
          (status == null ? "enrolled" : status)
              + (before != null && after != null
                  ? ", level in " + skillId + " " + before + " -> " + after
                  : "");
      out.add(
          new ProfileCourse(
              c,
              status,
              started,
              completed,
              Vals.dbl(n.get("score")),
              SkillNode.from(n.get("skill")),
              before,
              after,
              before != null && after != null ? after - before : null,
              null,
              null,
              new Evidence(
                  "ENROLLED",
                  expertId + "-[ENROLLED]->" + c.id(),
                  text,
                  Vals.str(n.get("source")),
                  completed != null ? completed : started)));
    }
    out.sort(
        Comparator.comparing((ProfileCourse c) -> sortKey(c.startedAt()))
            .thenComparing(c -> c.course().id()));
    return out;
  }

  private static List<ProfileScore> scores(Value list) {
    List<ProfileScore> out = new ArrayList<>();
    for (Value s : list.values()) {
      ScoreView score = ScoreView.from(s);
      String modelId = Vals.str(s.get("modelId"));
      out.add(
          new ProfileScore(
              score,
              Boolean.TRUE.equals(Vals.bool(s.get("contested"))),
              new Evidence(
                  "Score",
                  Vals.str(s.get("id")),
                  "by model " + (modelId == null ? score.model() + ":" + score.version() : modelId),
                  "model",
                  score.at())));
    }
    out.sort(
        Comparator.comparing((ProfileScore s) -> s.score().model())
            .thenComparing(
                s -> s.evidence().ref(), Comparator.nullsFirst(Comparator.naturalOrder())));
    return out;
  }

  private static List<ProfileReview> reviews(String expertId, Value list) {
    List<ProfileReview> out = new ArrayList<>();
    for (Value r : list.values()) {
      Integer rating = Vals.integer(r.get("rating"));
      var review =
          new PerformanceReview(
              Vals.str(r.get("id")),
              Vals.integer(r.get("year")),
              rating,
              Vals.str(r.get("summary")));
      String date = Vals.str(r.get("date"));
      out.add(
          new ProfileReview(
              review,
              date,
              new Evidence(
                  "PerformanceReview",
                  review.id(),
                  "rating " + rating + (review.year() == null ? "" : " for " + review.year()),
                  Vals.str(r.get("source")),
                  date)));
    }
    out.sort(
        Comparator.comparing(
                (ProfileReview r) -> r.review().year(),
                Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(r -> r.review().id(), Comparator.nullsFirst(Comparator.naturalOrder())));
    return out;
  }

  private static List<TimelineEvent> careerEvents(
      String expertId, Value e, List<Value> promotions, Value applications) {
    List<TimelineEvent> out = new ArrayList<>();
    for (Value p : promotions) {
      Integer from = Vals.integer(p.get("fromGrade"));
      Integer to = Vals.integer(p.get("toGrade"));
      String date = Vals.str(p.get("date"));
      String title = "promoted from grade " + from + " to " + to;
      out.add(
          new TimelineEvent(
              TimelineKind.PROMOTED,
              date,
              null,
              title,
              Vals.str(p.get("id")),
              null,
              to,
              null,
              new Evidence(
                  "Promotion", Vals.str(p.get("id")), title, Vals.str(p.get("source")), date)));
    }
    for (Value a : applications.values()) {
      Value j = a.get("opening");
      String stage = Vals.str(a.get("stage"));
      String opening = Vals.str(j.get("id"));
      String title =
          "applied to "
              + (Vals.str(j.get("title")) == null
                  ? opening
                  : Vals.str(j.get("title")) + " (" + opening + ")")
              + ": "
              + stage;
      String applied = Vals.str(a.get("appliedAt"));
      out.add(
          new TimelineEvent(
              TimelineKind.INTERNAL_APPLICATION,
              applied,
              Vals.str(a.get("closedAt")),
              title,
              opening,
              null,
              null,
              stage,
              new Evidence(
                  "Application",
                  Vals.str(a.get("id")),
                  title,
                  Vals.str(a.get("source")),
                  applied)));
    }
    String departed = Vals.str(e.get("departedAt"));
    if (departed != null) {
      String reason = Vals.str(e.get("departureReason"));
      out.add(
          new TimelineEvent(
              TimelineKind.DEPARTED,
              departed,
              null,
              "left the company" + (reason == null ? "" : " (" + reason + ")"),
              null,
              null,
              null,
              reason,
              new Evidence(
                  "Expert",
                  expertId,
                  "departedAt " + departed + (reason == null ? "" : ", departureReason " + reason),
                  Vals.str(e.get("source")),
                  departed)));
    }
    out.sort(BY_DATE);
    return out;
  }

  /** Grade band, tenure and time in grade; see {@code type CareerStage}. */
  static CareerStage careerStage(
      String expertId, Value e, List<Value> promotions, LocalDate today) {
    Integer grade = Vals.integer(e.get("grade"));
    String status = Vals.str(e.get("status"));
    LocalDate hired = date(Vals.str(e.get("hiredAt")));
    LocalDate departed = date(Vals.str(e.get("departedAt")));
    LocalDate end = departed != null ? departed : today;
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        new Evidence(
            "Expert",
            expertId,
            "grade "
                + grade
                + ", hiredAt "
                + hired
                + (departed == null ? "" : ", departedAt " + departed),
            Vals.str(e.get("source")),
            hired == null ? null : hired.toString()));
    Value last = null;
    LocalDate lastDate = null;
    for (Value p : promotions) {
      LocalDate d = date(Vals.str(p.get("date")));
      if (d != null && (lastDate == null || d.isAfter(lastDate))) {
        last = p;
        lastDate = d;
      }
    }
    LocalDate inGradeSince = lastDate != null ? lastDate : hired;
    if (last != null) {
      evidence.add(
          new Evidence(
              "Promotion",
              Vals.str(last.get("id")),
              "promoted to grade " + Vals.integer(last.get("toGrade")),
              Vals.str(last.get("source")),
              Vals.str(last.get("date"))));
    }
    Double years = hired == null ? null : round(ChronoUnit.DAYS.between(hired, end) / 365.25);
    Double inGrade =
        inGradeSince == null ? null : round(ChronoUnit.DAYS.between(inGradeSince, end) / 365.25);
    CareerStageKind stage =
        grade == null
            ? CareerStageKind.UNKNOWN
            : grade <= 2
                ? CareerStageKind.EARLY_CAREER
                : grade <= 4
                    ? CareerStageKind.MID_CAREER
                    : grade == 5 ? CareerStageKind.SENIOR : CareerStageKind.PRINCIPAL;
    String rule =
        grade == null
            ? "no grade recorded"
            : String.format(
                    Locale.ROOT,
                    "grade %d -> %s (1-2 early career, 3-4 mid career, 5 senior, 6 principal)",
                    grade,
                    stage)
                + (years == null
                    ? ""
                    : String.format(Locale.ROOT, "; %.1f years at the company", years))
                + (inGrade == null
                    ? ""
                    : String.format(
                        Locale.ROOT,
                        ", %.1f in grade since %s",
                        inGrade,
                        last == null ? "the hire" : "promotion " + Vals.str(last.get("id"))))
                + (departed == null ? "" : "; left on " + departed);
    return new CareerStage(stage, grade, years, inGrade, status, rule, evidence);
  }

  private static LocalDate date(String s) {
    if (s == null || s.length() < 10) return null;
    try {
      return LocalDate.parse(s.substring(0, 10));
    } catch (RuntimeException ex) {
      return null;
    }
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static List<Contest> contests(String expertId, Value list) {
    List<Contest> out = new ArrayList<>();
    for (Value c : list.values()) {
      Contest contest = contest(expertId, c);
      if (contest != null) out.add(contest);
    }
    out.sort(Comparator.comparing(Contest::at, Comparator.nullsLast(Comparator.reverseOrder())));
    return out;
  }

  /**
   * A Contest node's map (with {@code at}/{@code resolvedAt} as text); null when it does not follow
   * ADR 0006.
   */
  static Contest contest(String expertId, Value c) {
    String type = Vals.str(c.get("factType"));
    String key = Vals.str(c.get("factKey"));
    String status = Vals.str(c.get("status"));
    String at = Vals.str(c.get("at"));
    ContestFactType factType;
    ContestStatus contestStatus;
    try {
      factType = ContestFactType.valueOf(type.toUpperCase(Locale.ROOT));
      contestStatus = ContestStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      return null;
    }
    return new Contest(
        Vals.str(c.get("id")),
        expertId,
        factType,
        key,
        Vals.str(c.get("reason")),
        contestStatus,
        at,
        Vals.str(c.get("actor")),
        Vals.str(c.get("resolvedAt")),
        Vals.str(c.get("resolvedBy")),
        Vals.str(c.get("resolution")),
        Vals.integer(c.get("previousLevel")),
        Vals.str(c.get("previousEvidence")),
        new Evidence(
            "Contest",
            Vals.str(c.get("id")),
            "CONTESTED by "
                + expertId
                + ", CONCERNS "
                + ("skill".equals(type)
                    ? expertId + "-[HAS_SKILL]->" + key
                    : "Score " + expertId + "/" + key),
            "contest",
            at));
  }
}
