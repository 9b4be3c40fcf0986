package dev.talentgraph.analyst;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;

/**
 * Decides from the plan of {@code EXPLAIN <query>} whether an analyst may run a query. The plan is
 * what Neo4j will execute, so disguises in the text (case, comments, back-quotes, whitespace,
 * unicode escapes, subqueries) are already undone there; the guard never looks at the query string
 * itself.
 *
 * <p>The rules, each refusal naming the operator and the name it found:
 *
 * <ol>
 *   <li>the query type must be {@code READ_ONLY} (no writes, no schema or administration commands);
 *   <li>no write, {@code LOAD CSV}, {@code IN TRANSACTIONS}, {@code FOREACH}, {@code SHOW}/{@code
 *       TERMINATE} or administration operator anywhere in the tree, and the plan runs on the
 *       configured database (no {@code USE other});
 *   <li>every {@code ProcedureCall} names an allowed procedure, every namespaced function in any
 *       operator's expressions an allowed function;
 *   <li>personal data and secrets stay out of reach: no protected label or relationship type is
 *       named anywhere; nodes are only reached through a label or a typed relationship, never by
 *       scanning all nodes ({@code AllNodesScan}, e.g. {@code MATCH (n) RETURN n}), all
 *       relationships, by id without a label check, or by an untyped or label-expression expansion
 *       ({@code (e)-->(x)}, {@code [*]}, {@code [:!HAS_SKILL]}); dynamic labels ({@code :$(...)})
 *       are refused.
 * </ol>
 *
 * Rule 4 means analysts write {@code MATCH (n:Skill)} rather than {@code MATCH (n)}: an unlabelled
 * scan could reach PersonalData, User, ApiToken or AuditEvent nodes, and post-filtering result
 * nodes would not stop {@code properties(n)} or {@code n.passwordHash} from leaking values. Results
 * are still checked for protected nodes as a second line (see {@link AnalystCypher}).
 */
final class CypherGuard {
  /**
   * Operators (without the {@code (All)}/{@code (Into)} suffix) that change data or run side
   * effects.
   */
  private static final List<String> REFUSED_OPERATOR_PREFIXES =
      List.of(
          "Create",
          "Merge",
          "Delete",
          "DetachDelete",
          "Set",
          "Remove",
          "Foreach",
          "LoadCSV",
          "Transaction",
          "Show",
          "Terminate",
          "Drop",
          "Alter",
          "Grant",
          "Deny",
          "Revoke",
          "Rename",
          "Start",
          "Stop",
          "Enable",
          "Disable",
          "Administration",
          "DoNothing",
          "Assert",
          "Ensure",
          "Lock");

  /** Leaves that reach nodes or relationships without a label or type. */
  private static final List<String> UNLABELLED_LEAVES =
      List.of(
          "AllNodesScan",
          "AllRelationshipsScan",
          "RelationshipByIdSeek",
          "RelationshipByElementIdSeek");

  private static final Set<String> ID_SEEKS = Set.of("NodeByIdSeek", "NodeByElementIdSeek");

  private final String database;
  private final Set<String> protectedLabels;
  private final Set<String> protectedTypes;
  private final Set<String> readable;
  private final Set<String> readableLabels;
  private final Set<String> openTypes;
  private final Set<String> personalProperties;
  private final List<Pattern> procedures;
  private final List<Pattern> functions;
  private final List<Pattern> denied;

  public CypherGuard(AnalystSettings settings, String database) {
    this.database = database;
    this.protectedLabels = Set.copyOf(settings.protectedLabels());
    this.protectedTypes = Set.copyOf(settings.protectedTypes());
    this.readableLabels = Set.copyOf(settings.readableLabels());
    Set<String> r = new java.util.HashSet<>(settings.readableLabels());
    r.addAll(settings.readableTypes());
    r.removeAll(protectedLabels);
    r.removeAll(protectedTypes);
    this.readable = Set.copyOf(r);
    this.openTypes = Set.copyOf(settings.openTypes());
    this.personalProperties = Set.copyOf(settings.personalProperties());
    this.procedures = globs(settings.allowedProcedures());
    this.functions = globs(settings.allowedFunctions());
    this.denied = globs(settings.deniedRoutines());
  }

