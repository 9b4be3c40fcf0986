package dev.talentgraph.security;

import dev.talentgraph.graphql.nodes.ExpertNode;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.springframework.graphql.execution.ErrorType;
import reactor.core.publisher.Mono;

/**
 * The GraphQL side of {@link AccessPolicy}, applied once to the schema: every Query and Mutation
 * field and every field marked {@code @personal} gets its data fetcher wrapped with its rule.
 * Because the rule sits on the field definition, it holds wherever the field is reached: at the
 * top, deep in a nested selection, or inside a connection.
 *
 * <p>Defaults are closed: a Mutation not listed here is ADMIN-only; a Query field needs a caller. A
 * refused field resolves to {@code null} with a FORBIDDEN error that names the field and the rule,
 * and the refusal is audited from the response. A granted personal field is audited as a read
 * (field and person, never the value).
 */
final class FieldAccessRules extends GraphQLTypeVisitorStub {
  static final String PERSONAL = "personal";

  private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
  private static final Set<Role> PEOPLE = EnumSet.of(Role.ADMIN, Role.HR);
  private static final Set<Role> PROJECTS = EnumSet.of(Role.ADMIN, Role.HR, Role.MANAGER);
  private static final Set<Role> MENTORSHIP_PARTIES =
      EnumSet.of(Role.ADMIN, Role.HR, Role.MANAGER, Role.EMPLOYEE);

  /** Employees' own questions and answers: anyone with a person behind the account, not PORTAL. */
  private static final Set<Role> QA_AUTHORS =
      EnumSet.of(Role.ADMIN, Role.HR, Role.MANAGER, Role.EMPLOYEE);

  /** Mutations and the role sets allowed to call them (anything else: ADMIN only). */
  static final Map<String, Set<Role>> MUTATIONS =
      Map.ofEntries(
          Map.entry("createExpert", PEOPLE),
          Map.entry("updateExpert", PEOPLE),
          Map.entry("deleteExpert", PEOPLE),
          Map.entry("createSkill", PEOPLE),
          Map.entry("updateSkill", PEOPLE),
          Map.entry("deleteSkill", PEOPLE),
          Map.entry("createCourse", PEOPLE),
          Map.entry("updateCourse", PEOPLE),
          Map.entry("deleteCourse", PEOPLE),
          Map.entry("createProject", PROJECTS),
          Map.entry("updateProject", PROJECTS),
          Map.entry("deleteProject", PROJECTS),
          Map.entry("addExpertToProject", PROJECTS),
          Map.entry("eraseExpert", PEOPLE),
          Map.entry("createOpening", AccessPolicy.RECRUITERS),
          Map.entry("updateOpening", AccessPolicy.RECRUITERS),
          Map.entry("closeOpening", AccessPolicy.RECRUITERS),
          Map.entry("createCandidate", AccessPolicy.RECRUITERS),
          Map.entry("apply", AccessPolicy.RECRUITERS),
          Map.entry("eraseCandidate", PEOPLE),
          Map.entry("giveDemographics", AccessPolicy.RECRUITERS),
          Map.entry("recordConsent", AccessPolicy.RECRUITERS),
          Map.entry("withdrawConsent", AccessPolicy.RECRUITERS),
          Map.entry("setBlindReview", AccessPolicy.RECRUITERS),
          // derived data only: replaces the stored communities of practice
          Map.entry("refreshCommunities", EnumSet.of(Role.ADMIN, Role.ANALYST)),
          // who may act on which mentorship (the mentee asks, only the mentor accepts) is decided
          // by the mentoring service against the caller's expert id
          Map.entry("requestMentorship", MENTORSHIP_PARTIES),
          Map.entry("acceptMentorship", MENTORSHIP_PARTIES),
          Map.entry("endMentorship", MENTORSHIP_PARTIES),
          // a manager may resolve only their people's contests: checked against the contest by the
          // resolver
          Map.entry("resolveContest", PROJECTS),
          Map.entry("postQuestion", QA_AUTHORS),
          Map.entry("postAnswer", QA_AUTHORS),
          Map.entry("acceptAnswer", QA_AUTHORS));

