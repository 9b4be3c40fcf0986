/**
 * What an operator runs the server by: Micrometer meters read at {@code /actuator/prometheus} (the
 * OPERATOR role only), GraphQL request timers and refusal counters, import progress, the active
 * models, the store and the page cache; the end of in-flight database work at shutdown; the logical
 * backup and restore of the graph and its fingerprint.
 */
package dev.talentgraph.operations;
