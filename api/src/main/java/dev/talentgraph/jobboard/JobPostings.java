package dev.talentgraph.jobboard;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.RelTypes;
import dev.talentgraph.schema.places.Places;
import dev.talentgraph.schema.recruiting.Posting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Reads what is published of openings and turns it into schema.org {@code JobPosting} objects
 * (Google's job-posting rules: title, description, datePosted, hiringOrganization, and jobLocation,
 * or for remote work applicantLocationRequirements with jobLocationType TELECOMMUTE; validThrough,
 * employmentType and baseSalary when known). The statement names every property it reads: nothing
 * else of an opening is ever seen here. Blocking: the controller calls it off the event loop.
 */
@Service
class JobPostings {
  /** Whether an opening is published, gone (closed) or unknown/not published. */
  enum State {
    OPEN,
    CLOSED,
    NONE
  }

  /** One opening as published, in its own language plus translations. */
  record Opening(
      String id,
      String title,
      String description,
      String language,
      Map<String, String[]> translations,
      String datePosted,
      String validThrough,
      String employmentType,
      String countryCode,
      String city,
      String remotePolicy,
      List<String> remoteCountries,
      Double salaryMin,
      Double salaryMax,
      String salaryCurrency,
      String salaryUnit,
      List<String> requiredSkills,
      List<String> preferredSkills) {

    /** Its own language first, then the translations'. */
    List<String> languages() {
      List<String> all = new ArrayList<>(List.of(language));
      for (String l : translations.keySet()) if (!all.contains(l)) all.add(l);
      return all;
    }
  }

  private static final String STATE =
      "MATCH (j:"
          + Labels.JOB_OPENING
          + " {"
          + Props.ID
          + ": $id}) RETURN coalesce(j."
          + Props.STATUS
          + ", 'open') AS status";

  private static final String OPEN =
      "MATCH (j:"
          + Labels.JOB_OPENING
          + ") WHERE coalesce(j."
          + Props.STATUS
          + ", 'open') = 'open' AND ($id IS NULL OR j."
          + Props.ID
          + " = $id) AND (j."
          + Posting.VALID_THROUGH
          + " IS NULL OR j."
          + Posting.VALID_THROUGH
          + " >= $today) OPTIONAL MATCH (j)-[:"
          + RelTypes.HIRES_FOR
          + "]->(t:"
          + Labels.TEAM
          + ") WITH j, head(collect(t)) AS t RETURN j."
          + Props.ID
          + " AS id, coalesce(j."
          + Props.TITLE
          + ", j."
          + Props.NAME
          + ") AS title, j."
          + Props.DESCRIPTION
          + " AS description, coalesce(j."
          + Posting.LANGUAGE
          + ", 'en') AS language, coalesce(j."
          + Posting.TRANSLATION_LANGUAGES
          + ", []) AS langs, coalesce(j."
          + Posting.TRANSLATION_TITLES
          + ", []) AS titles, coalesce(j."
          + Posting.TRANSLATION_DESCRIPTIONS
          + ", []) AS texts, toString(j."
          + Props.POSTED_AT
          + ") AS posted, toString(j."
          + Posting.VALID_THROUGH
          + ") AS valid, j."
          + Posting.EMPLOYMENT_TYPE
          + " AS employment, coalesce(j."
          + Places.COUNTRY_CODE
          + ", j."
          + Props.COUNTRY
          + ", t."
          + Places.COUNTRY_CODE
          + ", t."
          + Props.COUNTRY
          + ") AS country, coalesce(j."
          + Props.CITY
          + ", t."
          + Props.CITY
          + ") AS city, j."
          + Props.REMOTE_POLICY
          + " AS policy, coalesce(j."
          + Places.REMOTE_COUNTRIES
          + ", []) AS remote, CASE WHEN coalesce(j."
          + Posting.SALARY_INTERNAL
          + ", false) THEN null ELSE [j."
          + Posting.SALARY_MIN
          + ", j."
          + Posting.SALARY_MAX
          + ", j."
          + Posting.SALARY_CURRENCY
          + ", j."
          + Posting.SALARY_UNIT
          + "] END AS salary, [(j)-[r:"
          + RelTypes.REQUIRES
          + "]->(s:"
          + Labels.SKILL
          + ") WHERE coalesce(r."
          + Props.REQUIRED
          + ", true) | s."
          + Props.NAME
          + "] AS required, [(j)-[r:"
          + RelTypes.REQUIRES
          + "]->(s:"
          + Labels.SKILL
          + ") WHERE NOT coalesce(r."
          + Props.REQUIRED
          + ", true) | s."
          + Props.NAME
          + "] AS preferred ORDER BY j."
          + Posting.VALID_THROUGH
          + " IS NULL, j."
          + Props.POSTED_AT
          + " DESC, j."
          + Props.ID;

  private final Driver driver;
  private final String database;
  private final String organization;
  private final String organizationUrl;

  JobPostings(
      Driver driver,
      SchemaMigrations schema,
      @org.springframework.beans.factory.annotation.Value(
              "${talent.jobs.organization-name:TalentGraph}")
          String organization,
      @org.springframework.beans.factory.annotation.Value("${talent.jobs.organization-url:}")
          String organizationUrl) {
    this.driver = driver;
    this.database = schema.database();
    this.organization = organization;
    this.organizationUrl = organizationUrl;
  }

  State state(String id, java.time.LocalDate today) {
    if (one(id, today).isPresent()) return State.OPEN;
    List<Record> rows = read(STATE, Map.of("id", id));
    if (rows.isEmpty()) return State.NONE;
    return "closed".equals(rows.get(0).get("status").asString()) ? State.CLOSED : State.NONE;
  }

