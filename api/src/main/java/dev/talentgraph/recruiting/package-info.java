/**
 * Recruiting (docs/adr/0006): job openings, candidates, applications moving through the stages of
 * {@link dev.talentgraph.schema.recruiting.StageMachine}, assessments, interviews and hiring, and
 * the matching of people against openings ({@code rankCandidates}, {@code matchOpenings}) through
 * the one skill-credit policy and the hire model (both in lower modules). The services own
 * validation, statements and side effects; the GraphQL controllers map arguments and results.
 */
package dev.talentgraph.recruiting;
