/**
 * The guarded Cypher endpoint for analysts: {@code POST /cypher} and the GraphQL field {@code
 * cypher}.
 *
 * <p>Why decide from the plan: a read-only access mode does not stop read procedures that touch
 * files or the network ({@code apoc.load.*}), and string matching on the query text loses to case,
 * comments, back-quotes, unicode escapes and Cypher hidden in strings. {@code EXPLAIN} gives the
 * operator tree Neo4j will run, with every procedure, function, label and relationship type already
 * resolved and printed in a canonical form; {@link dev.talentgraph.analyst.CypherGuard} walks it
 * with allow-lists.
 *
 * <p>How personal data stays out of reach: it lives on {@code :PersonalData} nodes (encrypted as
 * well), logins on {@code :User}, token hashes on {@code :ApiToken}, the audit log on {@code
 * :AuditEvent}. The plan may not name those labels or the types that lead to them, and may not
 * reach nodes without a label or a relationship type at all ({@code MATCH (n)}, {@code (e)-->(x)},
 * {@code [*]}, ids without a label check, dynamic labels): the analyst writes {@code MATCH
 * (n:Skill)}. Post-filtering result nodes alone would not do, because {@code properties(n)}, {@code
 * n{.*}} or {@code avg(n.salary)} return values, not nodes; it is still done as a second line. A
 * new label holding personal data must be added to {@code talent.analyst.protected-labels} (and the
 * types reaching it to {@code protected-types}).
 *
 * <p>Where the plan cannot see: a procedure's arguments are parameters in the plan, so the labels a
 * {@code gds.graph.project} call names are invisible there. {@link
 * dev.talentgraph.analyst.AnalystProjections} checks such a graph by what it loaded, read back from
 * the GDS catalog, before any other analyst query may use it.
 */
package dev.talentgraph.analyst;
