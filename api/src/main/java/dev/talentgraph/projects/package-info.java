/** Projects, the skills they require and their members: queries, nested lists and mutations. */
package dev.talentgraph.projects;
