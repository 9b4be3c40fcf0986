package dev.talentgraph.teams;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.graphql.InvalidArgumentException;
import dev.talentgraph.ml.teams.TeamObjective;
import dev.talentgraph.ml.teams.TeamProblem;
import dev.talentgraph.ml.teams.TeamSolvers;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.skills.SkillCredit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Service;

/**
 * {@code formTeam}: reads the people who hold a requested skill or a stand-in (with their team,
 * current projects and collaboration ties) in one read transaction, builds a {@link TeamProblem}
 * with {@link SkillCredit} credits, solves it with {@link TeamSolvers#greedySwap} and explains the
 * answer: who covers what, what stays uncovered and why.
 */
@Service
class TeamService {
  static final int MAX_SIZE = 20;
  static final int MAX_SKILLS = 30;
  static final int MAX_COUNT = 10;

  private final Driver driver;
  private final String database;

  TeamService(Driver driver, SchemaMigrations schema) {
    this.driver = driver;
    this.database = schema.database();
  }

  /** One requested skill. */
  record SkillAsk(String skill, Integer level, Integer count, Boolean critical) {}

  /** {@code FormTeamInput}. */
  record FormTeamInput(
      List<SkillAsk> skills,
      Integer size,
      List<String> mustInclude,
      List<String> exclude,
      Integer maxFromOneTeam,
      Double availability) {}

  record TeamCover(
      String skillId, double credit, String viaSkillId, String relation, int levelHeld) {}

  record TeamMember(
      dev.talentgraph.graphql.nodes.ExpertNode expert,
      String teamId,
      String teamName,
      int currentProjects,
      double availability,
      boolean mustInclude,
      List<TeamCover> covers,
      List<String> workedWith) {}

  record TeamHolder(
      String expertId, String name, double credit, String viaSkillId, String relation) {}

  record TeamRequirement(
      String skillId,
      String skillName,
      int level,
      int count,
      boolean critical,
      int slots,
      double filled,
      List<TeamHolder> holders,
      String status) {}

  record UncoveredRequirement(String skillId, String skillName, double missing, String reason) {}

  record TeamProposal(
      List<TeamMember> members,
      List<TeamRequirement> requirements,
      List<UncoveredRequirement> uncovered,
      double coverage,
      double cohesion,
      int pairsWorkedTogether,
      double capacity,
      double score,
      int candidates,
      String method) {}

  static final String METHOD =
      "greedy + 1-swap local search on coverage + "
          + TeamObjective.COHESION
          + " cohesion + "
          + TeamObjective.CAPACITY
          + " capacity (ADR 0011)";

