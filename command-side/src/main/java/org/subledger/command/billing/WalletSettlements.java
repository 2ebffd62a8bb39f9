package org.subledger.command.billing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.PrepaidSettlement;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.wallet.WalletConsumed;
import org.subledger.kernel.wallet.WalletIds;
import org.subledger.kernel.wallet.WalletSettlementRefused;
import org.subledger.kernel.wallet.WalletState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Prepaid bills settled from their accounts' wallets in the bill's own transaction: the wallets of a segment's
 * prepaid bills are read in one query (none when the segment has no prepaid bill), each folded by the wallet's one
 * state class, and each bill either consumes its total ({@link WalletConsumed}) or is refused
 * ({@link WalletSettlementRefused}: the balance is below it; nothing leaves the wallet). The events are appended with
 * the bills, at the wallets' next sequence numbers, so a wallet changed meanwhile (a top-up, prepaid usage) fails
 * the append on the event store's unique key and the segment is billed again from a fresh read: a wallet never goes
 * below zero. Usage bills are not settled here: their records were paid from the wallet as they were recorded.
 */
final class WalletSettlements {

    static final String WALLET = "Wallet";

    /** A prepaid bill about to be issued. */
    record Bill(String billId, String accountId, String subscriptionId, Money total, PrepaidSettlement settlement) {
    }

    private WalletSettlements() {
    }

    /** How the bill is paid from the wallet, or {@code null} when it is not (not prepaid, a usage bill, nothing). */
    static PrepaidSettlement of(BillingState state, BillingCatalog catalog, BillKind kind, Money total) {
        if ((kind != BillKind.RUN && kind != BillKind.BUY_IN_ADVANCE) || !total.isPositive()
                || state.billingTerms() == null) {
            return null;
        }
        return catalog.billingTermScheme(state.billingTerms().billingTermSchemeCode())
                .filter(BillingTermSchemeDefinition::settledFromWallet)
                .map(BillingTermSchemeDefinition::prepaidSettlement).orElse(null);
    }

    static List<EventMessage<?>> settle(List<Bill> bills, EventStreams streams,
                                        Function<String, MetaData> metaData) {
        if (bills.isEmpty()) {
            return List.of();
        }
        Set<String> walletIds = new LinkedHashSet<>();
        bills.forEach(bill -> walletIds.add(WalletIds.of(bill.accountId())));
        Map<String, List<DomainEventMessage<?>>> read = streams.read(walletIds);
        Map<String, WalletState> states = new HashMap<>();
        Map<String, Long> nextSequence = new HashMap<>();
        read.forEach((walletId, stream) -> {
            WalletState state = new WalletState();
            stream.forEach(message -> state.apply(message.getPayload()));
            states.put(walletId, state);
            nextSequence.put(walletId, stream.get(stream.size() - 1).getSequenceNumber() + 1);
        });
        List<EventMessage<?>> events = new ArrayList<>();
        for (Bill bill : bills) {
            String walletId = WalletIds.of(bill.accountId());
            WalletState state = states.computeIfAbsent(walletId, id -> new WalletState());
            if (state.settled(bill.billId())) {
                continue;
            }
            Object decision;
            Money balance = state.balance(bill.total().currency());
            if (state.covers(bill.total())) {
                decision = new WalletConsumed(walletId, bill.accountId(), WalletConsumed.ofBill(bill.billId()),
                        bill.subscriptionId(), bill.billId(), null, bill.total(), balance.minus(bill.total()));
            } else {
                decision = new WalletSettlementRefused(walletId, bill.accountId(), bill.subscriptionId(),
                        bill.billId(), bill.total(), balance, bill.settlement());
            }
            state.apply(decision);
            long sequence = nextSequence.merge(walletId, 1L, Long::sum) - 1;
            events.add(new GenericDomainEventMessage<>(WALLET, walletId, sequence, decision,
                    metaData.apply(bill.subscriptionId())));
        }
        return events;
    }
}