  /**
   * Glob with {@code *} = any characters; routine names resolve case-insensitively, so compare
   * lower case.
   */
  private static List<Pattern> globs(List<String> names) {
    return names.stream()
        .map(
            g ->
                Pattern.compile(
                    ("\\Q" + g.toLowerCase(Locale.ROOT) + "\\E").replace("*", "\\E.*\\Q")))
        .toList();
  }

  private static boolean matches(List<Pattern> patterns, String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return patterns.stream().anyMatch(p -> p.matcher(n).matches());
  }

  /**
   * The refusal for the summary of an {@code EXPLAIN}, or empty when the query may run. The plan is
   * checked first, so a refusal names the operator or procedure; a query type other than READ_ONLY
   * is refused even when no operator explains it.
   */
  public Optional<CypherRefusal> check(ResultSummary explain) {
    if (!explain.hasPlan()) {
      return Optional.of(
          new CypherRefusal("no_plan", "?", null, "refused: Neo4j returned no plan to check"));
    }
    Optional<CypherRefusal> byPlan = check(explain.plan(), List.of());
    if (byPlan.isPresent()) return byPlan;
    Optional<CypherRefusal> byProperty = checkProperties(explain.plan());
    if (byProperty.isPresent()) return byProperty;
    List<String> procedureNames = new java.util.ArrayList<>();
    procedures(explain.plan(), procedureNames);
    if (procedureNames.stream().anyMatch(AnalystProjections::isProjection)
        && procedureNames.size() > 1) {
      return refuse(
          "gds_projection",
          "ProcedureCall",
          "gds.graph.project",
          "refused: gds.graph.project must be a query of its own (it is checked before the graph"
              + " can be used); run the algorithm in a second query");
    }
    QueryType type = explain.queryType();
    if (type != QueryType.READ_ONLY) {
      String op = firstNonReadOperator(explain.plan());
      return Optional.of(
          new CypherRefusal(
              "not_read_only",
              op,
              String.valueOf(type),
              "refused: the query is "
                  + type
                  + " (operator "
                  + op
                  + "); the analyst endpoint only reads"));
    }
    return Optional.empty();
  }

  /** True when the checked plan projects a GDS graph: the projection must then be checked too. */
  boolean projects(ResultSummary explain) {
    List<String> names = new java.util.ArrayList<>();
    if (explain.hasPlan()) procedures(explain.plan(), names);
    return names.stream().anyMatch(AnalystProjections::isProjection);
  }

  private static void procedures(Plan plan, List<String> out) {
    if (baseName(plan.operatorType()).equals("ProcedureCall")) {
      List<PlanText.Call> calls = PlanText.calls(PlanText.lex(details(plan)));
      out.add(calls.isEmpty() ? "?" : calls.get(0).name());
    }
    for (Plan c : plan.children()) procedures(c, out);
  }

  /** The first operator (depth first) that explains a non-read query type, else the root's. */
  private String firstNonReadOperator(Plan plan) {
    String found = findNonRead(plan);
    return found != null ? found : baseName(plan.operatorType());
  }

  private String findNonRead(Plan plan) {
    String name = baseName(plan.operatorType());
    if (name.equals("ProcedureCall")
        || REFUSED_OPERATOR_PREFIXES.stream().anyMatch(name::startsWith)) return name;
    for (Plan c : plan.children()) {
      String found = findNonRead(c);
      if (found != null) return found;
    }
    return null;
  }

