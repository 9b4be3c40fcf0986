/**
 * Skills and their BROADER hierarchy: {@code skill}, {@code skills}, nested lists and mutations.
 */
package dev.talentgraph.skills;
