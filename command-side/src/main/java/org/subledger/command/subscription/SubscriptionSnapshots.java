package org.subledger.command.subscription;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.subledger.command.eventstore.AfterCommitSnapshotter;
import org.subledger.command.eventstore.CachedAggregateSnapshotter;
import org.subledger.command.web.BoundedLruCache;

/**
 * Snapshots of the {@link Subscription} aggregate, so loading it costs the same however long its history: a
 * telephony subscription records thousands of usage events a month, and every command used to fold all of them.
 * After {@code ledger.snapshots.subscription-threshold} events read or appended since the last snapshot (100 by
 * default) a new one is taken after the command commits. Readers that need the whole history (audit, as-of, billing)
 * read the stream from sequence 0 and never see a snapshot.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionSnapshots {

    static final String TRIGGER = "subscriptionSnapshotTrigger";
    static final String CACHE = "subscriptionCache";

    /**
     * Subscriptions kept in memory between commands (a mediation batch sends one command per subscription, again and
     * again), so a command does not even read the snapshot ({@code ledger.command.subscription-cache-size}, 0 switches
     * caching off). Still consistent: an append by anyone else (another node, a bill writing
     * {@code SubscriptionBilled}) takes the sequence number the cached copy would use next, so its command fails on
     * the event store's unique key, the failed unit of work evicts the copy, and the gateway's retry loads the stream
     * afresh. Bounded, least recently used: Axon's weak-reference cache lost every entry at each collection, which
     * under a stream of batches meant nearly every command loaded its subscription.
     */
    @Bean(CACHE)
    Cache subscriptionCache(@Value("${ledger.command.subscription-cache-size:10000}") int size) {
        return size > 0 ? new BoundedLruCache(size) : NoCache.INSTANCE;
    }

    /**
     * Snapshots are taken by a {@link CachedAggregateSnapshotter} of its own (not a bean: each trigger has its own,
     * accounts' too, and hands Axon's snapshotter what it does not take): from the cached subscription when it is the
     * stream's latest state; after the command commits ({@link AfterCommitSnapshotter}).
     */
    @Bean(TRIGGER)
    SnapshotTriggerDefinition subscriptionSnapshotTrigger(
            Snapshotter snapshotter, EventStore eventStore, TransactionManager transactionManager,
            @Qualifier(CACHE) Cache cache, @Value("${ledger.snapshots.subscription-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(new AfterCommitSnapshotter(
                new CachedAggregateSnapshotter(Subscription.class, snapshotter, eventStore, transactionManager,
                        cache)), threshold);
    }
}
