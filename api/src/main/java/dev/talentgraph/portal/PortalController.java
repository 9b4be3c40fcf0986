package dev.talentgraph.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.security.Principal;
import dev.talentgraph.security.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The portal's pages, rendered on the server (ADR 0012): each page is one GraphQL document run as
 * the logged-in person through {@link PortalGraphQl}, so a page shows exactly what that person
 * could read from the API, and Thymeleaf escapes every value it prints.
 */
@Controller
class PortalController {
  static final int PAGE = 10;

  private final PortalGraphQl graphQl;
  private final ObjectMapper json = new ObjectMapper();
  private final List<Map<String, String>> oidcIssuers = new ArrayList<>();

  PortalController(
      PortalGraphQl graphQl, ObjectProvider<ReactiveClientRegistrationRepository> registrations) {
    this.graphQl = graphQl;
    if (registrations.getIfAvailable() instanceof Iterable<?> configured) {
      for (Object r : configured) {
        if (r instanceof ClientRegistration c)
          oidcIssuers.add(
              Map.of(
                  "href",
                  "/oauth2/authorization/" + c.getRegistrationId(),
                  "name",
                  c.getClientName()));
      }
    }
  }

  /** The login form, and a link per configured OIDC issuer. */
  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("oidcIssuers", oidcIssuers);
    return "portal/login";
  }

  static final String SEARCH =
      """
      query Search($q: String, $peopleAfter: String, $skillsAfter: String, $first: Int) {
        experts(first: $first, after: $peopleAfter, where: {nameContains: $q}, orderBy: {field: NAME}) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id name title } } }
        skills(first: $first, after: $skillsAfter, where: {nameContains: $q}, orderBy: {field: NAME}) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id name category aliases } } }
      }""";

  static final String WHO_KNOWS =
      """
      query WhoKnows($q: String) {
        whoKnows(text: $q, first: 10) { skills { id name } notes
          items { expert { id name title } score
            evidence { kind text date relation skill { id name } } } }
      }""";

  @GetMapping({"/", "/search"})
  Mono<String> search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String peopleAfter,
      @RequestParam(required = false) String skillsAfter,
      ServerWebExchange exchange,
      Model model) {
    String query = q == null ? "" : q.strip();
    model.addAttribute("q", query);
    model.addAttribute("features", features());
    if (query.isEmpty()) return Mono.just("portal/search");
    Map<String, Object> vars = new HashMap<>();
    vars.put("q", query);
    vars.put("peopleAfter", peopleAfter);
    vars.put("skillsAfter", skillsAfter);
    vars.put("first", PAGE);
    Mono<PortalGraphQl.Answer> whoKnows =
        graphQl.hasQuery("whoKnows")
            ? graphQl.run(exchange, WHO_KNOWS, Map.of("q", query))
            : Mono.just(new PortalGraphQl.Answer(Map.of(), List.of()));
    return Mono.zip(graphQl.run(exchange, SEARCH, vars), whoKnows)
        .map(
            both -> {
              var a = both.getT1();
              model.addAttribute("whoKnows", both.getT2().map("whoKnows"));
              model.addAttribute("people", a.map("experts"));
              model.addAttribute("skills", a.map("skills"));
              model.addAttribute("problems", a.problems());
              model.addAttribute(
                  "peopleNext",
                  next(exchange, "peopleAfter", a.at("experts", "pageInfo", "endCursor")));
              model.addAttribute(
                  "skillsNext",
                  next(exchange, "skillsAfter", a.at("skills", "pageInfo", "endCursor")));
              return "portal/search";
            });
  }

  static final String PERSON =
      """
      query Person($id: ID!, $personal: Boolean!) {
        talentProfile(expertId: $id) {
          expert { id name title country region teams { id name }
            communities { id name size } mentors { id name } mentees { id name }
            personal @include(if: $personal) { email phone } }
          skills { skill { id name } level since lastSeen contested
            evidence { kind ref text source date } }
          timeline { kind date endDate title evidence { kind ref source } }
          projects { project { id name } role from to evidence { kind ref source } }
          publications { publication { id title year venue } about evidence { kind ref source } }
          collaborators { expert { id name } count firstYear lastYear evidence { kind ref } }
          courses { course { id title } status completedAt levelBefore levelAfter measuredGain
            evidence { kind ref source } }
          contests @include(if: $personal) { id factType factKey reason status at }
        }
      }""";

  @GetMapping("/people/{id}")
  Mono<String> person(
      @PathVariable String id,
      @RequestParam Map<String, String> params,
      @AuthenticationPrincipal Principal me,
      ServerWebExchange exchange,
      Model model) {
    boolean self = me != null && id.equals(me.expertId());
    // the portal only skips asking where no rule could allow it; the GraphQL field rules decide
    boolean personal =
        me == null || self || me.has(Role.ADMIN) || me.has(Role.HR) || me.has(Role.MANAGER);
    return graphQl
        .run(exchange, PERSON, Map.of("id", id, "personal", personal))
        .map(
            a -> {
              Map<String, Object> profile = a.map("talentProfile");
              model.addAttribute("id", id);
              model.addAttribute("self", self);
              model.addAttribute("problems", a.problems());
              if (profile == null) return "portal/not-found";
              model.addAttribute("expert", profile.get("expert"));
              model.addAttribute("personalAsked", personal);
              for (String section :
                  List.of(
                      "skills",
                      "timeline",
                      "projects",
                      "publications",
                      "collaborators",
                      "courses",
                      "contests")) {
                model.addAttribute(
                    section,
                    Paged.of(
                        a.list("talentProfile", section),
                        params.get(section),
                        "/people/" + id,
                        section));
              }
              model.addAttribute("contestsShown", profile.get("contests") != null);
              model.addAttribute("notice", params.get("notice"));
              return "portal/person";
            });
  }

  static final String CONTEST =
      """
      mutation Contest($input: ContestFactInput!) {
        contestFact(input: $input) { contest { id status } errors { field message } }
      }""";

  @PostMapping("/people/{id}/contest")
  Mono<String> contest(@PathVariable String id, ServerWebExchange exchange) {
    return exchange
        .getFormData()
        .flatMap(
            form -> {
              Map<String, Object> input = new LinkedHashMap<>();
              input.put("expertId", id);
              input.put("factType", "SKILL");
              input.put("key", String.valueOf(form.getFirst("skillId")));
              input.put("reason", String.valueOf(form.getFirst("reason")));
              return graphQl.run(exchange, CONTEST, Map.of("input", input));
            })
        .map(
            a -> {
              List<Map<String, Object>> errors = a.list("contestFact", "errors");
              String notice;
              if (a.map("contestFact", "contest") != null) notice = "Your contest was recorded.";
              else if (!errors.isEmpty()) notice = String.valueOf(errors.get(0).get("message"));
              else notice = "The contest was refused.";
              return "redirect:"
                  + UriComponentsBuilder.fromPath("/people/{id}")
                      .queryParam("notice", notice)
                      .encode()
                      .buildAndExpand(id)
                      .toUriString();
            });
  }

  static final String SKILL =
      """
      query Skill($id: ID!, $after: String, $first: Int) {
        skill(id: $id) { id name category aliases broader { id name } narrower { id name }
          experts(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
            edges { node { level since expert { id name } } } } }
        courses(first: $first, where: {teaches: {id: $id}}) { totalCount
          edges { node { id title hours } } }
      }""";

  @GetMapping("/skills/{id}")
  Mono<String> skill(
      @PathVariable String id,
      @RequestParam(required = false) String after,
      ServerWebExchange exchange,
      Model model) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("id", id);
    vars.put("after", after);
    vars.put("first", PAGE);
    return graphQl
        .run(exchange, SKILL, vars)
        .map(
            a -> {
              Map<String, Object> skill = a.map("skill");
              model.addAttribute("id", id);
              model.addAttribute("problems", a.problems());
              if (skill == null) return "portal/not-found";
              model.addAttribute("skill", skill);
              model.addAttribute("holders", a.map("skill", "experts"));
              model.addAttribute("courses", a.map("courses"));
              model.addAttribute(
                  "holdersNext",
                  next(exchange, "after", a.at("skill", "experts", "pageInfo", "endCursor")));
              return "portal/skill";
            });
  }

  static final String PERSON_GRAPH =
      """
      query PersonGraph($id: ID!) {
        talentProfile(expertId: $id) { expert { id name }
          collaborators { expert { id name } count }
          skills { skill { id name } level } }
      }""";

  static final String SKILL_GRAPH =
      """
      query SkillGraph($id: ID!) {
        skill(id: $id) { id name broader { id name } narrower { id name }
          experts(first: 15) { edges { node { level expert { id name } } } } }
      }""";

  @GetMapping("/people/{id}/graph")
  Mono<String> personGraph(@PathVariable String id, ServerWebExchange exchange, Model model) {
    return graphQl
        .run(exchange, PERSON_GRAPH, Map.of("id", id))
        .map(
            a -> {
              Map<String, Object> center = a.map("talentProfile", "expert");
              if (center == null) return "portal/not-found";
              var g = new GraphView("person", center.get("id"), center.get("name"));
              for (var c : a.list("talentProfile", "collaborators")) {
                Map<?, ?> e = (Map<?, ?>) c.get("expert");
                g.link(
                    "person", e.get("id"), e.get("name"), "worked with (" + c.get("count") + ")");
              }
              for (var s : a.list("talentProfile", "skills").stream().limit(12).toList()) {
                Map<?, ?> sk = (Map<?, ?>) s.get("skill");
                g.link("skill", sk.get("id"), sk.get("name"), "level " + s.get("level"));
              }
              return graphPage(model, g, "Collaborators and skills of " + center.get("name"));
            });
  }

  @GetMapping("/skills/{id}/graph")
  Mono<String> skillGraph(@PathVariable String id, ServerWebExchange exchange, Model model) {
    return graphQl
        .run(exchange, SKILL_GRAPH, Map.of("id", id))
        .map(
            a -> {
              Map<String, Object> skill = a.map("skill");
              if (skill == null) return "portal/not-found";
              var g = new GraphView("skill", skill.get("id"), skill.get("name"));
              for (var b : a.list("skill", "broader"))
                g.link("skill", b.get("id"), b.get("name"), "broader");
              for (var n : a.list("skill", "narrower"))
                g.link("skill", n.get("id"), n.get("name"), "narrower");
              for (var h : a.list("skill", "experts", "edges")) {
                Map<?, ?> node = (Map<?, ?>) h.get("node");
                Map<?, ?> e = (Map<?, ?>) node.get("expert");
                g.link(
                    "person", e.get("id"), e.get("name"), "holds it at level " + node.get("level"));
              }
              return graphPage(model, g, "The neighbourhood of " + skill.get("name"));
            });
  }

  private String graphPage(Model model, GraphView g, String title) {
    model.addAttribute("title", title);
    model.addAttribute("graph", g);
    try {
      model.addAttribute("graphJson", json.writeValueAsString(g.asMap()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return "portal/graph";
  }

  static final String LEARNING =
      """
      query Learning($id: ID!, $target: TargetInput!, $hours: Int) {
        expert(id: $id) { id name }
        skillGap(expertId: $id, target: $target) {
          gaps { skillId skillName requiredLevel currentLevel missing reason }
          met { skillId skillName requiredLevel currentLevel reason } }
        recommendTrainings(expertId: $id, target: $target, first: 5) {
          items { courseId title hours score why closes { skillId } } ranker note }
        learningPath(expertId: $id, target: $target, maxHours: $hours) {
          steps { position courseId title hours why } totalHours
          uncovered { skillId skillName reason } note }
      }""";

  @GetMapping("/learning")
  Mono<String> learning(
      @RequestParam(required = false) String expert,
      @RequestParam(required = false) String skill,
      @RequestParam(required = false) Integer level,
      @RequestParam(required = false) Integer hours,
      @AuthenticationPrincipal Principal me,
      ServerWebExchange exchange,
      Model model) {
    String who = expert != null && !expert.isBlank() ? expert : me == null ? null : me.expertId();
    model.addAttribute("expertId", who);
    model.addAttribute("skillId", skill);
    model.addAttribute("level", level == null ? 3 : level);
    model.addAttribute("hours", hours);
    if (who == null || skill == null || skill.isBlank()) return Mono.just("portal/learning");
    Map<String, Object> target =
        Map.of("skills", List.of(Map.of("skillId", skill, "level", level == null ? 3 : level)));
    Map<String, Object> vars = new HashMap<>();
    vars.put("id", who);
    vars.put("target", target);
    vars.put("hours", hours);
    return graphQl
        .run(exchange, LEARNING, vars)
        .map(
            a -> {
              model.addAttribute("answered", true);
              model.addAttribute("expert", a.map("expert"));
              model.addAttribute("gap", a.map("skillGap"));
              model.addAttribute("trainings", a.map("recommendTrainings"));
              model.addAttribute("path", a.map("learningPath"));
              model.addAttribute("problems", a.problems());
              model.addAttribute("refused", a.refused());
              return "portal/learning";
            });
  }

  @GetMapping("/graphiql")
  String graphiql() {
    return "portal/graphiql";
  }

  /** Which planned features the served schema already has, for the navigation. */
  Map<String, Boolean> features() {
    Map<String, Boolean> f = new LinkedHashMap<>();
    for (PlannedFeature p : PlannedFeature.values()) f.put(p.name(), p.availableIn(graphQl));
    return f;
  }

  static String next(ServerWebExchange exchange, String param, Object cursor) {
    if (cursor == null) return null;
    return UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
        .replaceQueryParam(param, cursor)
        .replacePath(exchange.getRequest().getPath().value())
        .scheme(null)
        .host(null)
        .port(null)
        .encode()
        .build()
        .toUriString();
  }

  /**
   * A page of a list the API returns whole; {@code page} is the 1-based page number, given in the
   * query parameter {@code param} of the page at {@code base}.
   */
  record Paged(
      List<Map<String, Object>> items, int page, int pages, int total, String base, String param) {
    static Paged of(List<Map<String, Object>> all, String page, String base, String param) {
      int pages = Math.max(1, (all.size() + PAGE - 1) / PAGE);
      int p;
      try {
        p = page == null ? 1 : Integer.parseInt(page);
      } catch (NumberFormatException e) {
        p = 1;
      }
      p = Math.min(Math.max(1, p), pages);
      int from = (p - 1) * PAGE;
      return new Paged(
          all.subList(Math.min(from, all.size()), Math.min(from + PAGE, all.size())),
          p,
          pages,
          all.size(),
          base,
          param);
    }

    public String previousHref() {
      return href(page - 1);
    }

    public String nextHref() {
      return href(page + 1);
    }

    private String href(int n) {
      return UriComponentsBuilder.fromPath(base)
          .queryParam(param, n)
          .fragment(param + "-h")
          .encode()
          .build()
          .toUriString();
    }

    public boolean hasNext() {
      return page < pages;
    }

    public boolean hasPrevious() {
      return page > 1;
    }
  }

  /** The nodes and links of a graph view, in the order the text list shows them. */
  static final class GraphView {
    final List<Map<String, Object>> nodes = new ArrayList<>();
    final List<Map<String, Object>> links = new ArrayList<>();

    GraphView(String kind, Object id, Object name) {
      nodes.add(node(kind, id, name, "center"));
    }

    void link(String kind, Object id, Object name, String label) {
      Map<String, Object> n = node(kind, id, name, label);
      nodes.add(n);
      links.add(Map.of("source", 0, "target", nodes.size() - 1, "label", label));
    }

    private static Map<String, Object> node(String kind, Object id, Object name, String label) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("kind", kind);
      n.put("id", String.valueOf(id));
      n.put("name", String.valueOf(name));
      n.put("label", label);
      n.put("href", ("person".equals(kind) ? "/people/" : "/skills/") + id);
      return n;
    }

    public List<Map<String, Object>> getNodes() {
      return nodes;
    }

    Map<String, Object> asMap() {
      return Map.of("nodes", nodes, "links", links);
    }
  }
}