  /**
   * Query fields restricted to some roles (anything else: any authenticated caller). The analyst
   * field {@code cypher} checks its roles itself, with its own error code and audit.
   */
  static final Map<String, Set<Role>> QUERIES =
      Map.of(
          "auditLog",
          ADMIN,
          "candidate",
          AccessPolicy.APPLICATION_READERS,
          "metrics",
          AccessPolicy.METRICS_READERS,
          // a MANAGER only for the teams they manage, checked by its controller
          "teamLearning",
          PROJECTS,
          "rankCandidates",
          PROJECTS,
          "formTeam",
          AccessPolicy.TEAM_PLANNERS,
          "keyPersonRisk",
          AccessPolicy.TEAM_PLANNERS,
          "departureImpact",
          AccessPolicy.TEAM_PLANNERS);

  /**
   * Recruiting: mutations and the query on one application ({@code applicationId} or {@code id}, at
   * the top or in {@code input}) for those who may work on it ({@link
   * AccessPolicy#mayWorkOnApplication}).
   */
  static final Set<String> APPLICATION_WORK =
      Set.of("moveApplication", "recordAssessment", "recordInterview");

  /**
   * Lists of applications: of an opening (refused out of scope), of a candidate (cut to the scope).
   */
  static final String OPENING_APPLICATIONS = "JobOpening.applications";

  static final String CANDIDATE_APPLICATIONS = "Candidate.applications";
  static final String FEEDBACK = "Interview.feedback";

  /**
   * Queries about one person (argument {@code expertId}) for that person, HR, ADMIN and their
   * manager, like personal fields but not audited as personal reads. (rankCandidates: a MANAGER
   * only for openings of teams they manage, checked by its controller.)
   */
  static final Set<String> ABOUT_A_PERSON = Set.of("matchOpenings", "recommendMentors");

  /** Mutations whose rule depends on whom they touch: the expert id in {@code input.expertId}. */
  static final Set<String> SKILL_EDITS = Set.of("setExpertSkill", "removeExpertSkill");

  /**
   * The learning loop's mutations, under the rule of skill edits (a completion sets skill levels):
   * the person, their team's manager, HR and ADMIN; the expert id in {@code input.expertId}.
   */
  static final Set<String> LEARNING =
      Set.of(
          "assignLearningPath",
          "enrol",
          "recordProgress",
          "completeCourse",
          "withdraw",
          "courseFeedback");

  /**
   * Mutations a person makes about their own facts (ADMIN and HR for anyone): the expert id in
   * {@code input.expertId}.
   */
  static final Set<String> OWN_FACTS = Set.of("contestFact");

  private final AuditTrail audit;

