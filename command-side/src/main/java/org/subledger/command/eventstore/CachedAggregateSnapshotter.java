package org.subledger.command.eventstore;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Snapshots an aggregate (a subscription, an account) from its cached copy when that copy is the stream's latest
 * state, instead of folding the events since the last snapshot again (Axon's snapshotter, which it hands every other
 * case to): a JFR profile of usage batches on subscriptions past the snapshot threshold had a third of the request
 * threads' samples re-reading and re-folding those events, one deserialisation more of every usage event (issue 17),
 * and a profile of charges about 5 % re-reading an account's last hundred postings (issue 10). It runs after the
 * command commits ({@link AfterCommitSnapshotter} defers it there), in its thread, while it still holds the
 * aggregate's lock: the cached copy is the one that command decided on. Whether it is the latest is checked against
 * the event store (its last sequence number, one index probe); otherwise — not cached, evicted, another node appended
 * meanwhile — Axon's snapshotter folds the stream as before. The snapshot's payload is the aggregate root, as Axon's
 * snapshotter stores it, so either one's snapshot loads the same.
 */
public final class CachedAggregateSnapshotter implements Snapshotter {

    private final Class<?> rootType;
    private final Snapshotter axon;
    private final EventStore eventStore;
    private final TransactionManager transactionManager;
    private final Cache cache;

    /** Snapshots of {@code rootType} from {@code cache}; every other aggregate type is left to {@code axon}. */
    public CachedAggregateSnapshotter(Class<?> rootType, Snapshotter axon, EventStore eventStore,
                                      TransactionManager transactionManager, Cache cache) {
        this.rootType = rootType;
        this.axon = axon;
        this.eventStore = eventStore;
        this.transactionManager = transactionManager;
        this.cache = cache;
    }

    @Override
    public void scheduleSnapshot(Class<?> aggregateType, String aggregateIdentifier) {
        if (aggregateType != rootType || !snapshotFromCache(aggregateIdentifier)) {
            axon.scheduleSnapshot(aggregateType, aggregateIdentifier);
        }
    }

    private boolean snapshotFromCache(String aggregateIdentifier) {
        if (!(cache.get(aggregateIdentifier) instanceof AggregateCacheEntry<?> entry)) {
            return false;
        }
        EventSourcedAggregate<?> aggregate = live(entry);
        Long version = aggregate == null ? null : aggregate.version();
        Object root = aggregate == null ? null : aggregate.getAggregateRoot();
        if (version == null || aggregate.isDeleted() || !rootType.isInstance(root)) {
            return false;
        }
        return transactionManager.fetchInTransaction(() -> {
            if (!eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(-1L).equals(version)) {
                return false;
            }
            eventStore.storeSnapshot(new GenericDomainEventMessage<>(aggregate.type(), aggregateIdentifier, version,
                    root));
            return true;
        });
    }

    /** The live aggregate an in-memory cache entry holds; null for an entry read back from elsewhere (no model). */
    private EventSourcedAggregate<?> live(AggregateCacheEntry<?> entry) {
        try {
            return entry.recreateAggregate(null, eventStore, NoSnapshotTriggerDefinition.INSTANCE);
        } catch (RuntimeException noLiveAggregate) {
            return null;
        }
    }
}