  TeamProposal formTeam(FormTeamInput in) {
    List<TeamProblem.Requirement> reqs = validate(in);
    List<String> must =
        in.mustInclude() == null
            ? List.of()
            : List.copyOf(new java.util.LinkedHashSet<>(in.mustInclude()));
    Set<String> exclude = in.exclude() == null ? Set.of() : Set.copyOf(in.exclude());
    for (String m : must) {
      if (exclude.contains(m))
        throw new InvalidArgumentException(
            "input.exclude", "expert '" + m + "' is both in mustInclude and in exclude");
    }
    double minCapacity = in.availability() == null ? 0 : in.availability();
    int cap = in.maxFromOneTeam() == null ? 0 : in.maxFromOneTeam();
    try (Session s = driver.session(GraphSessions.read(driver, database))) {
      return s.executeRead(
          tx -> {
            List<String> skillIds = reqs.stream().map(TeamProblem.Requirement::skillId).toList();
            List<String> unknown = new ArrayList<>();
            Map<String, String> names = TeamGraph.skillNames(tx, skillIds, unknown);
            if (!unknown.isEmpty()) {
              int i = skillIds.indexOf(unknown.get(0));
              throw new InvalidArgumentException(
                  "input.skills[" + i + "].skill", "unknown skill '" + unknown.get(0) + "'");
            }
            TeamGraph.Around around = TeamGraph.around(tx, skillIds);
            Map<String, TeamGraph.Person> all = TeamGraph.people(tx, around.relevant(), must);
            for (String m : must) {
              TeamGraph.Person p = all.get(m);
              if (p == null)
                throw new InvalidArgumentException(
                    "input.mustInclude", "unknown expert '" + m + "'");
              if (!p.active())
                throw new InvalidArgumentException(
                    "input.mustInclude", "expert '" + m + "' has left the organisation");
            }
            // credits of everyone active, before exclusions, so that reasons can count them
            Map<String, SkillCredit.Best[]> best = new HashMap<>();
            for (TeamGraph.Person p : all.values()) {
              if (!p.active()) continue;
              SkillCredit.Best[] b = new SkillCredit.Best[reqs.size()];
              for (int r = 0; r < reqs.size(); r++)
                b[r] =
                    SkillCredit.best(
                        reqs.get(r).skillId(), reqs.get(r).level(), p.held(), around.taxonomy());
              best.put(p.id(), b);
            }
            List<TeamGraph.Person> pool = new ArrayList<>();
            for (TeamGraph.Person p : all.values()) {
              if (!p.active() || exclude.contains(p.id())) continue;
              boolean required = must.contains(p.id());
              if (!required && TeamObjective.capacity(p.activeProjects()) < minCapacity - 1e-9)
                continue;
              if (!required && credit(best.get(p.id())) <= 0) continue;
              pool.add(p);
            }
            List<String> poolIds = pool.stream().map(TeamGraph.Person::id).toList();
            Map<String, Integer> shared = TeamGraph.ties(tx, poolIds);
            Map<String, Integer> index = new HashMap<>();
            List<TeamProblem.Candidate> candidates = new ArrayList<>();
            for (TeamGraph.Person p : pool) {
              index.put(p.id(), candidates.size());
              double[] credits = new double[reqs.size()];
              SkillCredit.Best[] b = best.get(p.id());
              for (int r = 0; r < reqs.size(); r++) credits[r] = b[r] == null ? 0 : b[r].credit();
              candidates.add(
                  new TeamProblem.Candidate(
                      p.id(), p.teamId(), credits, TeamObjective.capacity(p.activeProjects())));
            }
            Map<Long, Double> ties = new HashMap<>();
            shared.forEach(
                (k, count) -> {
                  String[] ab = k.split("\\|");
                  ties.put(
                      TeamProblem.pair(index.get(ab[0]), index.get(ab[1])),
                      TeamObjective.tieStrength(count));
                });
            List<Integer> mustIdx = must.stream().map(index::get).toList();
            TeamProblem problem = new TeamProblem(reqs, candidates, in.size(), mustIdx, cap, ties);
            TeamObjective objective = new TeamObjective(problem);
            TeamSolvers.Solution solution = TeamSolvers.greedySwap(objective);
            // stand-ins are named in the reasons too: the names of every skill someone holds for
            // a requirement
            List<String> standIns =
                best.values().stream()
                    .flatMap(java.util.Arrays::stream)
                    .filter(b -> b != null && !names.containsKey(b.heldId()))
                    .map(SkillCredit.Best::heldId)
                    .distinct()
                    .toList();
            if (!standIns.isEmpty()) {
              names.putAll(TeamGraph.skillNames(tx, standIns, new ArrayList<>()));
            }
            return explain(
                problem, solution, pool, all, best, names, shared, exclude, minCapacity, must);
          });
    }
  }

  private static double credit(SkillCredit.Best[] b) {
    double s = 0;
    for (SkillCredit.Best x : b) s += x == null ? 0 : x.credit();
    return s;
  }

