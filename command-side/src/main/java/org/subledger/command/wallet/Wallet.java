package org.subledger.command.wallet;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.command.subscription.AccountFacts;
import org.subledger.command.subscription.SubscriptionLookup;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.event.DomainEvent;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.wallet.SettleBillFromWallet;
import org.subledger.kernel.wallet.TopUpWallet;
import org.subledger.kernel.wallet.WalletConsumed;
import org.subledger.kernel.wallet.WalletFundsTransferredIn;
import org.subledger.kernel.wallet.WalletFundsTransferredOut;
import org.subledger.kernel.wallet.WalletIds;
import org.subledger.kernel.wallet.WalletState;
import org.subledger.kernel.wallet.WalletToppedUp;

import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An account's wallet: the customer's prepaid funds, kept apart from what the account owes. Owns the invariant that
 * its balance never goes below zero: every movement out is decided here on the stream's last state, and two
 * decisions on the same state cannot both commit (the event store's unique (aggregate id, sequence number); the
 * loser is retried by the command gateway, or by billing, from a fresh read). Top-ups, settlements and transfers are
 * recognised by their ids, so a repeat moves nothing. Prepaid usage adds an event per record, so the wallet is loaded
 * from a snapshot ({@link WalletSnapshots}).
 */
@Revision("1")
@Aggregate(snapshotTriggerDefinition = WalletSnapshots.TRIGGER)
class Wallet {

    @AggregateIdentifier
    private String walletId;
    private WalletState state = new WalletState();

    Wallet() {
        // for Axon's event sourcing, and for a wallet's first top-up or transfer in
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(TopUpWallet command, SubscriptionLookup lookup, MetaData metaData) {
        AccountFacts account = WalletRules.account(lookup, command.accountId(), metaData);
        WalletRules.requireWalletOf(command.walletId(), account.accountId());
        WalletRules.requireText(command.topUpId(), "topUpId");
        Money amount = WalletRules.amount(command.amount(), command.currency(), account.currency());
        if (state.toppedUp(command.topUpId())) {
            return;
        }
        apply(new WalletToppedUp(command.walletId(), account.accountId(), command.topUpId(), amount,
                command.reference(), state.balance(amount.currency()).plus(amount)));
    }

    /** A bill the wallet could not cover when it was issued, paid now if it can be. */
    @CommandHandler
    void handle(SettleBillFromWallet command) {
        if (state.settled(command.billId())) {
            return;
        }
        requireCovers(command.amount());
        apply(new WalletConsumed(walletId, state.accountId(), WalletConsumed.ofBill(command.billId()),
                command.subscriptionId(), command.billId(), null, command.amount(),
                state.balance(command.amount().currency()).minus(command.amount())));
    }

    /** A prepaid usage record's charge, in the recording subscription's unit of work. */
    void consumeForUsage(String subscriptionId, String recordId, Money amount) {
        requireCovers(amount);
        apply(new WalletConsumed(walletId, state.accountId(), WalletConsumed.ofUsage(subscriptionId, recordId),
                subscriptionId, null, recordId, amount, state.balance(amount.currency()).minus(amount)));
    }

    Money balance(java.util.Currency currency) {
        return state.balance(currency);
    }

    boolean transferred(String transferId) {
        return state.transferred(transferId);
    }

    void transferOut(String transferId, String toAccountId, Money amount, String note) {
        requireCovers(amount);
        apply(new WalletFundsTransferredOut(walletId, state.accountId(), transferId, WalletIds.of(toAccountId),
                toAccountId, amount, note, state.balance(amount.currency()).minus(amount)));
    }

    /** A wallet never opened is opened by the transfer, in the account's currency (the transfer's). */
    void transferIn(String accountId, String transferId, String fromAccountId, Money amount, String note) {
        apply(new WalletFundsTransferredIn(WalletIds.of(accountId), accountId, transferId,
                WalletIds.of(fromAccountId), fromAccountId, amount, note,
                state.balance(amount.currency()).plus(amount)));
    }

    private void requireCovers(Money amount) {
        if (!state.covers(amount)) {
            throw new LedgerRefusal(ErrorCode.WALLET_INSUFFICIENT_FUNDS, "The wallet of account "
                    + state.accountId() + " holds " + state.balance(amount.currency()) + ", less than " + amount,
                    Map.of("amount", "is more than the wallet holds"));
        }
    }

    @EventSourcingHandler
    void on(DomainEvent event) {
        state.apply(event);
        if (walletId == null && state.walletId() != null) {
            walletId = state.walletId();
        }
    }

    @Override
    public String toString() {
        return "Wallet[" + walletId + ", " + (state.opened() ? state.balance(state.currency()) : "never opened") + "]";
    }
}
