/** Experts: {@code expert}, {@code experts}, the nested lists of {@code Expert}, and their mutations. */
package dev.talentgraph.graphql.expert;
