/**
 * Experts and their talent profile: {@code expert}, {@code experts}, the nested lists of {@code
 * Expert}, and their mutations; the talent profile ({@code talentProfile}): every public and
 * personal section of one person from ONE Cypher statement (plus the recommenders when their
 * sections are selected), each fact with the graph element it comes from; and the contests a person
 * raises against an inferred skill or a model score ({@code contestFact}, {@code resolveContest}).
 */
package dev.talentgraph.profiles;
