/**
 * Knowledge sharing: who knows a skill ({@code whoKnows}), whom to ask a question ({@code
 * routeQuestion}) and the employees' own questions and answers ({@code postQuestion}, {@code
 * postAnswer}, {@code acceptAnswer}), on the {@code :Question}/{@code :Answer} model of the Stack
 * Exchange import.
 */
package dev.talentgraph.knowledge;
