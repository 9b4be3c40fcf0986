/**
 * Teams: forming a team for a set of skills ({@code formTeam}, the optimisation in {@code
 * ml.teams}, ADR 0011), the bus factor of a team's or a project's skills ({@code keyPersonRisk})
 * and what a departure costs ({@code departureImpact}). Skill credit through {@code
 * schema.skills.SkillCredit}; learning paths through the learning feature's advisor.
 */
package dev.talentgraph.teams;
