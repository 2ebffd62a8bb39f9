package org.subledger.command.eventstore;

import java.util.Collection;
import java.util.Map;

/**
 * How far given aggregates' streams reach: a reader that keeps what it folded from a stream checks with it, for many
 * streams at once, which of them grew since.
 */
@FunctionalInterface
public interface StreamPositions {

    /**
     * The sequence number of the last event of each of these aggregates; an aggregate without events is absent. One
     * probe of the event store's unique index per id.
     */
    Map<String, Long> lastSequenceNumbers(Collection<String> aggregateIds);
}
