package dev.talentgraph.importers.demo;

import dev.talentgraph.importers.demo.DemoData.Row;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.PersonalFields;
import dev.talentgraph.schema.Props;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a {@link DemoData} as a whole before anything is written: unique ids, every reference
 * resolvable, levels in range, no duplicate relationship (MERGE would silently fold it and the
 * counts would disagree), acyclic BROADER and PREREQUISITE_OF. The loader refuses data with
 * problems, so a bug in the generator shows up as a message rather than as a half-plausible graph.
 */
public final class DemoValidator {
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
    Map<String, Set<String>> byLabel = Map.of(Labels.EXPERT, experts, Labels.CANDIDATE, candidates,
        Labels.PROJECT, projects, Labels.JOB_OPENING, openings);

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
    d.related().forEach(r -> {
      ref("skill", r.fromSkill(), skills, r);
      ref("skill", r.toSkill(), skills, r);
    });
    d.experts().forEach(e -> {
      ref("team", e.teamId(), teams, e);
      if (e.grade() < 1 || e.grade() > 6) {
        problem("grade " + e.grade() + " is outside 1..6, in " + e);
      }
      if (e.departedAt() != null && !e.departedAt().isAfter(e.hiredAt())) {
        problem("expert " + e.id() + " departed before being hired");
      }
    });
    Set<String> withPersonal = new HashSet<>();
    d.personal().forEach(p -> {
      ref("expert", p.expertId(), experts, "personal data");
      if (!withPersonal.add(p.expertId())) {
        problem("two personal data records for expert " + p.expertId());
      }
      if (!p.values().keySet().containsAll(PersonalFields.ALL)) {
        problem("personal data of " + p.expertId() + " lacks fields; has " + p.values().keySet());
      }
    });
    d.memberships().forEach(m -> {
      ref("expert", m.expertId(), experts, m);
      ref("team", m.teamId(), teams, m);
    });
    unique("MEMBER_OF", d.memberships(), m -> m.expertId() + "->" + m.teamId());
    d.manages().forEach(m -> {
      ref("expert", m.expertId(), experts, m);
      ref("team", m.teamId(), teams, m);
    });
    unique("MANAGES", d.manages(), m -> m.expertId() + "->" + m.teamId());
    d.mentorships().forEach(m -> {
      ref("mentor", m.mentorId(), experts, m);
      ref("mentee", m.menteeId(), experts, m);
      if (m.mentorId().equals(m.menteeId())) {
        problem("expert mentors themself: " + m);
      }
    });
    unique("MENTORS", d.mentorships(), m -> m.mentorId() + "->" + m.menteeId());
    d.hasSkills().forEach(h -> {
      ref(h.ownerLabel(), h.ownerId(), byLabel.getOrDefault(h.ownerLabel(), Set.of()), h);
      ref("skill", h.skillId(), skills, h);
      level("HAS_SKILL level", h.level(), Props.MIN_LEVEL, h);
    });
    unique("HAS_SKILL", d.hasSkills(), h -> h.ownerLabel() + ":" + h.ownerId() + "->" + h.skillId());
    d.teaches().forEach(t -> {
      ref("course", t.courseId(), courses, t);
      ref("skill", t.skillId(), skills, t);
      level("TEACHES level", t.level(), Props.MIN_LEVEL, t);
    });
    unique("TEACHES", d.teaches(), t -> t.courseId() + "->" + t.skillId());
    Map<String, List<String>> next = new HashMap<>();
    d.prerequisites().forEach(p -> {
      ref("course", p.prerequisiteId(), courses, p);
      ref("course", p.courseId(), courses, p);
      next.computeIfAbsent(p.prerequisiteId(), k -> new ArrayList<>()).add(p.courseId());
    });
    unique("PREREQUISITE_OF", d.prerequisites(), p -> p.prerequisiteId() + "->" + p.courseId());
    String cycle = findCycle(next);
    if (cycle != null) {
      problem("PREREQUISITE_OF cycle: " + cycle);
    }
    d.enrollments().forEach(e -> {
      ref("expert", e.expertId(), experts, e);
      ref("course", e.courseId(), courses, e);
      if (e.status().equals("completed")) {
        level("levelBefore", e.levelBefore(), 0, e);
        level("levelAfter", e.levelAfter(), 0, e);
        if (e.levelAfter() != null && e.levelBefore() != null && e.levelAfter() < e.levelBefore()) {
          problem("a completed course lowered a skill level: " + e);
        }
      }
    });
    unique("ENROLLED", d.enrollments(), e -> e.expertId() + "->" + e.courseId());
    d.requires().forEach(r -> {
      ref(r.ownerLabel(), r.ownerId(), byLabel.getOrDefault(r.ownerLabel(), Set.of()), r);
      ref("skill", r.skillId(), skills, r);
      level("REQUIRES level", r.level(), Props.MIN_LEVEL, r);
    });
    unique("REQUIRES", d.requires(), r -> r.ownerLabel() + ":" + r.ownerId() + "->" + r.skillId());
    d.workedOn().forEach(w -> {
      ref("expert", w.expertId(), experts, w);
      ref("project", w.projectId(), projects, w);
    });
    unique("WORKED_ON", d.workedOn(), w -> w.expertId() + "->" + w.projectId());
    d.authored().forEach(a -> {
      ref("expert", a.expertId(), experts, a);
      ref("publication", a.publicationId(), pubs, a);
    });
    unique("AUTHORED", d.authored(), a -> a.expertId() + "->" + a.publicationId());
    d.about().forEach(a -> {
      ref("publication", a.publicationId(), pubs, a);
      ref("skill", a.skillId(), skills, a);
    });
    unique("ABOUT", d.about(), a -> a.publicationId() + "->" + a.skillId());
    d.collaborations().forEach(c -> {
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
    d.reviews().forEach(r -> {
      ref("expert", r.expertId(), experts, r);
      if (r.rating() < 1 || r.rating() > 5) {
        problem("rating outside 1..5: " + r);
      }
    });
    d.promotions().forEach(p -> {
      ref("expert", p.expertId(), experts, p);
      if (p.toGrade() != p.fromGrade() + 1) {
        problem("a promotion moves one grade up: " + p);
      }
    });
    d.openings().forEach(o -> ref("team", o.teamId(), teams, o));
    d.applications().forEach(a -> {
      ref(a.applicantLabel(), a.applicantId(), byLabel.getOrDefault(a.applicantLabel(), Set.of()), a);
      ref("job opening", a.openingId(), openings, a);
      if (!DemoGenerator.STAGES.contains(a.stage())) {
        problem("unknown application stage '" + a.stage() + "' in " + a);
      }
    });
    unique("application", d.applications(), a -> a.applicantId() + "->" + a.openingId());
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
