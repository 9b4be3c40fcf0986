package dev.talentgraph.recruiting;

import dev.talentgraph.db.DatabaseConfiguration.SchemaMigrations;
import dev.talentgraph.graphql.nodes.ExpertNode;
import dev.talentgraph.recruiting.RecruitingNodes.Candidate;
import dev.talentgraph.recruiting.RecruitingNodes.OpeningNode;
import dev.talentgraph.schema.GraphSessions;
import dev.talentgraph.schema.Labels;
import dev.talentgraph.schema.Props;
import dev.talentgraph.schema.places.Places;
import dev.talentgraph.schema.recruiting.Posting;
import dev.talentgraph.security.AccessPolicy;
import dev.talentgraph.security.Principal;
import dev.talentgraph.security.RequestAccess;
import dev.talentgraph.security.Role;
import graphql.GraphQLContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.dataloader.BatchLoaderEnvironment;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code JobOpening.place}, {@code JobOpening.posting}, {@code Candidate.place} and {@code
 * Expert.place} (docs/adr/0016), one statement per batch. Who reaches them is decided where their
 * parent types are read (an opening's salary band is as visible as the opening).
 */
@Controller
class PlacesController {
  record OpeningPlace(
      String countryCode,
      String city,
      String timeZone,
      String remotePolicy,
      List<String> remoteCountries,
      Integer minOverlapHours,
      boolean visaSponsorship) {}

  record PersonPlace(
      String countryCode,
      String country,
      String city,
      String timeZone,
      String remotePolicy,
      List<String> workAuthorization) {}

  record Salary(Double min, Double max, String currency, String unit, boolean internal) {}

  record PostingTranslation(String language, String title, String description) {}

  record PostingView(
      String language,
      List<String> languages,
      String employmentType,
      String validThrough,
      Salary salary,
      List<PostingTranslation> translations,
      String url) {}

  private static final String OPENINGS =
      "UNWIND $ids AS id OPTIONAL MATCH (j:"
          + Labels.JOB_OPENING
          + " {"
          + Props.ID
          + ": id}) RETURN id, j {.*} AS j";

  private static final String PEOPLE =
      "UNWIND $ids AS id OPTIONAL MATCH (e:"
          + Labels.EXPERT
          + " {"
          + Props.ID
          + ": id}) OPTIONAL MATCH (c:"
          + Labels.CANDIDATE
          + " {"
          + Props.ID
          + ": id}) WITH id, coalesce(e, c) AS p RETURN id, p {.*} AS p";

  private final Driver driver;
  private final String database;

  PlacesController(Driver driver, SchemaMigrations schema) {
    this.driver = driver;
    this.database = schema.database();
  }

  @BatchMapping(typeName = "JobOpening", field = "place")
  Flux<OpeningPlace> openingPlace(List<OpeningNode> openings) {
    return load(
        OPENINGS,
        openings.stream().map(OpeningNode::id).toList(),
        "j",
        PlacesController::openingPlace);
  }

  /**
   * An internal salary band is shown to ADMIN, HR and MANAGER callers only (the hiring side); the
   * public job board never shows it.
   */
  @BatchMapping(typeName = "JobOpening", field = "posting")
  Flux<PostingView> posting(List<OpeningNode> openings, BatchLoaderEnvironment env) {
    boolean hiringSide = hiringSide(env);
    return load(
        OPENINGS,
        openings.stream().map(OpeningNode::id).toList(),
        "j",
        j -> {
          PostingView v = posting(j);
          return hiringSide || v.salary() == null || !v.salary().internal()
              ? v
              : new PostingView(
                  v.language(),
                  v.languages(),
                  v.employmentType(),
                  v.validThrough(),
                  null,
                  v.translations(),
                  v.url());
        });
  }

  private static boolean hiringSide(BatchLoaderEnvironment env) {
    RequestAccess access =
        env.getContext() instanceof GraphQLContext ctx ? ctx.get(RequestAccess.class) : null;
    Principal p = access == null ? null : access.principal();
    return p == null || AccessPolicy.hasAny(p, HIRING_SIDE);
  }

  private static final Set<Role> HIRING_SIDE = EnumSet.of(Role.ADMIN, Role.HR, Role.MANAGER);

  @BatchMapping(typeName = "Candidate", field = "place")
  Flux<PersonPlace> candidatePlace(List<Candidate> candidates) {
    return load(
        PEOPLE, candidates.stream().map(Candidate::id).toList(), "p", v -> personPlace(v, true));
  }

  @BatchMapping(typeName = "Expert", field = "place")
  Flux<PersonPlace> expertPlace(List<ExpertNode> experts) {
    return load(
        PEOPLE, experts.stream().map(ExpertNode::id).toList(), "p", v -> personPlace(v, false));
  }

  private <T> Flux<T> load(String cypher, List<String> ids, String key, Function<Value, T> map) {
    return Mono.fromCallable(
            () -> {
              try (Session s = driver.session(GraphSessions.read(driver, database))) {
                List<Record> rows = s.executeRead(tx -> tx.run(cypher, Map.of("ids", ids)).list());
                List<T> out = new ArrayList<>(rows.size());
                for (Record r : rows)
                  out.add(map.apply(r.get(key).isNull() ? Values.value(Map.of()) : r.get(key)));
                return out;
              }
            })
        .subscribeOn(Schedulers.boundedElastic())
        .flatMapIterable(x -> x);
  }

  static OpeningPlace openingPlace(Value j) {
    String code = j.get(Places.COUNTRY_CODE).asString(null);
    if (code == null) code = Places.countryCode(j.get(Props.COUNTRY).asString(null));
    return new OpeningPlace(
        code,
        j.get(Props.CITY).asString(null),
        j.get(Places.TIME_ZONE).asString(null),
        upper(j.get(Props.REMOTE_POLICY).asString(null)),
        strings(j.get(Places.REMOTE_COUNTRIES)),
        j.get(Places.MIN_OVERLAP_HOURS).isNull() ? null : j.get(Places.MIN_OVERLAP_HOURS).asInt(),
        j.get(Places.VISA_SPONSORSHIP).asBoolean(false));
  }

  static PostingView posting(Value j) {
    String language = j.get(Posting.LANGUAGE).asString("en");
    List<String> langs = strings(j.get(Posting.TRANSLATION_LANGUAGES));
    List<String> titles = strings(j.get(Posting.TRANSLATION_TITLES));
    List<String> texts = strings(j.get(Posting.TRANSLATION_DESCRIPTIONS));
    List<PostingTranslation> translations = new ArrayList<>();
    List<String> all = new ArrayList<>(List.of(language));
    for (int i = 0; i < langs.size(); i++) {
      translations.add(
          new PostingTranslation(
              langs.get(i),
              i < titles.size() ? titles.get(i) : "",
              i < texts.size() && !texts.get(i).isEmpty() ? texts.get(i) : null));
      if (!all.contains(langs.get(i))) all.add(langs.get(i));
    }
    Value currency = j.get(Posting.SALARY_CURRENCY);
    Salary salary =
        currency.isNull()
            ? null
            : new Salary(
                j.get(Posting.SALARY_MIN).isNull() ? null : j.get(Posting.SALARY_MIN).asDouble(),
                j.get(Posting.SALARY_MAX).isNull() ? null : j.get(Posting.SALARY_MAX).asDouble(),
                currency.asString(),
                j.get(Posting.SALARY_UNIT).asString("YEAR"),
                j.get(Posting.SALARY_INTERNAL).asBoolean(false));
    boolean open = "open".equals(j.get(Props.STATUS).asString("open"));
    Value valid = j.get(Posting.VALID_THROUGH);
    return new PostingView(
        language,
        all,
        j.get(Posting.EMPLOYMENT_TYPE).asString(null),
        valid.isNull() ? null : valid.asObject().toString(),
        salary,
        translations,
        open && !j.get(Props.ID).isNull() ? "/jobs/" + j.get(Props.ID).asString() : null);
  }

  static PersonPlace personPlace(Value p, boolean withAuthorization) {
    String country = p.get(Props.COUNTRY).asString(null);
    String code = p.get(Places.COUNTRY_CODE).asString(null);
    if (code == null) code = Places.countryCode(country);
    return new PersonPlace(
        code,
        country != null ? country : Places.countryName(code),
        p.get(Props.CITY).asString(null),
        p.get(Places.TIME_ZONE).asString(null),
        upper(p.get(Props.REMOTE_POLICY).asString(null)),
        withAuthorization ? strings(p.get(Places.WORK_AUTHORIZATION)) : List.of());
  }

  private static List<String> strings(Value v) {
    return v == null || v.isNull() ? List.of() : v.asList(Value::asString);
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }
}
