package org.subledger.query.wallet;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.wallet.WalletConsumed;
import org.subledger.kernel.wallet.WalletIds;
import org.subledger.kernel.wallet.WalletMovement;
import org.subledger.kernel.wallet.WalletPage;
import org.subledger.kernel.wallet.WalletState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * An account's wallet as it stood at a past instant, rebuilt from the wallet's events in the event store (the read
 * model only knows now): the balance by the wallet's one fold ({@link WalletState}), the movements as the events
 * recorded them. Reads from sequence number 0, so snapshots (which hold the present) are never used.
 */
@Component
class WalletHistory {

    private final EventStore eventStore;

    WalletHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** A page of the wallet's movements recorded at or before {@code instant}, newest first, and its balance then. */
    WalletPage asOf(String accountId, Currency accountCurrency, Instant instant, int page, int size) {
        String walletId = WalletIds.of(accountId);
        var state = new WalletState();
        List<WalletPage.Line> lines = new ArrayList<>();
        eventStore.readEvents(walletId, 0).forEachRemaining(event -> {
            if (event.getTimestamp().isAfter(instant)) {
                return;
            }
            state.apply(event.getPayload());
            if (event.getPayload() instanceof WalletMovement movement) {
                lines.add(0, new WalletPage.Line(event.getSequenceNumber(), WalletMovement.kindOf(movement),
                        event.getTimestamp(), movement.balanceEffect(), movement.balanceAfter(), movement.reference(),
                        movement instanceof WalletConsumed consumed ? consumed.subscriptionId() : null));
            }
        });
        Money balance = state.balance(state.opened() ? state.currency() : accountCurrency);
        long first = Math.min((long) page * size, lines.size());
        return new WalletPage(accountId, walletId, balance,
                List.copyOf(lines.subList((int) first, (int) Math.min(first + size, lines.size()))), page, size,
                lines.size());
    }
}
