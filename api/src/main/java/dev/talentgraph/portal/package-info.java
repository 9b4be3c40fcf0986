/**
 * The knowledge-sharing portal: server-rendered pages at {@code /} over the GraphQL API, run
 * in-process as the logged-in person (ADR 0012), with GraphiQL served from the jar. The login, the
 * session and the Content-Security-Policy are in {@code security.PortalSecurityConfiguration}.
 */
package dev.talentgraph.portal;
