package dev.talentgraph.portal;

import dev.talentgraph.security.AccessPolicy;
import dev.talentgraph.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The Teams page (managers and HR): builds a team for a set of skills with {@code formTeam} and
 * draws who covers what as a matrix, and shows the key-person risk (bus factor per skill) of an
 * organisational team or a project with {@code keyPersonRisk}. Other roles get the explanation and
 * no query, since the API would refuse them anyway. The form is a GET so every team is linkable.
 */
@Controller
class TeamsPage {
  /** Requirement rows the form offers. */
  static final int ROWS = 5;

  private final PortalGraphQl graphQl;

  TeamsPage(PortalGraphQl graphQl) {
    this.graphQl = graphQl;
  }

  static final String FORM_TEAM =
      """
      query FormTeam($input: FormTeamInput!) {
        formTeam(input: $input) {
          members { expert { id name title } teamId teamName currentProjects availability
            covers { skillId credit viaSkillId relation levelHeld } workedWith }
          requirements { skillId skillName level count critical slots filled status
            holders { expertId name credit } }
          uncovered { skillId skillName missing reason }
          coverage cohesion pairsWorkedTogether capacity score candidates method
        }
      }""";

  static final String RISK =
      """
      query KeyPersonRisk($teamId: ID, $projectId: ID) {
        keyPersonRisk(teamId: $teamId, projectId: $projectId) {
          scopeKind scopeId scopeName people attritionModel
          skills { skillId skillName level busFactor expectedHolders risk
            projects { id name } holders { expert { id name } levelHeld viaSkillId } }
        }
      }""";

  /** One requirement row of the form, as typed. */
  record Row(int index, String skill, int level, int count, boolean critical) {}

  @GetMapping("/teams")
  Mono<String> teams(
      @RequestParam Map<String, String> params,
      @AuthenticationPrincipal Principal me,
      ServerWebExchange exchange,
      Model model) {
    boolean planner = AccessPolicy.hasAny(me, AccessPolicy.TEAM_PLANNERS);
    model.addAttribute("planner", planner);
    List<Row> rows = rows(params);
    int size = number(params.get("size"), 3, 1, 20);
    String riskTeam = blankToNull(params.get("riskTeam"));
    String riskProject = blankToNull(params.get("riskProject"));
    model.addAttribute("rows", rows);
    model.addAttribute("size", size);
    model.addAttribute("riskTeam", riskTeam);
    model.addAttribute("riskProject", riskProject);
    if (!planner) return Mono.just("portal/teams");
    List<Row> asked = rows.stream().filter(r -> !r.skill().isEmpty()).toList();
    Mono<Resolved> resolved =
        asked.isEmpty()
            ? Mono.just(new Resolved(Map.of(), List.of(), List.of()))
            : graphQl
                .run(exchange, resolveDocument(asked.size()), resolveVariables(asked))
                .map(a -> Resolved.of(asked, a));
    Mono<Map.Entry<Resolved, PortalGraphQl.Answer>> team =
        resolved.flatMap(
            r -> {
              List<Map<String, Object>> skills = new ArrayList<>();
              for (Row row : asked) {
                String id = r.ids().get(row.index());
                if (id == null) continue;
                skills.add(
                    Map.of(
                        "skill",
                        id,
                        "level",
                        row.level(),
                        "count",
                        row.count(),
                        "critical",
                        row.critical()));
              }
              Mono<PortalGraphQl.Answer> formed =
                  skills.isEmpty() || !r.unknown().isEmpty()
                      ? Mono.just(new PortalGraphQl.Answer(Map.of(), List.of()))
                      : graphQl.run(
                          exchange,
                          FORM_TEAM,
                          Map.of("input", Map.of("skills", skills, "size", size)));
              return formed.map(a -> Map.entry(r, a));
            });
    Map<String, Object> riskVars = new HashMap<>();
    riskVars.put("teamId", riskTeam);
    riskVars.put("projectId", riskTeam == null ? riskProject : null);
    Mono<PortalGraphQl.Answer> risk =
        riskTeam == null && riskProject == null
            ? Mono.just(new PortalGraphQl.Answer(Map.of(), List.of()))
            : graphQl.run(exchange, RISK, riskVars);
    return Mono.zip(team, risk)
        .map(
            both -> {
              Resolved r = both.getT1().getKey();
              var t = both.getT1().getValue();
              var k = both.getT2();
              List<String> problems = new ArrayList<>(r.problems());
              problems.addAll(t.problems());
              problems.addAll(k.problems());
              model.addAttribute("problems", problems);
              model.addAttribute("unknownSkills", r.unknown());
              model.addAttribute("asked", !asked.isEmpty());
              Map<String, Object> proposal = t.map("formTeam");
              model.addAttribute("proposal", proposal);
              if (proposal != null) model.addAttribute("matrix", Matrix.of(proposal));
              model.addAttribute("risk", k.map("keyPersonRisk"));
              model.addAttribute("riskRefused", k.refused());
              return "portal/teams";
            });
  }

