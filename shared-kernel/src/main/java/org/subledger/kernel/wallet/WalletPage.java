package org.subledger.kernel.wallet;

import org.subledger.kernel.money.Money;

import java.time.Instant;
import java.util.List;

/** A wallet's balance and one page of its movements, newest first. */
public record WalletPage(String accountId, String walletId, Money balance, List<Line> movements, int page, int size,
                         long totalElements) {

    /** One movement: its kind (TOP_UP, TRANSFER_IN, TRANSFER_OUT, CONSUMPTION), amount signed by its effect. */
    public record Line(long sequenceNumber, String kind, Instant occurredAt, Money amount, Money balanceAfter,
                       String reference, String subscriptionId) {
    }
}