  /**
   * Checks one operator and its subtree; {@code ancestors} lists the operators above it, nearest
   * first.
   */
  Optional<CypherRefusal> check(Plan plan, List<Plan> ancestors) {
    String full = plan.operatorType();
    String op = baseName(full);
    Value runtime = plan.arguments().get("runtime");
    if (runtime != null
        && !runtime.isNull()
        && Set.of("SCHEMA", "SYSTEM").contains(runtime.asString())) {
      return refuse(
          "command", op, null, "refused: " + op + " is a schema or administration command");
    }
    int at = full.indexOf('@');
    if (at >= 0 && !full.substring(at + 1).equals(database)) {
      return refuse(
          "other_database",
          op,
          full.substring(at + 1),
          "refused: the query runs on database '"
              + full.substring(at + 1)
              + "'; analysts query '"
              + database
              + "' only");
    }
    if (op.equals("LoadCSV")) {
      return refuse(
          "load_csv", op, null, "refused: LOAD CSV reads files or URLs (operator LoadCSV)");
    } else if (op.startsWith("Transaction")) {
      return refuse(
          "in_transactions",
          op,
          null,
          "refused: CALL { ... } IN TRANSACTIONS (operator " + op + ")");
    } else if (REFUSED_OPERATOR_PREFIXES.stream().anyMatch(op::startsWith)) {
      return refuse(
          "operator",
          op,
          null,
          "refused: operator " + op + " is not allowed on the analyst endpoint");
    }
    for (String leaf : UNLABELLED_LEAVES) {
      if (op.endsWith(leaf)) {
        return refuse(
            "unlabelled_scan",
            op,
            null,
            "refused: "
                + op
                + " reaches every node or relationship, including"
                + " personal data; match with a label or relationship type, e.g. MATCH (n:Skill)");
      }
    }
    String details = details(plan);
    List<PlanText.Token> tokens = PlanText.lex(details);
    if (ID_SEEKS.contains(op) && !labelledAbove(plan, ancestors)) {
      return refuse(
          "unlabelled_scan",
          op,
          null,
          "refused: "
              + op
              + " finds a node by id without a label;"
              + " add one, e.g. MATCH (n:Expert) WHERE id(n) = $id");
    }
    if (PlanText.hasDynamicLabel(tokens)) {
      return refuse(
          "dynamic_label",
          op,
          null,
          "refused: a label or type chosen at run time (operator " + op + ")");
    }
    for (String name : PlanText.labelPositionNames(tokens)) {
      if (!readable.contains(name)) {
        return refuse(
            "protected",
            op,
            name,
            "refused: "
                + name
                + (protectedLabels.contains(name) || protectedTypes.contains(name)
                    ? " holds personal data or secrets and is not"
                    : " is not on the list of labels and types analysts may read, so it is not")
                + " readable on the analyst endpoint (operator "
                + op
                + ")");
      }
    }
    for (PlanText.RelPattern rel : PlanText.relPatterns(tokens)) {
      List<String> types = rel.plainTypes();
      if (types == null) {
        return refuse(
            "untyped_relationship",
            op,
            null,
            "refused: a relationship pattern without a plain type"
                + " list (operator "
                + op
                + ") could reach personal data; name the types, e.g. -[:HAS_SKILL]->");
      }
    }
    if (isExpansion(op)
        && (PlanText.relPatterns(tokens).isEmpty() || PlanText.hasBarePattern(tokens))) {
      return refuse(
          "untyped_relationship",
          op,
          null,
          "refused: "
              + op
              + " expands relationships of any type;"
              + " name the types, e.g. -[:HAS_SKILL]->");
    }
    if (isExpansion(op) && !op.contains("(Into)")) {
      Optional<CypherRefusal> open = checkOpenExpansion(plan, op, tokens, ancestors);
      if (open.isPresent()) return open;
    }
    List<PlanText.Call> calls = PlanText.calls(tokens);
    for (int i = 0; i < calls.size(); i++) {
      PlanText.Call call = calls.get(i);
      boolean procedure = op.equals("ProcedureCall") && i == 0;
      if (procedure) {
        if (matches(denied, call.name()) || !matches(procedures, call.name())) {
          return refuse(
              "procedure",
              op,
              call.name(),
              "refused: procedure " + call.name() + " is not on the analyst allow-list");
        }
      } else if (call.namespaced()
          && (matches(denied, call.name()) || !matches(functions, call.name()))) {
        return refuse(
            "function",
            op,
            call.name(),
            "refused: function "
                + call.name()
                + " is not on the analyst allow-list (operator "
                + op
                + ")");
      }
    }
    if (op.equals("ProcedureCall") && calls.isEmpty()) {
      return refuse("procedure", op, null, "refused: a procedure call the guard cannot identify");
    }
    List<Plan> above = new java.util.ArrayList<>(ancestors.size() + 1);
    above.add(plan);
    above.addAll(ancestors);
    for (Plan child : plan.children()) {
      Optional<CypherRefusal> r = check(child, above);
      if (r.isPresent()) return r;
    }
    return Optional.empty();
  }

