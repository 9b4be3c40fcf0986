package dev.talentgraph.analyst;

import java.util.List;

/**
 * What an analyst query returned: column names, rows of JSON-friendly values (nodes and
 * relationships as maps with {@code elementId}, {@code labels}/{@code type} and {@code
 * properties}), whether rows were cut at the row limit, and the time taken including the plan
 * check.
 */
record CypherResult(
    List<String> columns, List<List<Object>> rows, boolean truncated, long elapsedMs) {}