  /**
   * One document that looks up every typed skill at once: as an id ({@code iN}) and by name or
   * synonym ({@code sN}, the taxonomy's own search).
   */
  static String resolveDocument(int n) {
    StringBuilder vars = new StringBuilder();
    StringBuilder fields = new StringBuilder();
    for (int i = 0; i < n; i++) {
      vars.append(i == 0 ? "" : ", ")
          .append("$q")
          .append(i)
          .append(": String!, $id")
          .append(i)
          .append(": ID!");
      fields
          .append("  i")
          .append(i)
          .append(": skill(id: $id")
          .append(i)
          .append(") { id name }\n")
          .append("  s")
          .append(i)
          .append(": skills(first: ")
          .append(SUGGESTIONS)
          .append(", where: {nameContains: $q")
          .append(i)
          .append("}, orderBy: {field: NAME}) { edges { node { id name aliases } } }\n");
    }
    return "query ResolveSkills(" + vars + ") {\n" + fields + "}";
  }

  private static Map<String, Object> resolveVariables(List<Row> asked) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < asked.size(); i++) {
      vars.put("q" + i, asked.get(i).skill());
      vars.put("id" + i, asked.get(i).skill());
    }
    return vars;
  }

  /** Names looked up per skill row; more are offered as suggestions for an unknown one. */
  static final int SUGGESTIONS = 20;

  /**
   * The typed skills resolved: row index to skill id (an id typed as such, else the skill whose
   * name or synonym it is, case aside), and a message for each name that is no skill.
   */
  record Resolved(Map<Integer, String> ids, List<String> unknown, List<String> problems) {
    @SuppressWarnings("unchecked")
    static Resolved of(List<Row> asked, PortalGraphQl.Answer a) {
      Map<Integer, String> ids = new HashMap<>();
      List<String> unknown = new ArrayList<>();
      for (int i = 0; i < asked.size(); i++) {
        Row row = asked.get(i);
        String typed = row.skill();
        Map<String, Object> byId = a.map("i" + i);
        String id = byId == null ? null : String.valueOf(byId.get("id"));
        List<Map<String, Object>> found = new ArrayList<>();
        for (var e : a.list("s" + i, "edges")) found.add((Map<String, Object>) e.get("node"));
        if (id == null) id = match(found, typed, false);
        if (id == null) id = match(found, typed, true);
        if (id != null) {
          ids.put(row.index(), id);
          continue;
        }
        List<String> names =
            found.stream().map(n -> String.valueOf(n.get("name"))).limit(5).toList();
        unknown.add(
            "No skill is named \""
                + typed
                + "\""
                + (names.isEmpty()
                    ? ": the taxonomy has no skill or synonym containing it."
                    : ". Did you mean: " + String.join(", ", names) + "?"));
      }
      return new Resolved(ids, unknown, a.problems());
    }

    private static String match(List<Map<String, Object>> found, String typed, boolean aliases) {
      for (var n : found) {
        if (!aliases && typed.equalsIgnoreCase(String.valueOf(n.get("name"))))
          return String.valueOf(n.get("id"));
        if (aliases && n.get("aliases") instanceof List<?> l)
          for (Object alias : l)
            if (typed.equalsIgnoreCase(String.valueOf(alias))) return String.valueOf(n.get("id"));
      }
      return null;
    }
  }

  private static List<Row> rows(Map<String, String> params) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      String skill = params.getOrDefault("skill" + i, "").strip();
      rows.add(
          new Row(
              i,
              skill,
              number(params.get("level" + i), 3, 1, 5),
              number(params.get("count" + i), 1, 1, 10),
              params.get("critical" + i) != null));
    }
    return rows;
  }

  private static int number(String value, int otherwise, int min, int max) {
    try {
      return value == null || value.isBlank()
          ? otherwise
          : Math.min(max, Math.max(min, Integer.parseInt(value.strip())));
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * The coverage matrix: one row per requirement, one column per member; each cell says the credit
   * the member gives toward the requirement and through which skill, and carries the class its
   * colour comes from (the text says the same, for those who cannot see the colour).
   */
  record Matrix(List<Map<String, Object>> members, List<MatrixRow> rows) {
    record Cell(String css, String text, String title) {}

    record MatrixRow(Map<String, Object> requirement, List<Cell> cells, String statusCss) {}

    @SuppressWarnings("unchecked")
    static Matrix of(Map<String, Object> proposal) {
      List<Map<String, Object>> members = (List<Map<String, Object>>) proposal.get("members");
      List<Map<String, Object>> requirements =
          (List<Map<String, Object>>) proposal.get("requirements");
      List<MatrixRow> rows = new ArrayList<>();
      for (var req : requirements) {
        List<Cell> cells = new ArrayList<>();
        for (var m : members) {
          Map<String, Object> cover = null;
          for (var c : (List<Map<String, Object>>) m.get("covers"))
            if (req.get("skillId").equals(c.get("skillId"))) cover = c;
          cells.add(cell(cover));
        }
        rows.add(
            new MatrixRow(
                req,
                cells,
                "status-" + String.valueOf(req.get("status")).toLowerCase(Locale.ROOT)));
      }
      return new Matrix(members, rows);
    }

    private static Cell cell(Map<String, Object> cover) {
      if (cover == null) return new Cell("cov-none", "none", "does not cover it");
      double credit = ((Number) cover.get("credit")).doubleValue();
      String relation = String.valueOf(cover.get("relation"));
      boolean full = credit >= 0.999;
      String text =
          (full ? "full" : String.format(Locale.ROOT, "%.2f", credit))
              + " · L"
              + cover.get("levelHeld")
              + ("exact".equals(relation) ? "" : " " + relation);
      String title =
          "through "
              + cover.get("viaSkillId")
              + " ("
              + relation
              + ") held at level "
              + cover.get("levelHeld");
      return new Cell(full ? "cov-full" : "cov-part", text, title);
    }
  }
}
