package org.subledger.command.subscription;

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

    @Bean(TRIGGER)
    SnapshotTriggerDefinition subscriptionSnapshotTrigger(
            Snapshotter snapshotter, @Value("${ledger.snapshots.subscription-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
