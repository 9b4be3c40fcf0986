/**
 * The append-only audit log ({@code :AuditEvent} nodes) and its hooks.
 *
 * <p>Other packages call {@link
 * dev.talentgraph.audit.AuditLog#record(dev.talentgraph.security.Principal, String, String,
 * dev.talentgraph.audit.AuditEvent.Outcome, String, String)} (or {@link
 * dev.talentgraph.audit.AuditLog#recordCurrent} inside a reactive request) for every read of
 * personal data and every mutation, with ids and field names, never values. Refusals are recorded
 * here without anyone's help: 401/403 of the security chain by two web filters around it, GraphQL
 * refusals (role checks, request limits) and all mutations by an interceptor, analyst Cypher by its
 * service. ADMIN reads the log with the GraphQL connection {@code auditLog(first, after, where:
 * {actor, action, since})}.
 */
package dev.talentgraph.audit;
