package org.subledger.command.wallet;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.subledger.command.eventstore.AfterCommitSnapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of the {@link Wallet} aggregate: a prepaid subscription's every usage record is a consumption on its
 * wallet, and each record's command loads the wallet. After {@code ledger.snapshots.wallet-threshold} events (100
 * by default) a snapshot is taken after the command commits. Billing and the read side fold the stream themselves.
 */
@Configuration(proxyBeanMethods = false)
class WalletSnapshots {

    static final String TRIGGER = "walletSnapshotTrigger";

    @Bean(TRIGGER)
    SnapshotTriggerDefinition walletSnapshotTrigger(
            Snapshotter snapshotter, @Value("${ledger.snapshots.wallet-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(new AfterCommitSnapshotter(snapshotter), threshold);
    }
}
