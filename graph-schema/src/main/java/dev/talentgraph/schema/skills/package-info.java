/**
 * Rules about skills that every module shares: {@link dev.talentgraph.schema.skills.SkillCredit},
 * how much a held skill stands in for a required one. Pure Java, no database access.
 */
package dev.talentgraph.schema.skills;
