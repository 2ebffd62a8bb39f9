package org.subledger.command.wallet;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.wallet.WalletConsumed;
import org.subledger.kernel.wallet.WalletFundsTransferredOut;
import org.subledger.platform.axon.StorageJson;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.wallet.WalletTest.ACCOUNT;
import static org.subledger.command.wallet.WalletTest.EUR;
import static org.subledger.command.wallet.WalletTest.WALLET;
import static org.subledger.command.wallet.WalletTest.eur;
import static org.subledger.command.wallet.WalletTest.toppedUp;

/**
 * A {@link Wallet} snapshot is its state written by the storage serializer: the balance and every id by which a
 * repeat is recognised must come back, or a wallet loaded from a snapshot would credit a repeated top-up again.
 */
class WalletSnapshotRoundTripTest {

    @Test
    void aWalletKeepsItsWholeStateThroughTheSnapshotSerializer() {
        Wallet wallet = folded(toppedUp("t-1", "50.00", "50.00"),
                new WalletFundsTransferredOut(WALLET, ACCOUNT, "x-1", "wallet-acc-2", "acc-2", eur("5.00"), null,
                        eur("45.00")),
                new WalletConsumed(WALLET, ACCOUNT, "bill:b-1", "sub-1", "b-1", null, eur("30.00"), eur("15.00")));

        Serializer serializer = StorageJson.serializer();
        SerializedObject<String> stored = serializer.serialize(wallet, String.class);
        Wallet back = serializer.deserialize(stored);

        assertThat(stored.getType().getRevision()).as("snapshot revision").isEqualTo("1");
        assertThat(serializer.serialize(back, String.class).getData()).isEqualTo(stored.getData());
        assertThat(back.balance(EUR)).isEqualTo(eur("15.00"));
        assertThat(back.transferred("x-1")).isTrue();
        assertThat(stored.getData()).contains(WALLET, "t-1", "x-1", "b-1");
    }

    private static Wallet folded(Object... events) {
        var model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Wallet.class);
        Wallet wallet = new Wallet();
        long sequence = 0;
        for (Object event : List.of(events)) {
            model.publish(new GenericDomainEventMessage<>("Wallet", WALLET, sequence++, event), wallet);
        }
        return wallet;
    }
}
