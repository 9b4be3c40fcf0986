package dev.talentgraph.jobboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.talentgraph.jobboard.JobPostings.Opening;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The public job board, no login: {@code GET /jobs} (a list page), {@code GET /jobs/{id}} and
 * {@code /jobs/{id}/{lang}} (or {@code ?lang=}) (an opening's page with its JobPosting JSON-LD and
 * {@code hreflang} links to its other languages) and {@code GET /jobs/feed.json} (every open
 * opening in every language as a schema.org ItemList of JobPostings, for job boards). A closed
 * opening answers 410 Gone, anything else not open 404.
 */
@RestController
class JobBoardController {
  private final JobPostings postings;
  private final ObjectMapper json = new ObjectMapper();
  private final Clock clock;

  JobBoardController(JobPostings postings) {
    this.postings = postings;
    this.clock = Clock.systemUTC();
  }

  @GetMapping(value = "/jobs/feed.json", produces = "application/ld+json")
  Mono<ResponseEntity<String>> feed(ServerWebExchange exchange) {
    String base = base(exchange);
    return blocking(
        () -> {
          List<Map<String, Object>> items = new ArrayList<>();
          for (Opening o : postings.open(today())) {
            for (String lang : o.languages()) {
              String url = base + path(o, lang);
              Map<String, Object> item = new LinkedHashMap<>();
              item.put("@type", "ListItem");
              item.put("position", items.size() + 1);
              item.put("url", url);
              Map<String, Object> posting = postings.jsonLd(o, lang, url);
              posting.remove("@context");
              item.put("item", posting);
              items.add(item);
            }
          }
          Map<String, Object> feed = new LinkedHashMap<>();
          feed.put("@context", "https://schema.org/");
          feed.put("@type", "ItemList");
          feed.put("name", "Open positions");
          feed.put("dateModified", today().toString());
          feed.put("numberOfItems", items.size());
          feed.put("itemListElement", items);
          return ResponseEntity.ok()
              .contentType(MediaType.parseMediaType("application/ld+json;charset=UTF-8"))
              .cacheControl(CacheControl.noCache())
              .body(json.writeValueAsString(feed));
        });
  }

  @GetMapping(value = "/jobs", produces = MediaType.TEXT_HTML_VALUE)
  Mono<ResponseEntity<String>> list() {
    return blocking(
        () -> {
          StringBuilder body = new StringBuilder("<h1>Open positions</h1><ul>");
          for (Opening o : postings.open(today())) {
            body.append("<li><a href=\"")
                .append(JobPostings.escape(path(o, o.language())))
                .append("\">")
                .append(JobPostings.escape(o.title()))
                .append("</a>");
            for (String lang : o.languages().subList(1, o.languages().size())) {
              body.append(" <a hreflang=\"")
                  .append(JobPostings.escape(lang))
                  .append("\" href=\"")
                  .append(JobPostings.escape(path(o, lang)))
                  .append("\">")
                  .append(JobPostings.escape(lang))
                  .append("</a>");
            }
            body.append("</li>");
          }
          body.append("</ul><p><a href=\"/jobs/feed.json\">Feed for job boards</a></p>");
          return html(HttpStatus.OK, page("en", "Open positions", "", body.toString()));
        });
  }

  @GetMapping(value = "/jobs/{id}", produces = MediaType.TEXT_HTML_VALUE)
  Mono<ResponseEntity<String>> opening(
      @PathVariable String id,
      @RequestParam(required = false) String lang,
      ServerWebExchange exchange) {
    return show(id, lang, exchange);
  }

  @GetMapping(value = "/jobs/{id}/{lang}", produces = MediaType.TEXT_HTML_VALUE)
  Mono<ResponseEntity<String>> openingIn(
      @PathVariable String id, @PathVariable String lang, ServerWebExchange exchange) {
    return show(id, lang, exchange);
  }

