/**
 * The one vocabulary of the talent graph: node labels ({@link dev.talentgraph.schema.Labels}),
 * relationship types ({@link dev.talentgraph.schema.RelTypes}), property keys ({@link
 * dev.talentgraph.schema.Props}) and the versioned Cypher migrations that create the constraints
 * and indexes ({@link dev.talentgraph.schema.MigrationRunner}). No Spring here: the importers, the
 * ML module and the API all depend on it.
 */
package dev.talentgraph.schema;