  /**
   * A node reached over an open type (one that also links a label analysts may not read) must be
   * checked against a readable label: in the pattern itself or by a Filter above, as a conjunct.
   */
  private Optional<CypherRefusal> checkOpenExpansion(
      Plan plan, String op, List<PlanText.Token> tokens, List<Plan> ancestors) {
    String open = null;
    for (PlanText.RelPattern rel : PlanText.relPatterns(tokens)) {
      List<String> types = rel.plainTypes();
      if (types == null) continue;
      for (String t : types) if (openTypes.contains(t)) open = t;
    }
    if (open == null) return Optional.empty();
    // the nodes this operator binds: those of its pattern that no operator below it bound already
    Set<String> bound = new java.util.HashSet<>();
    for (Plan c : plan.children()) bound.addAll(c.identifiers());
    List<String[]> nodes = PlanText.nodePatterns(tokens);
    for (int i = 0; i < nodes.size(); i++) {
      String variable = nodes.get(i)[0];
      String label = nodes.get(i)[1];
      if (bound.contains(variable)) continue;
      if (label != null && readableLabels.contains(label)) continue;
      if (labelledByFilter(variable, ancestors)) continue;
      return refuse(
          "open_type",
          op,
          open,
          "refused: "
              + open
              + " also links nodes analysts may not read; give the node it reaches a label,"
              + " e.g. (s:Skill)<-[:"
              + open
              + "]-(e:Expert)");
    }
    return Optional.empty();
  }

  /** True when a Filter above keeps only nodes of a readable label for this variable. */
  private boolean labelledByFilter(String variable, List<Plan> ancestors) {
    for (Plan a : ancestors) {
      if (!baseName(a.operatorType()).equals("Filter")) continue;
      List<PlanText.Token> t = PlanText.lex(details(a));
      if (conjunctLabel(t, variable, readableLabels)) return true;
    }
    return false;
  }

