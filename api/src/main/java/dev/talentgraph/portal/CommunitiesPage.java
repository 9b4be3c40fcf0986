package dev.talentgraph.portal;

import dev.talentgraph.security.Principal;
import dev.talentgraph.security.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * The Communities pages: the communities of practice of the last refresh (named by their skills,
 * largest first, paged by the API's cursor) and one community with its skills, its members (paged)
 * and its bridges. Communities are public knowledge: every login reads them. ADMIN and ANALYST may
 * run the detection again from the page.
 */
@Controller
class CommunitiesPage {
  private final PortalGraphQl graphQl;

  CommunitiesPage(PortalGraphQl graphQl) {
    this.graphQl = graphQl;
  }

  static final String LIST =
      """
      query Communities($first: Int, $after: String) {
        communities(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
          run { at method weights modularity people ties communities minSize }
          edges { node { id name size skills { skillId name members share } } } }
      }""";

  static final String ONE =
      """
      query Community($id: ID!, $members: Int) {
        community(id: $id) { id name size modularity refreshedAt
          skills { skillId name members share lift }
          members(first: $members) { id name title }
          bridges(first: 10) { expert { id name } to { id name } weight ties } }
      }""";

  static final String REFRESH =
      """
      mutation { refreshCommunities { run { communities } errors { message } } }""";

  @GetMapping("/communities")
  Mono<String> communities(
      @RequestParam(required = false) String after,
      @RequestParam(required = false) String notice,
      @AuthenticationPrincipal Principal me,
      ServerWebExchange exchange,
      Model model) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("first", PortalController.PAGE);
    vars.put("after", after);
    model.addAttribute("mayRefresh", mayRefresh(me));
    model.addAttribute("notice", notice);
    return graphQl
        .run(exchange, LIST, vars)
        .map(
            a -> {
              model.addAttribute("problems", a.problems());
              model.addAttribute("page", a.map("communities"));
              model.addAttribute(
                  "next",
                  PortalController.next(
                      exchange, "after", a.at("communities", "pageInfo", "endCursor")));
              return "portal/communities";
            });
  }

  @GetMapping("/communities/{id}")
  Mono<String> community(
      @PathVariable String id,
      @RequestParam(required = false) String page,
      ServerWebExchange exchange,
      Model model) {
    int p = 1;
    try {
      p = page == null ? 1 : Math.max(1, Math.min(100, Integer.parseInt(page)));
    } catch (NumberFormatException e) {
      p = 1;
    }
    int shown = p;
    // the API gives the most tied members first: ask for this page and one more to know if more
    return graphQl
        .run(exchange, ONE, Map.of("id", id, "members", shown * PortalController.PAGE + 1))
        .map(
            a -> {
              Map<String, Object> c = a.map("community");
              model.addAttribute("id", id);
              model.addAttribute("problems", a.problems());
              if (c == null) return "portal/not-found";
              List<Map<String, Object>> members = a.list("community", "members");
              int from = Math.min((shown - 1) * PortalController.PAGE, members.size());
              int to = Math.min(shown * PortalController.PAGE, members.size());
              model.addAttribute("community", c);
              model.addAttribute("members", members.subList(from, to));
              model.addAttribute("membersFrom", from + 1);
              model.addAttribute("membersPrevious", shown > 1 ? membersHref(id, shown - 1) : null);
              model.addAttribute(
                  "membersNext",
                  members.size() > shown * PortalController.PAGE
                      ? membersHref(id, shown + 1)
                      : null);
              return "portal/community";
            });
  }

  @PostMapping("/communities/refresh")
  Mono<String> refresh(ServerWebExchange exchange) {
    return graphQl
        .run(exchange, REFRESH, Map.of())
        .map(
            a -> {
              String notice;
              if (a.map("refreshCommunities", "run") != null)
                notice =
                    "Detected "
                        + a.at("refreshCommunities", "run", "communities")
                        + " communities.";
              else if (!a.list("refreshCommunities", "errors").isEmpty())
                notice =
                    String.valueOf(a.list("refreshCommunities", "errors").get(0).get("message"));
              else notice = "The refresh was refused.";
              return "redirect:"
                  + UriComponentsBuilder.fromPath("/communities")
                      .queryParam("notice", notice)
                      .encode()
                      .build()
                      .toUriString();
            });
  }

  private static String membersHref(String id, int page) {
    return UriComponentsBuilder.fromPath("/communities/{id}")
        .queryParam("page", page)
        .fragment("members-h")
        .encode()
        .buildAndExpand(id)
        .toUriString();
  }

  private static boolean mayRefresh(Principal me) {
    return me != null && (me.has(Role.ADMIN) || me.has(Role.ANALYST));
  }
}
