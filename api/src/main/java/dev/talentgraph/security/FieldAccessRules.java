package dev.talentgraph.security;

import dev.talentgraph.graphql.expert.ExpertNode;
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
 * The GraphQL side of {@link AccessPolicy}, applied once to the schema: every Query and Mutation field
 * and every field marked {@code @personal} gets its data fetcher wrapped with its rule. Because the rule
 * sits on the field definition, it holds wherever the field is reached: at the top, deep in a nested
 * selection, or inside a connection.
 *
 * <p>Defaults are closed: a Mutation not listed here is ADMIN-only; a Query field needs a caller. A refused
 * field resolves to {@code null} with a FORBIDDEN error that names the field and the rule, and the refusal
 * is audited from the response. A granted personal field is audited as a read (field and person, never the value).
 */
final class FieldAccessRules extends GraphQLTypeVisitorStub {
  static final String PERSONAL = "personal";

  private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
  private static final Set<Role> PEOPLE = EnumSet.of(Role.ADMIN, Role.HR);
  private static final Set<Role> PROJECTS = EnumSet.of(Role.ADMIN, Role.HR, Role.MANAGER);

  /** Mutations and the role sets allowed to call them (anything else: ADMIN only). */
  static final Map<String, Set<Role>> MUTATIONS = Map.ofEntries(
      Map.entry("createExpert", PEOPLE), Map.entry("updateExpert", PEOPLE), Map.entry("deleteExpert", PEOPLE),
      Map.entry("createSkill", PEOPLE), Map.entry("updateSkill", PEOPLE), Map.entry("deleteSkill", PEOPLE),
      Map.entry("createCourse", PEOPLE), Map.entry("updateCourse", PEOPLE), Map.entry("deleteCourse", PEOPLE),
      Map.entry("createProject", PROJECTS), Map.entry("updateProject", PROJECTS), Map.entry("deleteProject", PROJECTS),
      Map.entry("addExpertToProject", PROJECTS), Map.entry("eraseExpert", PEOPLE),
      // a manager may resolve only their people's contests: checked against the contest by the resolver
      Map.entry("resolveContest", PROJECTS));

  /**
   * Query fields restricted to some roles (anything else: any authenticated caller). The analyst field
   * {@code cypher} checks its roles itself, with its own error code and audit.
   */
  static final Map<String, Set<Role>> QUERIES = Map.of("auditLog", ADMIN);

  /** Mutations whose rule depends on whom they touch: the expert id in {@code input.expertId}. */
  static final Set<String> SKILL_EDITS = Set.of("setExpertSkill", "removeExpertSkill");

  /** Mutations a person makes about their own facts (ADMIN and HR for anyone): the expert id in {@code input.expertId}. */
  static final Set<String> OWN_FACTS = Set.of("contestFact");

  private final AuditTrail audit;

  FieldAccessRules(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
      TraverserContext<GraphQLSchemaElement> context) {
    if (!(context.getParentNode() instanceof GraphQLFieldsContainer parent)) return TraversalControl.CONTINUE;
    GraphQLCodeRegistry.Builder code = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
    FieldCoordinates coordinates = FieldCoordinates.coordinates(parent.getName(), field.getName());
    DataFetcher<?> original = code.getDataFetcher(coordinates, field);
    DataFetcher<?> guarded = null;
    String type = parent.getName();
    if (type.equals("Mutation")) {
      guarded = SKILL_EDITS.contains(field.getName()) ? skillEdit(field.getName(), original)
          : OWN_FACTS.contains(field.getName()) ? ownFacts(field.getName(), original)
          : byRole("Mutation." + field.getName(), MUTATIONS.getOrDefault(field.getName(), ADMIN), original);
    } else if (type.equals("Query")) {
      guarded = field.getName().equals("exportPersonalData") ? personal("Query.exportPersonalData", original, true)
          : byRole("Query." + field.getName(), QUERIES.get(field.getName()), original);
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
        return deny(env, p, coordinate, "requires one of the roles " + roles + "; you have " + p.roles());
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
      return access.managed().flatMap(managed -> {
        if (!AccessPolicy.mayEditSkillsOf(p, expertId, managed)) {
          return Mono.just(deny(env, p, coordinate, "you may change only your own skills"
              + (p.has(Role.MANAGER) ? " and those of the people in teams you manage" : "")
              + " (expert '" + expertId + "')"));
        }
        return callAsMono(original, env);
      });
    };
  }

  private DataFetcher<?> ownFacts(String name, DataFetcher<?> original) {
    String coordinate = "Mutation." + name;
    return env -> {
      RequestAccess access = access(env);
      Principal p = access == null ? null : access.principal();
      if (p == null) return deny(env, p, coordinate, "authentication required");
      String expertId = target(env);
      if (!AccessPolicy.mayContest(p, expertId)) {
        return deny(env, p, coordinate, "only the person themselves, HR and ADMIN may contest facts about expert '" + expertId + "'");
      }
      return original.get(env);
    };
  }

  /** A personal field: the owner is the source expert (or the expertId argument at the top level). */
  private DataFetcher<?> personal(String coordinate, DataFetcher<?> original, boolean topLevel) {
    return env -> {
      RequestAccess access = access(env);
      Principal p = access == null ? null : access.principal();
      String owner = topLevel ? env.getArgument("expertId") : ownerOf(env.getSource());
      if (p == null) return deny(env, p, coordinate, "authentication required");
      if (owner == null) return deny(env, p, coordinate, "personal data without a known owner");
      return access.managed().flatMap(managed -> {
        if (!AccessPolicy.mayReadPersonal(p, owner, managed)) {
          return Mono.just(deny(env, p, coordinate, "personal data of expert '" + owner
              + "' is visible only to ADMIN and HR, the person themselves and their team's manager"));
        }
        audit.personalRead(p, owner, coordinate, access.remoteAddress());
        return callAsMono(original, env);
      });
    };
  }

  /** Runs the guarded fetcher and adapts what it returns (a value, a Mono or a future) to one Mono. */
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
    return id == null ? (env.getArgument("id") == null ? null : env.getArgument("id").toString()) : id.toString();
  }

  private DataFetcherResult<Object> deny(DataFetchingEnvironment env, Principal p, String coordinate, String reason) {
    return DataFetcherResult.newResult()
        .error(GraphqlErrorBuilder.newError(env)
            .errorType(p == null ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN)
            .message("%s refused: %s", coordinate, reason)
            .extensions(Map.of("code", p == null ? "UNAUTHENTICATED" : "FORBIDDEN", "field", coordinate))
            .build())
        .build();
  }
}
