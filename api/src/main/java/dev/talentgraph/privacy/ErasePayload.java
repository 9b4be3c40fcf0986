package dev.talentgraph.privacy;

import dev.talentgraph.graphql.UserError;
import java.util.List;

/** {@code type ErasePayload}: what erasure removed, or why it did nothing. */
record ErasePayload(
    String expertId,
    boolean erased,
    int nodesDeleted,
    int relationshipsDeleted,
    List<UserError> errors) {}
