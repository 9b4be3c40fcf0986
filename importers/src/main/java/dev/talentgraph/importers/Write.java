package dev.talentgraph.importers;

import java.util.Map;

/** One row of parameters for one {@link Statement}. */
public record Write(Statement statement, Map<String, Object> row) {}
