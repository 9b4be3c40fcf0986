package dev.talentgraph.security;

/**
 * What only the field rules know and the audit log must hold: that a person's personal field was
 * read (field and person, never the value). Refusals and mutations are recorded once, from the
 * GraphQL response, by the audit log's own interceptor.
 */
public interface AuditTrail {
  void personalRead(Principal who, String expertId, String field, String remoteAddress);
}
