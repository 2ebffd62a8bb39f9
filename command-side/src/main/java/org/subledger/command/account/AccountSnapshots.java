package org.subledger.command.account;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.subledger.command.eventstore.AfterCommitSnapshotter;
import org.subledger.command.eventstore.CachedAggregateSnapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of the {@link Account} aggregate, so loading an account (after a restart, on another node, or once it
 * fell out of {@code accountCache}) costs the same however many postings it has had: after
 * {@code ledger.snapshots.account-threshold} events read or appended since the last snapshot (100 by default) a new one
 * is taken after the command commits, from the cached account when it is the stream's latest state
 * ({@link CachedAggregateSnapshotter}; otherwise Axon's snapshotter folds the stream). Readers that need the whole
 * history (audit, as-of, statements) read the stream from sequence 0 and never see a snapshot.
 */
@Configuration(proxyBeanMethods = false)
class AccountSnapshots {

    static final String TRIGGER = "accountSnapshotTrigger";

    @Bean(TRIGGER)
    SnapshotTriggerDefinition accountSnapshotTrigger(
            Snapshotter snapshotter, EventStore eventStore, TransactionManager transactionManager,
            @Qualifier("accountCache") Cache cache,
            @Value("${ledger.snapshots.account-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(new AfterCommitSnapshotter(new CachedAggregateSnapshotter(
                Account.class, snapshotter, eventStore, transactionManager, cache)), threshold);
    }
}