  private static List<TeamProblem.Requirement> validate(FormTeamInput in) {
    if (in.skills() == null || in.skills().isEmpty())
      throw new InvalidArgumentException("input.skills", "give at least one skill");
    if (in.skills().size() > MAX_SKILLS)
      throw new InvalidArgumentException(
          "input.skills", "at most " + MAX_SKILLS + " skills (was " + in.skills().size() + ")");
    if (in.size() == null || in.size() < 1 || in.size() > MAX_SIZE)
      throw new InvalidArgumentException(
          "input.size", "size must be between 1 and " + MAX_SIZE + " (was " + in.size() + ")");
    if (in.mustInclude() != null && new HashSet<>(in.mustInclude()).size() > in.size())
      throw new InvalidArgumentException(
          "input.mustInclude",
          "mustInclude names "
              + new HashSet<>(in.mustInclude()).size()
              + " people for a team of "
              + in.size());
    if (in.maxFromOneTeam() != null && in.maxFromOneTeam() < 1)
      throw new InvalidArgumentException(
          "input.maxFromOneTeam",
          "maxFromOneTeam must be at least 1 (was " + in.maxFromOneTeam() + ")");
    if (in.availability() != null && (in.availability() < 0 || in.availability() > 1))
      throw new InvalidArgumentException(
          "input.availability",
          "availability must be between 0 and 1 (was " + in.availability() + ")");
    List<TeamProblem.Requirement> reqs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < in.skills().size(); i++) {
      SkillAsk a = in.skills().get(i);
      String arg = "input.skills[" + i + "]";
      int level = a.level() == null ? SkillCredit.DEFAULT_LEVEL : a.level();
      int count = a.count() == null ? 1 : a.count();
      if (level < 1 || level > 5)
        throw new InvalidArgumentException(
            arg + ".level", "level must be between 1 and 5 (was " + level + ")");
      if (count < 1 || count > MAX_COUNT)
        throw new InvalidArgumentException(
            arg + ".count", "count must be between 1 and " + MAX_COUNT + " (was " + count + ")");
      if (!seen.add(a.skill()))
        throw new InvalidArgumentException(arg + ".skill", "skill '" + a.skill() + "' asked twice");
      reqs.add(
          new TeamProblem.Requirement(a.skill(), level, count, Boolean.TRUE.equals(a.critical())));
    }
    return reqs;
  }

  private static TeamProposal explain(
      TeamProblem problem,
      TeamSolvers.Solution solution,
      List<TeamGraph.Person> pool,
      Map<String, TeamGraph.Person> all,
      Map<String, SkillCredit.Best[]> best,
      Map<String, String> names,
      Map<String, Integer> shared,
      Set<String> exclude,
      double minCapacity,
      List<String> must) {
    List<TeamProblem.Requirement> reqs = problem.requirements();
    List<TeamGraph.Person> chosen = new ArrayList<>();
    for (int m : solution.members()) chosen.add(pool.get(m));
    List<TeamMember> members = new ArrayList<>();
    int pairs = 0;
    for (int i = 0; i < chosen.size(); i++) {
      TeamGraph.Person p = chosen.get(i);
      List<TeamCover> covers = new ArrayList<>();
      SkillCredit.Best[] b = best.get(p.id());
      for (int r = 0; r < reqs.size(); r++) {
        if (b[r] != null && b[r].credit() > 0)
          covers.add(
              new TeamCover(
                  reqs.get(r).skillId(),
                  round(b[r].credit()),
                  b[r].heldId(),
                  b[r].link().relation().word,
                  (int) b[r].heldLevel()));
      }
      List<String> worked = new ArrayList<>();
      for (int j = 0; j < chosen.size(); j++) {
        if (j != i && shared.containsKey(TeamGraph.key(p.id(), chosen.get(j).id()))) {
          worked.add(chosen.get(j).id());
          if (j > i) pairs++;
        }
      }
      members.add(
          new TeamMember(
              TeamNodes.expert(p.id(), p.name()),
              p.teamId(),
              p.teamName(),
              p.activeProjects(),
              round(TeamObjective.capacity(p.activeProjects())),
              must.contains(p.id()),
              covers,
              worked));
    }
    List<TeamRequirement> requirements = new ArrayList<>();
    List<UncoveredRequirement> uncovered = new ArrayList<>();
    for (int r = 0; r < reqs.size(); r++) {
      TeamProblem.Requirement q = reqs.get(r);
      final int rr = r;
      List<TeamGraph.Person> holders =
          chosen.stream()
              .filter(p -> best.get(p.id())[rr] != null && best.get(p.id())[rr].credit() > 0)
              .sorted(
                  (x, y) ->
                      Double.compare(best.get(y.id())[rr].credit(), best.get(x.id())[rr].credit()))
              .limit(q.slots())
              .toList();
      double filled = 0;
      List<TeamHolder> hs = new ArrayList<>();
      for (TeamGraph.Person h : holders) {
        SkillCredit.Best b = best.get(h.id())[r];
        filled += b.credit();
        hs.add(
            new TeamHolder(
                h.id(), h.name(), round(b.credit()), b.heldId(), b.link().relation().word));
      }
      String status = filled >= q.slots() - 1e-9 ? "COVERED" : filled > 0 ? "PARTIAL" : "UNCOVERED";
      String name = names.get(q.skillId());
      requirements.add(
          new TeamRequirement(
              q.skillId(),
              name,
              q.level(),
              q.count(),
              q.critical(),
              q.slots(),
              round(filled),
              hs,
              status));
      if (!status.equals("COVERED")) {
        uncovered.add(
            new UncoveredRequirement(
                q.skillId(),
                name,
                round(q.slots() - filled),
                reason(
                    q, r, name, names, all, best, exclude, minCapacity, problem, holders.size())));
      }
    }
    TeamObjective.Score score = solution.score();
    return new TeamProposal(
        members,
        requirements,
        uncovered,
        round(score.coverage()),
        round(score.cohesion()),
        pairs,
        round(score.capacity()),
        round(score.value()),
        pool.size(),
        METHOD);
  }

  /** Why a requirement is not fully covered, from counts of who holds it where. */
  static String reason(
      TeamProblem.Requirement q,
      int r,
      String name,
      Map<String, String> names,
      Map<String, TeamGraph.Person> all,
      Map<String, SkillCredit.Best[]> best,
      Set<String> exclude,
      double minCapacity,
      TeamProblem problem,
      int inTeam) {
    String what = name + " (" + q.skillId() + ") at level " + q.level();
    int holders = 0;
    int excluded = 0;
    int busy = 0;
    SkillCredit.Best closest = null;
    for (Map.Entry<String, SkillCredit.Best[]> e : best.entrySet()) {
      SkillCredit.Best b = e.getValue()[r];
      if (b == null) continue;
      if (closest == null || b.credit() > closest.credit()) closest = b;
      if (b.credit() < 1 - 1e-9) continue;
      holders++;
      if (exclude.contains(e.getKey())) excluded++;
      else if (TeamObjective.capacity(all.get(e.getKey()).activeProjects()) < minCapacity - 1e-9)
        busy++;
    }
    if (holders == 0) {
      return "no active expert holds " + what + closest(closest, q.skillId(), names);
    }
    String slots =
        q.critical()
            ? q.slots() + " holders (critical: at least two)"
            : q.slots() + " holder" + (q.slots() == 1 ? "" : "s");
    if (holders < q.slots()) {
      return "only "
          + holders
          + " active expert"
          + (holders == 1 ? "" : "s")
          + " hold "
          + what
          + "; it asks for "
          + slots;
    }
    if (holders - excluded - busy < q.slots()) {
      return holders
          + " active experts hold "
          + what
          + " but "
          + excluded
          + " are excluded and "
          + busy
          + " have less free capacity than availability "
          + minCapacity
          + "; it asks for "
          + slots;
    }
    return "its "
        + holders
        + " holders were not chosen: with "
        + problem.size()
        + " members"
        + (problem.maxFromOneTeam() > 0
            ? " and at most " + problem.maxFromOneTeam() + " from one team"
            : "")
        + " the team covers more of the other requirements without them ("
        + inTeam
        + " of "
        + slots
        + " filled, some only in part)";
  }

  static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }

  /**
   * The end of an unmet requirement's reason: the closest stand-in by name, or, when the closest is
   * the skill itself held below the level asked, the best holder's level.
   */
  static String closest(SkillCredit.Best closest, String skillId, Map<String, String> names) {
    if (closest == null) return " nor a skill the taxonomy relates to it";
    if (closest.heldId().equals(skillId)) {
      return String.format(
          Locale.ROOT,
          "; the best holder has it at level %d, credit %.2f",
          (int) closest.heldLevel(),
          closest.credit());
    }
    return String.format(
        Locale.ROOT,
        "; the closest stand-in is %s (%s; %s, level %d), credit %.2f",
        names.getOrDefault(closest.heldId(), closest.heldId()),
        closest.heldId(),
        closest.link().relation().word,
        (int) closest.heldLevel(),
        closest.credit());
  }
}
