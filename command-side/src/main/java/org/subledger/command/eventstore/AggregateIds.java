package org.subledger.command.eventstore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identifiers of the aggregates recorded in the event store whose id starts with a prefix (a catalog kind, e.g.
 * {@code usage-catalog:}). Axon's event store reads one aggregate's stream by its id but cannot list ids, and some
 * decisions need every entry of a kind: which usage catalogs list a usage service.
 */
public interface AggregateIds {

    List<String> startingWith(String prefix);

    /**
     * The same ids, in the same order, each with the sequence number of its last event, so a reader can keep what it
     * folded from a stream for as long as the stream has not grown ({@code null}: not known, fold it again).
     */
    default Map<String, Long> lastSequenceNumbersStartingWith(String prefix) {
        Map<String, Long> ids = new LinkedHashMap<>();
        startingWith(prefix).forEach(id -> ids.put(id, null));
        return ids;
    }
}