  /**
   * {@code variable:Label} as one top-level AND-conjunct (a parenthesised conjunct counts through
   * its own top-level conjuncts), with a label from the set.
   */
  static boolean conjunctLabel(List<PlanText.Token> all, String variable, Set<String> labels) {
    List<PlanText.Token> t = unwrapped(all);
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= t.size(); i++) {
      boolean end = i == t.size();
      if (!end) {
        PlanText.Token tk = t.get(i);
        if (tk.is("(") || tk.is("[") || tk.is("{")) depth++;
        else if (tk.is(")") || tk.is("]") || tk.is("}")) depth--;
        end =
            depth == 0
                && tk.kind() == PlanText.Kind.NAME
                && !tk.quoted()
                && tk.text().equalsIgnoreCase("AND");
      }
      if (!end) continue;
      List<PlanText.Token> c = t.subList(start, i);
      if (c.size() == 3
          && c.get(0).kind() == PlanText.Kind.NAME
          && c.get(0).text().equals(variable)
          && c.get(1).is(":")
          && c.get(2).kind() == PlanText.Kind.NAME
          && labels.contains(c.get(2).text())) return true;
      if (c.size() > 2
          && c.get(0).is("(")
          && unwrapped(c) != c
          && conjunctLabel(c, variable, labels)) return true;
      start = i + 1;
    }
    return false;
  }

  /** Without one pair of parentheses around the whole text: {@code (a:A AND b:B)}. */
  private static List<PlanText.Token> unwrapped(List<PlanText.Token> t) {
    if (t.size() < 2 || !t.get(0).is("(") || !t.get(t.size() - 1).is(")")) return t;
    int depth = 0;
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).is("(")) depth++;
      else if (t.get(i).is(")") && --depth == 0 && i < t.size() - 1) return t;
    }
    return unwrapped(t.subList(1, t.size() - 1));
  }

  /**
   * The second pass, once the plan's shape is allowed: no operator reads a personal property, every
   * property of an entity at once, or a property whose key is chosen at run time.
   */
  Optional<CypherRefusal> checkProperties(Plan plan) {
    Optional<CypherRefusal> here =
        propertyRefusal(baseName(plan.operatorType()), PlanText.lex(details(plan)));
    if (here.isPresent()) return here;
    for (Plan c : plan.children()) {
      Optional<CypherRefusal> r = checkProperties(c);
      if (r.isPresent()) return r;
    }
    return Optional.empty();
  }

  /**
   * The same property rules on the query's own text: the planner may fold a projection into an
   * operator whose details no longer show it (a {@code RETURN properties(e)} after an index seek),
   * so what the analyst wrote is checked as well as what the plan shows.
   */
  Optional<CypherRefusal> checkQueryText(String query) {
    return propertyRefusal("query", PlanText.lex(query));
  }

  private Optional<CypherRefusal> propertyRefusal(String op, List<PlanText.Token> t) {
    for (int i = 0; i + 1 < t.size(); i++) {
      PlanText.Token tk = t.get(i);
      PlanText.Token next = t.get(i + 1);
      if (tk.is(".")
          && next.kind() == PlanText.Kind.NAME
          && personalProperties.contains(next.text())
          && (i + 2 >= t.size() || !(t.get(i + 2).is("(") || t.get(i + 2).is(".")))) {
        return refuse(
            "personal_property",
            op,
            next.text(),
            "refused: the property "
                + next.text()
                + " is personal and not readable on the analyst endpoint (operator "
                + op
                + ")");
      }
      if (tk.is("{") && next.is(".") && i + 2 < t.size() && t.get(i + 2).is("*")) {
        return refuse(
            "all_properties",
            op,
            "{.*}",
            "refused: a map projection of every property could include personal ones; name the"
                + " properties, e.g. n{.name}");
      }
      if (tk.kind() == PlanText.Kind.NAME
          && !tk.quoted()
          && tk.text().equalsIgnoreCase("properties")
          && next.is("(")
          && (i == 0 || !t.get(i - 1).is("."))) {
        return refuse(
            "all_properties",
            op,
            "properties",
            "refused: properties() returns every property, personal ones included; name the"
                + " properties you need");
      }
      if ((tk.is(")") || (tk.kind() == PlanText.Kind.NAME && !KEYWORDS.contains(tk.text())))
          && next.is("[")
          && dynamicSubscript(t, i + 1)) {
        return refuse(
            "dynamic_property",
            op,
            null,
            "refused: a property read by a key chosen at run time (operator "
                + op
                + "); write the key, e.g. n.name");
      }
    }
    return Optional.empty();
  }

  private static final Set<String> KEYWORDS =
      Set.of(
          "IN",
          "AND",
          "OR",
          "XOR",
          "NOT",
          "WHEN",
          "THEN",
          "ELSE",
          "RETURN",
          "AS",
          "WITH",
          "WHERE",
          "UNWIND",
          "CASE",
          "END",
          "cache",
          "ALL",
          "ANY",
          "NONE",
          "SINGLE",
          "DISTINCT",
          "BY",
          "CONTAINS",
          "STARTS",
          "ENDS",
          "IS",
          "NULL");

  /**
   * A subscript {@code x[...]} whose index is not a number or a range of numbers: a string, a
   * parameter or a variable could name a personal property of a node.
   */
  private static boolean dynamicSubscript(List<PlanText.Token> t, int open) {
    int depth = 0;
    for (int j = open; j < t.size(); j++) {
      PlanText.Token tk = t.get(j);
      if (tk.is("[")) depth++;
      else if (tk.is("]")) {
        if (--depth == 0) return false;
      } else if (tk.kind() == PlanText.Kind.NUMBER
          || tk.is(".")
          || tk.is("-")
          || tk.is("+")
          || tk.is("*")) {
        continue;
      } else {
        return true;
      }
    }
    return false;
  }

  private static boolean isExpansion(String op) {
    return op.contains("Expand")
        || op.contains("ShortestPath")
        || op.contains("RelationshipTypeScan")
        || op.contains("ProjectEndpoints")
        || op.contains("RelationshipIndex")
        || op.equals("Trail")
        || op.equals("Repeat");
  }

  /**
   * An id seek is fine when the first operator above it that is not a plain {@code Apply} or {@code
   * CartesianProduct} (which only combine rows) is a Filter keeping only nodes of a plain, public
   * label: nothing evaluates the found node before its label is checked, so a protected node's
   * properties are never read, not even into an error message.
   */
  private boolean labelledAbove(Plan seek, List<Plan> ancestors) {
    Plan parent = null;
    for (Plan a : ancestors) {
      String name = baseName(a.operatorType());
      if (name.equals("Apply") || name.equals("CartesianProduct")) continue;
      parent = a;
      break;
    }
    List<PlanText.Token> own = PlanText.lex(details(seek));
    if (parent == null
        || !baseName(parent.operatorType()).equals("Filter")
        || own.isEmpty()
        || own.get(0).kind() != PlanText.Kind.NAME) return false;
    List<PlanText.Token> t = PlanText.lex(details(parent));
    for (String variable : List.of(own.get(0).text())) {
      boolean labelled = false;
      for (int i = 0; i + 2 < t.size(); i++) {
        boolean conjunctStart =
            i == 0
                || (t.get(i - 1).kind() == PlanText.Kind.NAME && t.get(i - 1).text().equals("AND"));
        if (conjunctStart
            && t.get(i).kind() == PlanText.Kind.NAME
            && t.get(i).text().equals(variable)
            && t.get(i + 1).is(":")
            && t.get(i + 2).kind() == PlanText.Kind.NAME
            && !protectedLabels.contains(t.get(i + 2).text())
            && (i + 3 == t.size()
                || (t.get(i + 3).kind() == PlanText.Kind.NAME
                    && t.get(i + 3).text().equals("AND")))) {
          labelled = true;
        }
      }
      if (labelled) return true;
    }
    return false;
  }

  static String details(Plan plan) {
    Value v = plan.arguments().get("Details");
    return v == null || v.isNull() ? "" : v.asString();
  }

  /** {@code Expand(All)@neo4j} -> {@code Expand}. */
  static String baseName(String operatorType) {
    String s = operatorType;
    int at = s.indexOf('@');
    if (at >= 0) s = s.substring(0, at);
    int paren = s.indexOf('(');
    if (paren >= 0) s = s.substring(0, paren);
    return s;
  }

  private static Optional<CypherRefusal> refuse(
      String code, String op, String subject, String message) {
    return Optional.of(new CypherRefusal(code, op, subject, message));
  }
}
