package org.subledger.command.subscription;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Snapshots a subscription from its cached copy when that copy is the stream's latest state, instead of folding the
 * events since the last snapshot again (Axon's {@link AggregateSnapshotter}): a JFR profile of usage batches on
 * subscriptions past the snapshot threshold had a third of the request threads' samples re-reading and re-folding
 * those events, one deserialisation more of every usage event (issue 17). The snapshot is taken after the command
 * commits, in its thread, while it still holds the subscription's lock: the cached copy is the one that command
 * decided on. Whether it is the latest is checked against the event store (its last sequence number, one index
 * probe); otherwise — not cached, evicted, another node appended meanwhile — Axon's fold is used as before.
 */
class SubscriptionSnapshotter extends AggregateSnapshotter {

    private final Cache cache;
    private final EventStore eventStore;

    SubscriptionSnapshotter(Builder builder, EventStore eventStore, Cache cache) {
        super(builder.eventStore(eventStore));
        this.cache = cache;
        this.eventStore = eventStore;
    }

    @Override
    protected DomainEventMessage createSnapshot(Class<?> aggregateType, String aggregateIdentifier,
                                                DomainEventStream eventStream) {
        Object cached = aggregateType == Subscription.class ? cache.get(aggregateIdentifier) : null;
        // an entry of the in-memory cache holds the live aggregate, which it hands back as is (no model needed: the
        // aggregate's model is inspected by Axon, with the Spring beans its command handlers take, not here)
        if (cached instanceof AggregateCacheEntry<?> entry) {
            EventSourcedAggregate<?> aggregate = live(entry);
            Long version = aggregate == null ? null : aggregate.version();
            if (version != null && !aggregate.isDeleted() && aggregate.getAggregateRoot() instanceof Subscription root
                    && eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(-1L).equals(version)) {
                return new GenericDomainEventMessage<>(aggregate.type(), aggregateIdentifier, version, root);
            }
        }
        return super.createSnapshot(aggregateType, aggregateIdentifier, eventStream);
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