  private Mono<ResponseEntity<String>> show(String id, String lang, ServerWebExchange exchange) {
    String base = base(exchange);
    return blocking(
        () -> {
          var found = postings.one(id, today());
          if (found.isEmpty()) {
            boolean closed = postings.state(id, today()) == JobPostings.State.CLOSED;
            HttpStatus status = closed ? HttpStatus.GONE : HttpStatus.NOT_FOUND;
            return html(
                status,
                page(
                    "en",
                    closed ? "Position closed" : "Not found",
                    "",
                    closed
                        ? "<h1>This position is closed</h1><p><a href=\"/jobs\">Open positions</a></p>"
                        : "<h1>No such position</h1><p><a href=\"/jobs\">Open positions</a></p>"));
          }
          Opening o = found.get();
          String language = lang == null || lang.isBlank() ? o.language() : lang;
          if (!o.languages().contains(language)) {
            return html(
                HttpStatus.NOT_FOUND,
                page(
                    "en",
                    "Not found",
                    "",
                    "<h1>This position is not published in '"
                        + JobPostings.escape(language)
                        + "'</h1>"));
          }
          String url = base + path(o, language);
          Map<String, Object> ld = postings.jsonLd(o, language, url);
          StringBuilder head = new StringBuilder();
          head.append("<link rel=\"canonical\" href=\"")
              .append(JobPostings.escape(url))
              .append("\">");
          for (String l : o.languages()) {
            head.append("<link rel=\"alternate\" hreflang=\"")
                .append(JobPostings.escape(l))
                .append("\" href=\"")
                .append(JobPostings.escape(base + path(o, l)))
                .append("\">");
          }
          // JSON-LD is data, never run; "<" is escaped so the text cannot close the element
          head.append("<script type=\"application/ld+json\">")
              .append(json.writeValueAsString(ld).replace("<", "\\u003c"))
              .append("</script>");
          StringBuilder body = new StringBuilder();
          body.append("<h1>").append(JobPostings.escape((String) ld.get("title"))).append("</h1>");
          body.append("<p class=\"where\">").append(JobPostings.escape(where(o))).append("</p>");
          body.append(ld.get("description"));
          if (!o.requiredSkills().isEmpty()) {
            body.append("<h2>Skills</h2><ul>");
            for (String s : o.requiredSkills())
              body.append("<li>").append(JobPostings.escape(s)).append("</li>");
            for (String s : o.preferredSkills())
              body.append("<li>").append(JobPostings.escape(s)).append(" (preferred)</li>");
            body.append("</ul>");
          }
          return html(
              HttpStatus.OK,
              page(language, (String) ld.get("title"), head.toString(), body.toString()));
        });
  }

  private static String where(Opening o) {
    String policy = o.remotePolicy() == null ? "" : o.remotePolicy().toLowerCase();
    if (policy.equals("remote"))
      return "Remote"
          + (o.remoteCountries().isEmpty()
              ? ""
              : " from " + String.join(", ", o.remoteCountries()));
    String place =
        (o.city() == null ? "" : o.city())
            + (o.countryCode() == null ? "" : (o.city() == null ? "" : ", ") + o.countryCode());
    return (policy.isEmpty() ? "" : (policy.equals("hybrid") ? "Hybrid, " : "On site, ")) + place;
  }

  private static String path(Opening o, String lang) {
    return "/jobs/" + o.id() + (lang.equals(o.language()) ? "" : "/" + lang);
  }

  private static String page(String lang, String title, String head, String body) {
    return "<!DOCTYPE html><html lang=\""
        + JobPostings.escape(lang)
        + "\"><head><meta charset=\"utf-8\"><title>"
        + JobPostings.escape(title)
        + "</title>"
        + head
        + "</head><body>"
        + body
        + "</body></html>";
  }

  private static ResponseEntity<String> html(HttpStatus status, String page) {
    return ResponseEntity.status(status)
        .contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
        .body(page);
  }

  private static String base(ServerWebExchange exchange) {
    URI uri = exchange.getRequest().getURI();
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static Mono<ResponseEntity<String>> blocking(Callable<ResponseEntity<String>> work) {
    return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
  }
}
