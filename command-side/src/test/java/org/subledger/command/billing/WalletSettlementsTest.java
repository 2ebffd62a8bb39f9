package org.subledger.command.billing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.PrepaidSettlement;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.wallet.WalletConsumed;
import org.subledger.kernel.wallet.WalletIds;
import org.subledger.kernel.wallet.WalletSettlementRefused;
import org.subledger.kernel.wallet.WalletToppedUp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prepaid bills settled from their wallets in the bill's transaction: in the order billed, each takes its total
 * while the wallet covers it, and is refused (nothing taken) when it does not, at the wallets' next sequence numbers.
 */
class WalletSettlementsTest {

    static final PrepaidSettlement DEACTIVATE = PrepaidSettlement.WALLET_OR_DEACTIVATE;

    /** The wallets' streams as given, and how many reads were made. */
    static final class GivenStreams extends EventStreams {
        final Map<String, List<DomainEventMessage<?>>> streams = new HashMap<>();
        int reads;

        GivenStreams() {
            super(null, null, null);
        }

        GivenStreams with(String aggregateId, Object... events) {
            List<DomainEventMessage<?>> stream = new ArrayList<>();
            for (Object event : events) {
                stream.add(new GenericDomainEventMessage<>("Wallet", aggregateId, stream.size(), event));
            }
            streams.put(aggregateId, stream);
            return this;
        }

        @Override
        Map<String, List<DomainEventMessage<?>>> read(Collection<String> aggregateIds) {
            reads++;
            Map<String, List<DomainEventMessage<?>>> read = new HashMap<>();
            aggregateIds.stream().filter(streams::containsKey).forEach(id -> read.put(id, streams.get(id)));
            return read;
        }
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void billsTakeWhatTheWalletHoldsInTurnAndTheOneItCannotCoverIsRefused() {
        String wallet = WalletIds.of("acc-1");
        var streams = new GivenStreams().with(wallet,
                new WalletToppedUp(wallet, "acc-1", "t-1", eur("50.00"), null, eur("50.00")));

        List<EventMessage<?>> events = WalletSettlements.settle(List.of(
                new WalletSettlements.Bill("b-1", "acc-1", "sub-1", eur("30.00"), DEACTIVATE),
                new WalletSettlements.Bill("b-2", "acc-1", "sub-2", eur("20.01"), DEACTIVATE),
                new WalletSettlements.Bill("b-3", "acc-1", "sub-3", eur("20.00"), DEACTIVATE)),
                streams, id -> MetaData.emptyInstance());

        assertThat(events).extracting(event -> (Object) event.getPayload()).containsExactly(
                new WalletConsumed(wallet, "acc-1", "bill:b-1", "sub-1", "b-1", null, eur("30.00"), eur("20.00")),
                new WalletSettlementRefused(wallet, "acc-1", "sub-2", "b-2", eur("20.01"), eur("20.00"), DEACTIVATE),
                new WalletConsumed(wallet, "acc-1", "bill:b-3", "sub-3", "b-3", null, eur("20.00"), eur("0.00")));
        assertThat(events).extracting(event -> ((DomainEventMessage<?>) event).getSequenceNumber())
                .containsExactly(1L, 2L, 3L);
        assertThat(streams.reads).as("one read for all the segment's wallets").isEqualTo(1);
    }

    @Test
    void aWalletNeverToppedUpRefusesItsFirstBillAtTheStartOfItsStream() {
        String wallet = WalletIds.of("acc-2");

        List<EventMessage<?>> events = WalletSettlements.settle(List.of(
                new WalletSettlements.Bill("b-1", "acc-2", "sub-1", eur("9.99"), PrepaidSettlement.WALLET)),
                new GivenStreams(), id -> MetaData.emptyInstance());

        assertThat(events).extracting(event -> (Object) event.getPayload()).containsExactly(new WalletSettlementRefused(
                wallet, "acc-2", "sub-1", "b-1", eur("9.99"), eur("0.00"), PrepaidSettlement.WALLET));
        assertThat(((DomainEventMessage<?>) events.get(0)).getSequenceNumber()).isZero();
    }

    @Test
    void aBillAlreadySettledIsNotSettledAgainAndNoPrepaidBillReadsNothing() {
        String wallet = WalletIds.of("acc-1");
        var streams = new GivenStreams().with(wallet,
                new WalletToppedUp(wallet, "acc-1", "t-1", eur("50.00"), null, eur("50.00")),
                new WalletConsumed(wallet, "acc-1", "bill:b-1", "sub-1", "b-1", null, eur("30.00"), eur("20.00")));

        assertThat(WalletSettlements.settle(List.of(new WalletSettlements.Bill("b-1", "acc-1", "sub-1",
                eur("30.00"), DEACTIVATE)), streams, id -> MetaData.emptyInstance())).isEmpty();
        assertThat(WalletSettlements.settle(List.of(), streams, id -> MetaData.emptyInstance())).isEmpty();
        assertThat(streams.reads).isEqualTo(1);
    }
}
