package dev.talentgraph.portal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The Ask page: write a question, see whom to ask (the learned question router, {@code
 * routeQuestion}) with the reasons for each person, and post it ({@code postQuestion}) in the
 * employees' Q&A community. Until the served schema has those fields the page says so.
 */
@Controller
class AskPage {
  private final PortalGraphQl graphQl;

  AskPage(PortalGraphQl graphQl) {
    this.graphQl = graphQl;
  }

  static final String ROUTE =
      """
      query Route($text: String!, $tags: [String!]) {
        routeQuestion(text: $text, tags: $tags, first: 10) {
          items { expert { id name title } score reasons { kind text } } model community notes }
      }""";

  static final String POST =
      """
      mutation Post($input: PostQuestionInput!) {
        postQuestion(input: $input) { question { id title } errors { field message } }
      }""";

  @GetMapping("/ask")
  Mono<String> ask(
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String tags,
      @RequestParam(required = false) String notice,
      ServerWebExchange exchange,
      Model model) {
    boolean available = graphQl.hasQuery("routeQuestion") && graphQl.hasMutation("postQuestion");
    String body = text == null ? "" : text.strip();
    model.addAttribute("available", available);
    model.addAttribute("title", title == null ? "" : title.strip());
    model.addAttribute("text", body);
    model.addAttribute("tags", tags == null ? "" : tags.strip());
    model.addAttribute("notice", notice);
    if (!available || body.isEmpty()) return Mono.just("portal/ask");
    Map<String, Object> vars = new HashMap<>();
    vars.put("text", (title == null ? "" : title.strip() + "\n") + body);
    vars.put("tags", tags(tags));
    return graphQl
        .run(exchange, ROUTE, vars)
        .map(
            a -> {
              model.addAttribute("route", a.map("routeQuestion"));
              // a community that has no answered question yet is an empty state, not a failure
              model.addAttribute("notLearned", a.invalid("community"));
              model.addAttribute("problems", a.problemsBesides("community"));
              return "portal/ask";
            });
  }

  @PostMapping("/ask")
  Mono<String> post(ServerWebExchange exchange) {
    return exchange
        .getFormData()
        .flatMap(
            form -> {
              Map<String, Object> input = new LinkedHashMap<>();
              input.put("title", String.valueOf(form.getFirst("title")).strip());
              input.put("body", String.valueOf(form.getFirst("text")).strip());
              input.put("tags", tags(form.getFirst("tags")));
              return graphQl.run(exchange, POST, Map.of("input", input));
            })
        .map(
            a -> {
              Map<String, Object> question = a.map("postQuestion", "question");
              List<Map<String, Object>> errors = a.list("postQuestion", "errors");
              String notice;
              if (question != null)
                notice = "Your question \"" + question.get("title") + "\" was posted.";
              else if (!errors.isEmpty()) notice = String.valueOf(errors.get(0).get("message"));
              else if (!a.problems().isEmpty()) notice = a.problems().get(0);
              else notice = "Posting was refused: only a login with an expert may ask.";
              return "redirect:"
                  + UriComponentsBuilder.fromPath("/ask")
                      .queryParam("notice", notice)
                      .encode()
                      .build()
                      .toUriString();
            });
  }

  private static List<String> tags(String tags) {
    if (tags == null || tags.isBlank()) return List.of();
    return Arrays.stream(tags.split("[,\\s]+"))
        .map(String::strip)
        .filter(t -> !t.isEmpty())
        .toList();
  }
}
