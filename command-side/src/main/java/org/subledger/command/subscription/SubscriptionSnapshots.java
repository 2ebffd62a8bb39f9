package org.subledger.command.subscription;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
     * again), so a command does not even read the snapshot. Still consistent: an append by anyone else (another node,
     * a bill writing {@code SubscriptionBilled}) takes the sequence number the cached copy would use next, so its
     * command fails on the event store's unique key, the failed unit of work evicts the copy, and the gateway's retry
     * loads the stream afresh. Weak references: memory the collector may take back at any time.
     */
    @Bean(CACHE)
    Cache subscriptionCache() {
        return new WeakReferenceCache();
    }

    @Bean(TRIGGER)
    SnapshotTriggerDefinition subscriptionSnapshotTrigger(
            Snapshotter snapshotter, @Value("${ledger.snapshots.subscription-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
