package dev.talentgraph.importers.demo;

import dev.talentgraph.importers.demo.DemoData.Row;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.PersonalFields;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.recruiting.Stage;
import dev.talentgraph.schema.recruiting.StageMachine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a {@link DemoData} as a whole before anything is written: unique ids, every reference
 * resolvable, levels in range, no duplicate relationship (MERGE would silently fold it and the
 * counts would disagree), acyclic BROADER and PREREQUISITE_OF. The loader refuses data with
 * problems, so a bug in the generator shows up as a message rather than as a half-plausible graph.
 */
final class DemoValidator {
  /** Stop collecting after this many problems; the first few say enough. */
  static final int MAX_PROBLEMS = 50;

  private final List<String> problems = new ArrayList<>();

  private DemoValidator() {}

  /** The problems found, empty when the data is sound. */
  public static List<String> validate(DemoData d) {
    DemoValidator v = new DemoValidator();
    v.run(d);
    return List.copyOf(v.problems);
  }

  private void problem(String message) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(message);
    }
  }

  private <T> Set<String> ids(String label, List<T> items, Function<T, String> id) {
    Set<String> out = new HashSet<>();
    for (T t : items) {
      String i = id.apply(t);
      if (i == null || i.isBlank()) {
        problem(label + " with an empty id: " + t);
      } else if (!out.add(i)) {
        problem("duplicate " + label + " id " + i);
      }
    }
    return out;
  }

  private void ref(String what, String id, Set<String> known, Object in) {
    if (!known.contains(id)) {
      problem(what + " '" + id + "' does not exist, in " + in);
    }
  }

  private void level(String what, Integer level, int min, Object in) {
    if (level == null || level < min || level > Props.MAX_LEVEL) {
      problem(what + " " + level + " is outside " + min + ".." + Props.MAX_LEVEL + ", in " + in);
    }
  }

  private <T extends Row> void unique(String type, List<T> rels, Function<T, String> key) {
    Set<String> seen = new HashSet<>();
    for (T r : rels) {
      if (!seen.add(key.apply(r))) {
        problem("duplicate " + type + " " + key.apply(r));
      }
    }
  }

  private void run(DemoData d) {
    Set<String> skills = ids(Labels.SKILL, d.skills(), DemoData.Skill::id);
    Set<String> teams = ids(Labels.TEAM, d.teams(), DemoData.Team::id);
    Set<String> experts = ids(Labels.EXPERT, d.experts(), DemoData.Expert::id);
    Set<String> courses = ids(Labels.COURSE, d.courses(), DemoData.Course::id);
    Set<String> projects = ids(Labels.PROJECT, d.projects(), DemoData.Project::id);
    Set<String> pubs = ids(Labels.PUBLICATION, d.publications(), DemoData.Publication::id);
    ids(Labels.PERFORMANCE_REVIEW, d.reviews(), DemoData.Review::id);
    ids(Labels.PROMOTION, d.promotions(), DemoData.Promotion::id);
    Set<String> openings = ids(Labels.JOB_OPENING, d.openings(), DemoData.JobOpening::id);
    Set<String> candidates = ids(Labels.CANDIDATE, d.candidates(), DemoData.Candidate::id);
    ids(Labels.APPLICATION, d.applications(), DemoData.Application::id);
    Map<String, Set<String>> byLabel =
        Map.of(
            Labels.EXPERT,
            experts,
            Labels.CANDIDATE,
            candidates,
            Labels.PROJECT,
            projects,
            Labels.JOB_OPENING,
            openings);

    Map<String, String> broader = new HashMap<>();
    for (DemoData.Skill s : d.skills()) {
      if (s.broaderId() != null) {
        ref("broader skill", s.broaderId(), skills, s);
        broader.put(s.id(), s.broaderId());
      }
    }
    for (DemoData.Skill s : d.skills()) { // a chain longer than the catalog is a cycle
      int steps = 0;
      for (String b = s.broaderId(); b != null && steps <= d.skills().size(); b = broader.get(b)) {
        steps++;
      }
      if (steps > d.skills().size()) {
        problem("BROADER cycle through skill " + s.id());
      }
    }
    d.related()
        .forEach(
            r -> {
              ref("skill", r.fromSkill(), skills, r);
              ref("skill", r.toSkill(), skills, r);
            });
    d.experts()
        .forEach(
            e -> {
              ref("team", e.teamId(), teams, e);
              if (e.grade() < 1 || e.grade() > 6) {
                problem("grade " + e.grade() + " is outside 1..6, in " + e);
              }
              if (e.departedAt() != null && !e.departedAt().isAfter(e.hiredAt())) {
                problem("expert " + e.id() + " departed before being hired");
              }
            });
    Set<String> withPersonal = new HashSet<>();
    d.personal()
        .forEach(
            p -> {
              ref("expert", p.expertId(), experts, "personal data");
              if (!withPersonal.add(p.expertId())) {
                problem("two personal data records for expert " + p.expertId());
              }
              if (!p.values().keySet().containsAll(PersonalFields.ALL)) {
                problem(
                    "personal data of "
                        + p.expertId()
                        + " lacks fields; has "
                        + p.values().keySet());
              }
            });
    d.memberships()
        .forEach(
            m -> {
              ref("expert", m.expertId(), experts, m);
              ref("team", m.teamId(), teams, m);
            });
    unique("MEMBER_OF", d.memberships(), m -> m.expertId() + "->" + m.teamId());
    d.manages()
        .forEach(
            m -> {
              ref("expert", m.expertId(), experts, m);
              ref("team", m.teamId(), teams, m);
            });
    unique("MANAGES", d.manages(), m -> m.expertId() + "->" + m.teamId());
    d.mentorships()
        .forEach(
            m -> {
              ref("mentor", m.mentorId(), experts, m);
              ref("mentee", m.menteeId(), experts, m);
              if (m.mentorId().equals(m.menteeId())) {
                problem("expert mentors themself: " + m);
              }
            });
    unique("MENTORS", d.mentorships(), m -> m.mentorId() + "->" + m.menteeId());
    d.hasSkills()
        .forEach(
            h -> {
              ref(h.ownerLabel(), h.ownerId(), byLabel.getOrDefault(h.ownerLabel(), Set.of()), h);
              ref("skill", h.skillId(), skills, h);
              level("HAS_SKILL level", h.level(), Props.MIN_LEVEL, h);
            });
    unique(
        "HAS_SKILL", d.hasSkills(), h -> h.ownerLabel() + ":" + h.ownerId() + "->" + h.skillId());
    d.teaches()
        .forEach(
            t -> {
              ref("course", t.courseId(), courses, t);
              ref("skill", t.skillId(), skills, t);
              level("TEACHES level", t.level(), Props.MIN_LEVEL, t);
            });
    unique("TEACHES", d.teaches(), t -> t.courseId() + "->" + t.skillId());
    Map<String, List<String>> next = new HashMap<>();
    d.prerequisites()
        .forEach(
            p -> {
              ref("course", p.prerequisiteId(), courses, p);
              ref("course", p.courseId(), courses, p);
              next.computeIfAbsent(p.prerequisiteId(), k -> new ArrayList<>()).add(p.courseId());
            });
    unique("PREREQUISITE_OF", d.prerequisites(), p -> p.prerequisiteId() + "->" + p.courseId());
    String cycle = findCycle(next);
    if (cycle != null) {
      problem("PREREQUISITE_OF cycle: " + cycle);
    }
    d.enrollments()
        .forEach(
            e -> {
              ref("expert", e.expertId(), experts, e);
              ref("course", e.courseId(), courses, e);
              if (e.status().equals("completed")) {
                level("levelBefore", e.levelBefore(), 0, e);
                level("levelAfter", e.levelAfter(), 0, e);
                if (e.levelAfter() != null
                    && e.levelBefore() != null
                    && e.levelAfter() < e.levelBefore()) {
                  problem("a completed course lowered a skill level: " + e);
                }
              }
            });
    unique("ENROLLED", d.enrollments(), e -> e.expertId() + "->" + e.courseId());
    d.requires()
        .forEach(
            r -> {
              ref(r.ownerLabel(), r.ownerId(), byLabel.getOrDefault(r.ownerLabel(), Set.of()), r);
              ref("skill", r.skillId(), skills, r);
              level("REQUIRES level", r.level(), Props.MIN_LEVEL, r);
            });
    unique("REQUIRES", d.requires(), r -> r.ownerLabel() + ":" + r.ownerId() + "->" + r.skillId());
    d.workedOn()
        .forEach(
            w -> {
              ref("expert", w.expertId(), experts, w);
              ref("project", w.projectId(), projects, w);
            });
    unique("WORKED_ON", d.workedOn(), w -> w.expertId() + "->" + w.projectId());
    d.authored()
        .forEach(
            a -> {
              ref("expert", a.expertId(), experts, a);
              ref("publication", a.publicationId(), pubs, a);
            });
    unique("AUTHORED", d.authored(), a -> a.expertId() + "->" + a.publicationId());
    d.about()
        .forEach(
            a -> {
              ref("publication", a.publicationId(), pubs, a);
              ref("skill", a.skillId(), skills, a);
            });
    unique("ABOUT", d.about(), a -> a.publicationId() + "->" + a.skillId());
    d.collaborations()
        .forEach(
            c -> {
              ref("expert", c.fromId(), experts, c);
              ref("expert", c.toId(), experts, c);
              if (c.fromId().compareTo(c.toId()) >= 0) {
                problem("COLLABORATED_WITH must go from the smaller id to the larger: " + c);
              }
              if (c.count() < 1 || c.firstYear() > c.lastYear()) {
                problem("COLLABORATED_WITH with count < 1 or firstYear > lastYear: " + c);
              }
            });
    unique("COLLABORATED_WITH", d.collaborations(), c -> c.fromId() + "->" + c.toId());
    d.reviews()
        .forEach(
            r -> {
              ref("expert", r.expertId(), experts, r);
              if (r.rating() < 1 || r.rating() > 5) {
                problem("rating outside 1..5: " + r);
              }
            });
    d.promotions()
        .forEach(
            p -> {
              ref("expert", p.expertId(), experts, p);
              if (p.toGrade() != p.fromGrade() + 1) {
                problem("a promotion moves one grade up: " + p);
              }
            });
    recruiting(d, skills, teams, experts, openings, candidates, byLabel);
  }

  private static final Set<String> REMOTE_POLICIES = Set.of("onsite", "hybrid", "remote");
  private static final Set<String> OPENING_STATUSES = Set.of("open", "on_hold", "closed");
  private static final Set<String> HIRING_ROLES =
      Set.of("hiring_manager", "interviewer", "recruiter");
  private static final Set<String> RECOMMENDATIONS = Set.of("strong_no", "no", "yes", "strong_yes");

  /**
   * Whether {@link StageMachine} allows the move {@code from} (round) to {@code to} (round) for an
   * opening of {@code rounds}, with the demo's stricter reading: every stage is spelled as today,
   * every interview names its round, and a move into an interview lands on the round the machine
   * says.
   */
  static boolean allowed(String from, Integer fromRound, String to, Integer toRound, int rounds) {
    Stage f = Stage.ofGraph(from);
    Stage t = Stage.ofGraph(to);
    if (f == null || t == null) {
      return false;
    }
    if (f == Stage.INTERVIEW
        && fromRound == null
        && !(t == Stage.REJECTED || t == Stage.WITHDRAWN)) {
      return false;
    }
    StageMachine.Move move = StageMachine.move(f, fromRound, rounds, t);
    return move.ok() && (t != Stage.INTERVIEW || Objects.equals(move.to().round(), toRound));
  }

  /**
   * Openings, hiring teams, applications with their move history, assessments, interviews and hires
   * (ADR 0006).
   */
  private void recruiting(
      DemoData d,
      Set<String> skills,
      Set<String> teams,
      Set<String> experts,
      Set<String> openings,
      Set<String> candidates,
      Map<String, Set<String>> byLabel) {
    Map<String, DemoData.JobOpening> openingById = new HashMap<>();
    d.openings()
        .forEach(
            o -> {
              openingById.put(o.id(), o);
              ref("team", o.teamId(), teams, o);
              if (o.interviewRounds() < 1 || o.interviewRounds() > 10 || o.headcount() < 1) {
                problem("interviewRounds outside 1..10 or headcount below 1 in " + o);
              }
              if (!REMOTE_POLICIES.contains(o.remotePolicy())
                  || !OPENING_STATUSES.contains(o.status())
                  || o.location() == null) {
                problem("unknown remotePolicy or status, or no location, in " + o);
              }
              if (o.status().equals("closed") != (o.closedAt() != null)) {
                problem("closedAt is set exactly on closed openings: " + o);
              }
            });
    Map<String, Map<String, String>> team = new HashMap<>(); // opening -> expert -> role
    d.hiringTeams()
        .forEach(
            h -> {
              ref("expert", h.expertId(), experts, h);
              ref("job opening", h.openingId(), openings, h);
              if (!HIRING_ROLES.contains(h.role())) {
                problem("unknown hiring team role '" + h.role() + "' in " + h);
              }
              team.computeIfAbsent(h.openingId(), k -> new HashMap<>()).put(h.expertId(), h.role());
            });
    unique("ON_HIRING_TEAM", d.hiringTeams(), h -> h.expertId() + "->" + h.openingId());
    d.openings()
        .forEach(
            o -> {
              long managers =
                  team.getOrDefault(o.id(), Map.of()).values().stream()
                      .filter("hiring_manager"::equals)
                      .count();
              if (managers != 1) {
                problem(
                    "opening "
                        + o.id()
                        + " has "
                        + managers
                        + " hiring managers, wants exactly one");
              }
            });

    Map<String, DemoData.Application> apps = new HashMap<>();
    Map<String, Long> hires = new HashMap<>();
    d.applications()
        .forEach(
            a -> {
              apps.put(a.id(), a);
              ref(
                  a.applicantLabel(),
                  a.applicantId(),
                  byLabel.getOrDefault(a.applicantLabel(), Set.of()),
                  a);
              ref("job opening", a.openingId(), openings, a);
              if (!DemoGenerator.STAGES.contains(a.stage())) {
                problem("unknown application stage '" + a.stage() + "' in " + a);
                return;
              }
              DemoData.JobOpening o = openingById.get(a.openingId());
              if (a.stage().equals(Stage.INTERVIEW.graph()) != (a.round() != null)
                  || a.round() != null
                      && o != null
                      && (a.round() < 1 || a.round() > o.interviewRounds())) {
                problem("round is set (1..interviewRounds) exactly while in stage interview: " + a);
              }
              if (DemoGenerator.FINAL_STAGES.contains(a.stage()) != (a.closedAt() != null)) {
                problem("closedAt is set exactly in a final stage: " + a);
              }
              if (a.updatedAt().isBefore(a.appliedAt())
                  || a.updatedAt().isAfter(d.settings().asOf())) {
                problem("updatedAt before appliedAt or after today: " + a);
              }
              if (a.stage().equals(Stage.HIRED.graph())) {
                hires.merge(a.openingId(), 1L, Long::sum);
              }
            });
    unique("application", d.applications(), a -> a.applicantId() + "->" + a.openingId());
    d.openings()
        .forEach(
            o -> {
              long n = hires.getOrDefault(o.id(), 0L);
              if (o.status().equals("closed") ? n != o.headcount() : n >= o.headcount()) {
                problem(
                    "opening "
                        + o.id()
                        + " ("
                        + o.status()
                        + ", headcount "
                        + o.headcount()
                        + ") has "
                        + n
                        + " hires");
              }
            });

    // the move history: seq 1.. from "applied", each move allowed, in time order, ending in the
    // current stage
    ids(Labels.STAGE_CHANGE, d.stageChanges(), DemoData.StageChange::id);
    Map<String, List<DemoData.StageChange>> moves = new HashMap<>();
    d.stageChanges()
        .forEach(m -> moves.computeIfAbsent(m.applicationId(), k -> new ArrayList<>()).add(m));
    moves.keySet().forEach(id -> ref("application", id, apps.keySet(), "stage changes"));
    for (DemoData.Application a : d.applications()) {
      List<DemoData.StageChange> h = moves.getOrDefault(a.id(), List.of());
      DemoData.JobOpening o = openingById.get(a.openingId());
      if (!DemoGenerator.STAGES.contains(a.stage())) {
        continue; // named above
      }
      if (h.isEmpty() || o == null) {
        problem("application " + a.id() + " has no move history");
        continue;
      }
      DemoData.StageChange first = h.get(0);
      if (first.seq() != 1
          || first.from() != null
          || !first.to().equals(Stage.APPLIED.graph())
          || !first.at().toLocalDate().equals(a.appliedAt())) {
        problem("the first move of " + a.id() + " is not 'applied' on appliedAt: " + first);
      }
      for (int i = 1; i < h.size(); i++) {
        DemoData.StageChange prev = h.get(i - 1);
        DemoData.StageChange m = h.get(i);
        if (m.seq() != i + 1
            || !prev.to().equals(m.from())
            || m.at().isBefore(prev.at())
            || !allowed(m.from(), prev.round(), m.to(), m.round(), o.interviewRounds())) {
          problem(
              "move "
                  + m.id()
                  + " does not follow "
                  + prev.id()
                  + " (ADR 0006 transitions, seq, time)");
        }
        if ((m.to().equals(Stage.REJECTED.graph()) || m.to().equals(Stage.WITHDRAWN.graph()))
            && (m.reason() == null || m.reason().isBlank())) {
          problem("move " + m.id() + " to " + m.to() + " gives no reason");
        }
      }
      DemoData.StageChange last = h.get(h.size() - 1);
      if (!last.to().equals(a.stage())
          || !java.util.Objects.equals(last.round(), a.round())
          || !last.at().toLocalDate().equals(a.updatedAt())) {
        problem("the last move of " + a.id() + " is not its stage/round on updatedAt: " + last);
      }
      h.forEach(
          m -> {
            if (m.actor() == null || m.actor().isBlank()) {
              problem("move " + m.id() + " has no actor");
            }
          });
    }

    Set<String> assessments = ids(Labels.ASSESSMENT, d.assessments(), DemoData.Assessment::id);
    d.assessments()
        .forEach(
            x -> {
              ref("application", x.applicationId(), apps.keySet(), x);
              if (x.overall() < 1 || x.overall() > 5) {
                problem("assessment overall outside 1..5: " + x);
              }
            });
    unique("HAS_ASSESSMENT", d.assessments(), DemoData.Assessment::applicationId);
    d.measured()
        .forEach(
            m -> {
              ref("assessment", m.assessmentId(), assessments, m);
              ref("skill", m.skillId(), skills, m);
              level("MEASURED level", m.level(), Props.MIN_LEVEL, m);
            });
    unique("MEASURED", d.measured(), m -> m.assessmentId() + "->" + m.skillId());

    Set<String> interviews = ids(Labels.INTERVIEW, d.interviews(), DemoData.Interview::id);
    d.interviews()
        .forEach(
            iv -> {
              ref("application", iv.applicationId(), apps.keySet(), iv);
              ref("expert", iv.interviewerId(), experts, iv);
              DemoData.Application a = apps.get(iv.applicationId());
              if (a != null
                  && !team.getOrDefault(a.openingId(), Map.of()).containsKey(iv.interviewerId())) {
                problem(
                    "interviewer "
                        + iv.interviewerId()
                        + " of "
                        + iv.id()
                        + " is not on the hiring team of "
                        + a.openingId());
              }
              if (iv.scores().size() != iv.competencies().size()
                  || iv.scores().stream().anyMatch(x -> x < 1 || x > 5)
                  || !RECOMMENDATIONS.contains(iv.recommendation())) {
                problem(
                    "interview scores (1..5, one per competency) or recommendation invalid: " + iv);
              }
            });
    unique("HAS_INTERVIEW round", d.interviews(), iv -> iv.applicationId() + "#" + iv.round());
    Set<String> withFeedback = new HashSet<>();
    d.feedback()
        .forEach(
            f -> {
              ref("interview", f.interviewId(), interviews, "feedback");
              if (!withFeedback.add(f.interviewId()) || f.text() == null || f.text().isBlank()) {
                problem("interview " + f.interviewId() + " has a second or an empty feedback");
              }
            });

    // hired external candidates are Experts too, members of the opening's team since the hire
    Map<String, String> teamOf = new HashMap<>();
    d.memberships().forEach(m -> teamOf.put(m.expertId(), m.teamId()));
    d.applications().stream()
        .filter(a -> a.stage().equals(Stage.HIRED.graph()))
        .forEach(
            a -> {
              DemoData.JobOpening o = openingById.get(a.openingId());
              if (o != null && !o.teamId().equals(teamOf.get(a.applicantId()))) {
                problem(
                    "hired applicant "
                        + a.applicantId()
                        + " is not a MEMBER_OF "
                        + o.teamId()
                        + " of "
                        + o.id());
              }
              if (a.applicantLabel().equals(Labels.CANDIDATE)
                  && !experts.contains(a.applicantId())) {
                problem("hired candidate " + a.applicantId() + " is not an Expert");
              }
            });
    d.experts().stream()
        .filter(e -> candidates.contains(e.id()) && (e.hiredAt() == null || e.status() == null))
        .forEach(e -> problem("hired candidate " + e.id() + " has no hiredAt or status"));

    // contests: of an expert's own skill, which is marked contested; resolved ones say by whom and
    // how
    ids(Labels.CONTEST, d.contests(), DemoData.Contest::id);
    Set<String> contestedSkills = new HashSet<>();
    d.hasSkills().stream()
        .filter(h -> Boolean.TRUE.equals(h.contested()))
        .forEach(h -> contestedSkills.add(h.ownerId() + "->" + h.skillId()));
    Set<String> contestKeys = new HashSet<>();
    d.contests()
        .forEach(
            c -> {
              ref("expert", c.expertId(), experts, c);
              ref("skill", c.skillId(), skills, c);
              contestKeys.add(c.expertId() + "->" + c.skillId());
              if (!contestedSkills.contains(c.expertId() + "->" + c.skillId())) {
                problem(
                    "contest " + c.id() + " concerns no contested HAS_SKILL of " + c.expertId());
              }
              if (!Set.of("open", "upheld", "dismissed").contains(c.status())
                  || c.status().equals("open")
                      != (c.resolvedAt() == null
                          || c.resolvedBy() == null
                          || c.resolution() == null)) {
                problem(
                    "contest "
                        + c.id()
                        + " has an unknown status or resolution fields that disagree with it");
              }
            });
    contestedSkills.stream()
        .filter(k -> !contestKeys.contains(k))
        .forEach(k -> problem("HAS_SKILL " + k + " is contested by no contest"));
  }

  /** A cycle in a directed graph as "a -> b -> a", or null; iterative DFS with colours. */
  static String findCycle(Map<String, List<String>> next) {
    Map<String, Integer> colour = new HashMap<>(); // 1 on stack, 2 done
    for (String start : next.keySet()) {
      if (colour.containsKey(start)) {
        continue;
      }
      List<String> path = new ArrayList<>();
      List<java.util.Iterator<String>> its = new ArrayList<>();
      path.add(start);
      its.add(next.getOrDefault(start, List.of()).iterator());
      colour.put(start, 1);
      while (!path.isEmpty()) {
        java.util.Iterator<String> it = its.get(its.size() - 1);
        if (it.hasNext()) {
          String n = it.next();
          Integer c = colour.get(n);
          if (c == null) {
            colour.put(n, 1);
            path.add(n);
            its.add(next.getOrDefault(n, List.of()).iterator());
          } else if (c == 1) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(n), path.size()));
            loop.add(n);
            return String.join(" -> ", loop);
          }
        } else {
          colour.put(path.remove(path.size() - 1), 2);
          its.remove(its.size() - 1);
        }
      }
    }
    return null;
  }
}