  FieldAccessRules(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public TraversalControl visitGraphQLFieldDefinition(
      GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
    if (!(context.getParentNode() instanceof GraphQLFieldsContainer parent))
      return TraversalControl.CONTINUE;
    GraphQLCodeRegistry.Builder code = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
    FieldCoordinates coordinates = FieldCoordinates.coordinates(parent.getName(), field.getName());
    DataFetcher<?> original = code.getDataFetcher(coordinates, field);
    DataFetcher<?> guarded = null;
    String type = parent.getName();
    if (type.equals("Mutation")) {
      guarded =
          SKILL_EDITS.contains(field.getName()) || LEARNING.contains(field.getName())
              ? skillEdit(field.getName(), original)
              : APPLICATION_WORK.contains(field.getName())
                  ? applicationWork("Mutation." + field.getName(), original)
                  : OWN_FACTS.contains(field.getName())
                      ? ownFacts(field.getName(), original)
                      : byRole(
                          "Mutation." + field.getName(),
                          MUTATIONS.getOrDefault(field.getName(), ADMIN),
                          original);
    } else if (type.equals("Query")) {
      guarded =
          field.getName().equals("exportPersonalData")
              ? personal("Query.exportPersonalData", original, true)
              : field.getName().equals("application")
                  ? applicationWork("Query.application", original)
                  : ABOUT_A_PERSON.contains(field.getName())
                      ? aboutPerson("Query." + field.getName(), original)
                      : byRole("Query." + field.getName(), QUERIES.get(field.getName()), original);
    } else if ((type + "." + field.getName()).equals(OPENING_APPLICATIONS)) {
      guarded = openingApplications(OPENING_APPLICATIONS, original);
    } else if ((type + "." + field.getName()).equals(CANDIDATE_APPLICATIONS)) {
      guarded = candidateApplications(CANDIDATE_APPLICATIONS, original);
    } else if ((type + "." + field.getName()).equals(FEEDBACK)) {
      guarded = feedback(FEEDBACK, original);
    } else if (field.hasAppliedDirective(PERSONAL) || field.getDirective(PERSONAL) != null) {
      guarded = personal(type + "." + field.getName(), original, false);
    }
    if (guarded != null) code.dataFetcher(coordinates, guarded);
    return TraversalControl.CONTINUE;
  }

  static RequestAccess access(DataFetchingEnvironment env) {
    GraphQLContext ctx = env.getGraphQlContext();
    return ctx == null ? null : ctx.get(RequestAccess.class);
  }

  /** Allowed roles (null = any caller). */
  private DataFetcher<?> byRole(String coordinate, Set<Role> roles, DataFetcher<?> original) {
    return env -> {
      RequestAccess access = access(env);
      Principal p = access == null ? null : access.principal();
      if (p == null) return deny(env, p, coordinate, "authentication required");
      if (roles != null && !AccessPolicy.hasAny(p, roles)) {
        return deny(
            env, p, coordinate, "requires one of the roles " + roles + "; you have " + p.roles());
      }
      return original.get(env);
    };
  }

  private DataFetcher<?> skillEdit(String name, DataFetcher<?> original) {
    String coordinate = "Mutation." + name;
    return env -> {
      RequestAccess access = access(env);
      Principal p = access == null ? null : access.principal();
      if (p == null) return deny(env, p, coordinate, "authentication required");
      String expertId = target(env);
      return access
          .managed()
          .flatMap(
              managed -> {
                if (!AccessPolicy.mayEditSkillsOf(p, expertId, managed)) {
                  return Mono.just(
                      deny(
                          env,
                          p,
                          coordinate,
                          (LEARNING.contains(name)
                                  ? "you may change only your own learning"
                                  : "you may change only your own skills")
                              + (p.has(Role.MANAGER)
                                  ? " and those of the people in teams you manage"
                                  : "")
                              + " (expert '"
                              + expertId
                              + "')"));
                }
                return callAsMono(original, env);
              });
    };
  }

  private static final String APPLICATIONS_RULE =
      "applications are visible only to ADMIN and HR and, for MANAGER,"
          + " those of openings whose team they manage or whose hiring team they are on";

  /**
   * One application, named by the {@code applicationId} or {@code id} argument (or input field).
   */
  private DataFetcher<?> applicationWork(String coordinate, DataFetcher<?> original) {
    return env -> {
      RequestAccess access = access(env);
      Principal p = access == null ? null : access.principal();
      if (p == null) return deny(env, p, coordinate, "authentication required");
      if (!AccessPolicy.hasAny(p, AccessPolicy.APPLICATION_READERS)) {
        return deny(
            env,
            p,
            coordinate,
            "requires one of the roles "
                + AccessPolicy.APPLICATION_READERS
                + "; you have "
                + p.roles());
      }
      String applicationId = argument(env, "applicationId");
      return access
          .hiring()
          .flatMap(
              scope ->
                  !AccessPolicy.mayWorkOnApplication(p, applicationId, scope)
                      ? Mono.just(
                          deny(
                              env,
                              p,
                              coordinate,
                              APPLICATIONS_RULE + " (application '" + applicationId + "')"))
                      : callAsMono(original, env));
    };
  }

  private DataFetcher<?> openingApplications(String coordinate, DataFetcher<?> original) {
    return env -> {
      RequestAccess access = access(env);
      Principal p = access == null ? null : access.principal();
      if (p == null) return deny(env, p, coordinate, "authentication required");
      String openingId = env.getSource() instanceof HiringScoped h ? h.openingId() : null;
      return access
          .hiring()
          .flatMap(
              scope ->
                  !AccessPolicy.mayWorkOnOpening(p, openingId, scope)
                      ? Mono.just(
                          deny(
                              env,
                              p,
                              coordinate,
                              APPLICATIONS_RULE + " (opening '" + openingId + "')"))
                      : callAsMono(original, env));
    };
  }

  /** A candidate's applications: refused below MANAGER, cut to the openings a MANAGER hires for. */
  private DataFetcher<?> candidateApplications(String coordinate, DataFetcher<?> original) {
    return env -> {
      RequestAccess access = access(env);
      Principal p = access == null ? null : access.principal();
      if (p == null) return deny(env, p, coordinate, "authentication required");
      if (!AccessPolicy.hasAny(p, AccessPolicy.APPLICATION_READERS))
        return deny(env, p, coordinate, APPLICATIONS_RULE);
      return access
          .hiring()
          .flatMap(
              scope ->
                  callAsMono(original, env)
                      .map(
                          r ->
                              r instanceof java.util.List<?> list
                                  ? list.stream()
                                      .filter(
                                          a ->
                                              a instanceof HiringScoped h
                                                  && AccessPolicy.mayWorkOnApplication(
                                                      p, h.applicationId(), scope))
                                      .toList()
                                  : r));
    };
  }

  /**
   * Interview feedback: personal to the applicant; read audited, refusal audited from the response.
   */
  private DataFetcher<?> feedback(String coordinate, DataFetcher<?> original) {
    return env -> {
      RequestAccess access = access(env);
      Principal p = access == null ? null : access.principal();
      if (p == null) return deny(env, p, coordinate, "authentication required");
      HiringScoped interview = env.getSource() instanceof HiringScoped h ? h : null;
      if (interview == null) return deny(env, p, coordinate, "feedback without a known interview");
      return access
          .hiring()
          .flatMap(
              scope -> {
                if (!AccessPolicy.mayReadFeedback(
                    p, interview.interviewerId(), interview.openingId(), scope)) {
                  return Mono.just(
                      deny(
                          env,
                          p,
                          coordinate,
                          "interview feedback is visible only to ADMIN and HR, the interviewer"
                              + " and the opening's hiring manager (interview of application '"
                              + interview.applicationId()
                              + "')"));
                }
                audit.personalRead(p, interview.applicantId(), coordinate, access.remoteAddress());
                return callAsMono(original, env);
              });
    };
  }

  /** An id argument, at the top or in {@code input}. */
  private static String argument(DataFetchingEnvironment env, String name) {
    Object input = env.getArgument("input");
    Object v = input instanceof Map<?, ?> m ? m.get(name) : env.getArgument(name);
    if (v == null) v = env.getArgument("id");
    return v == null ? null : v.toString();
  }

  private DataFetcher<?> ownFacts(String name, DataFetcher<?> original) {
    String coordinate = "Mutation." + name;
    return env -> {
      RequestAccess access = access(env);
      Principal p = access == null ? null : access.principal();
      if (p == null) return deny(env, p, coordinate, "authentication required");
      String expertId = target(env);
      if (!AccessPolicy.mayContest(p, expertId)) {
        return deny(
            env,
            p,
            coordinate,
            "only the person themselves, HR and ADMIN may contest facts about expert '"
                + expertId
                + "'");
      }
      return original.get(env);
    };
  }

  /**
   * A personal field: the owner is the source expert (or the expertId argument at the top level).
   */
  private DataFetcher<?> personal(String coordinate, DataFetcher<?> original, boolean topLevel) {
    return env -> {
      RequestAccess access = access(env);
      Principal p = access == null ? null : access.principal();
      String owner = topLevel ? env.getArgument("expertId") : ownerOf(env.getSource());
      if (p == null) return deny(env, p, coordinate, "authentication required");
      if (owner == null) return deny(env, p, coordinate, "personal data without a known owner");
      return access
          .managed()
          .flatMap(
              managed -> {
                if (topLevel && !AccessPolicy.mayExportPersonal(p, owner)) {
                  return Mono.just(
                      deny(
                          env,
                          p,
                          coordinate,
                          "the export of everything held about expert '"
                              + owner
                              + "' is only for ADMIN and HR and the person themselves"));
                }
                if (!AccessPolicy.mayReadPersonal(p, owner, managed)) {
                  return Mono.just(
                      deny(
                          env,
                          p,
                          coordinate,
                          "personal data of expert '"
                              + owner
                              + "' is visible only to ADMIN and HR, the person themselves and their team's manager"));
                }
                audit.personalRead(p, owner, coordinate, access.remoteAddress());
                return callAsMono(original, env);
              });
    };
  }

  /**
   * A query about the person named by its {@code expertId} argument: the rule of personal data,
   * without the audit of a personal read.
   */
  private DataFetcher<?> aboutPerson(String coordinate, DataFetcher<?> original) {
    return env -> {
      RequestAccess access = access(env);
      Principal p = access == null ? null : access.principal();
      if (p == null) return deny(env, p, coordinate, "authentication required");
      String owner = env.getArgument("expertId");
      return access
          .managed()
          .flatMap(
              managed -> {
                if (!AccessPolicy.mayReadPersonal(p, owner, managed)) {
                  return Mono.just(
                      deny(
                          env,
                          p,
                          coordinate,
                          "only ADMIN and HR, the person themselves and their team's manager may ask "
                              + "about expert '"
                              + owner
                              + "'"));
                }
                return callAsMono(original, env);
              });
    };
  }

  /**
   * Runs the guarded fetcher and adapts what it returns (a value, a Mono or a future) to one Mono.
   */
  private static Mono<Object> callAsMono(DataFetcher<?> fetcher, DataFetchingEnvironment env) {
    Object r;
    try {
      r = fetcher.get(env);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    if (r instanceof Mono<?> m) return m.map(x -> (Object) x);
    if (r instanceof CompletionStage<?> c) return Mono.fromCompletionStage(c).map(x -> (Object) x);
    return Mono.justOrEmpty(r);
  }

  static String ownerOf(Object source) {
    if (source instanceof ExpertNode e) return e.id();
    if (source instanceof PersonalOwner o) return o.ownerExpertId();
    return null;
  }

  @SuppressWarnings("unchecked")
  private static String target(DataFetchingEnvironment env) {
    Object input = env.getArgument("input");
    if (input instanceof Map<?, ?> m) {
      Object id = m.containsKey("expertId") ? m.get("expertId") : m.get("id");
      return id == null ? null : id.toString();
    }
    Object id = env.getArgument("expertId");
    return id == null
        ? (env.getArgument("id") == null ? null : env.getArgument("id").toString())
        : id.toString();
  }

  static DataFetcherResult<Object> deny(
      DataFetchingEnvironment env, Principal p, String coordinate, String reason) {
    return DataFetcherResult.newResult()
        .error(
            GraphqlErrorBuilder.newError(env)
                .errorType(p == null ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN)
                .message("%s refused: %s", coordinate, reason)
                .extensions(
                    Map.of(
                        "code", p == null ? "UNAUTHENTICATED" : "FORBIDDEN", "field", coordinate))
                .build())
        .build();
  }
}