  Optional<Opening> one(String id, java.time.LocalDate today) {
    List<Record> rows = read(OPEN, params(id, today));
    return rows.isEmpty() ? Optional.empty() : Optional.of(opening(rows.get(0)));
  }

  List<Opening> open(java.time.LocalDate today) {
    return read(OPEN, params(null, today)).stream().map(JobPostings::opening).toList();
  }

  /** The JobPosting of an opening in one of its languages, with its absolute page url. */
  Map<String, Object> jsonLd(Opening o, String lang, String url) {
    String title = o.title(), description = o.description();
    if (!lang.equals(o.language())) {
      String[] t = o.translations().get(lang);
      title = t[0];
      description = t[1];
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("@context", "https://schema.org/");
    p.put("@type", "JobPosting");
    p.put("title", title);
    p.put("description", html(description == null || description.isBlank() ? title : description));
    p.put("inLanguage", lang);
    p.put("url", url);
    p.put("identifier", Map.of("@type", "PropertyValue", "name", organization, "value", o.id()));
    if (o.datePosted() != null) p.put("datePosted", o.datePosted());
    if (o.validThrough() != null) p.put("validThrough", o.validThrough() + "T23:59:59Z");
    if (o.employmentType() != null) p.put("employmentType", o.employmentType());
    Map<String, Object> org = new LinkedHashMap<>();
    org.put("@type", "Organization");
    org.put("name", organization);
    if (!organizationUrl.isBlank()) org.put("sameAs", organizationUrl);
    p.put("hiringOrganization", org);
    boolean remote = "remote".equalsIgnoreCase(o.remotePolicy());
    if (remote) {
      p.put("jobLocationType", "TELECOMMUTE");
      List<String> countries =
          !o.remoteCountries().isEmpty()
              ? o.remoteCountries()
              : o.countryCode() == null ? List.of() : List.of(o.countryCode());
      p.put(
          "applicantLocationRequirements",
          countries.stream().map(c -> Map.of("@type", "Country", "name", c)).toList());
    } else {
      Map<String, Object> address = new LinkedHashMap<>();
      address.put("@type", "PostalAddress");
      if (o.city() != null) address.put("addressLocality", o.city());
      if (o.countryCode() != null) address.put("addressCountry", o.countryCode());
      p.put("jobLocation", Map.of("@type", "Place", "address", address));
    }
    if (o.salaryCurrency() != null) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("@type", "QuantitativeValue");
      if (o.salaryMin() != null && o.salaryMin().equals(o.salaryMax()))
        value.put("value", o.salaryMin());
      else {
        if (o.salaryMin() != null) value.put("minValue", o.salaryMin());
        if (o.salaryMax() != null) value.put("maxValue", o.salaryMax());
      }
      value.put("unitText", o.salaryUnit() == null ? "YEAR" : o.salaryUnit());
      p.put(
          "baseSalary",
          Map.of("@type", "MonetaryAmount", "currency", o.salaryCurrency(), "value", value));
    }
    if (!o.requiredSkills().isEmpty()) p.put("skills", o.requiredSkills());
    if (!o.preferredSkills().isEmpty())
      p.put("qualifications", "Preferred: " + String.join(", ", o.preferredSkills()));
    p.put("directApply", false);
    return p;
  }

  /** Plain text as HTML paragraphs (the JobPosting description is HTML). */
  static String html(String text) {
    StringBuilder out = new StringBuilder();
    for (String para : text.strip().split("\\R\\s*\\R")) {
      out.append("<p>").append(escape(para.strip()).replaceAll("\\R", "<br>")).append("</p>");
    }
    return out.toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private static Map<String, Object> params(String id, java.time.LocalDate today) {
    Map<String, Object> m = new java.util.HashMap<>();
    m.put("id", id);
    m.put("today", today);
    return m;
  }

  private static Opening opening(Record r) {
    Map<String, String[]> translations = new LinkedHashMap<>();
    List<String> langs = strings(r.get("langs"));
    List<String> titles = strings(r.get("titles"));
    List<String> texts = strings(r.get("texts"));
    for (int i = 0; i < langs.size(); i++) {
      translations.put(
          langs.get(i),
          new String[] {
            i < titles.size() ? titles.get(i) : "",
            i < texts.size() && !texts.get(i).isEmpty() ? texts.get(i) : null
          });
    }
    Value s = r.get("salary");
    boolean salary = !s.isNull() && !s.get(2).isNull();
    return new Opening(
        r.get("id").asString(),
        r.get("title").asString(r.get("id").asString()),
        r.get("description").asString(null),
        r.get("language").asString(),
        translations,
        r.get("posted").asString(null),
        r.get("valid").asString(null),
        r.get("employment").asString(null),
        Places.countryCode(r.get("country").asString(null)),
        r.get("city").asString(null),
        r.get("policy").asString(null),
        r.get("remote").asList(v -> Places.countryCode(v.asString())).stream()
            .filter(c -> c != null)
            .toList(),
        salary && !s.get(0).isNull() ? s.get(0).asDouble() : null,
        salary && !s.get(1).isNull() ? s.get(1).asDouble() : null,
        salary ? s.get(2).asString() : null,
        salary ? s.get(3).asString("YEAR") : null,
        strings(r.get("required")),
        strings(r.get("preferred")));
  }

  private static List<String> strings(Value v) {
    return v.isNull() ? List.of() : v.asList(Value::asString);
  }

  private List<Record> read(String cypher, Map<String, Object> params) {
    try (Session s = driver.session(GraphSessions.read(driver, database))) {
      return s.executeRead(tx -> tx.run(cypher, params).list());
    }
  }
}
