package org.subledger.command.eventstore;

import java.util.List;

/**
 * The identifiers of the aggregates recorded in the event store whose id starts with a prefix (a catalog kind, e.g.
 * {@code usage-catalog:}). Axon's event store reads one aggregate's stream by its id but cannot list ids, and some
 * decisions need every entry of a kind: which usage catalogs list a usage service.
 */
public interface AggregateIds {

    List<String> startingWith(String prefix);
}
