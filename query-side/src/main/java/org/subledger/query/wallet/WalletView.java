package org.subledger.query.wallet;

import org.subledger.kernel.money.Money;
import org.subledger.kernel.wallet.WalletPage;

import java.time.Instant;
import java.util.List;

/**
 * An account's wallet in the query API. Amounts are Money ({@code {"amount":"12.00","currency":"EUR"}}) like every
 * other amount the API answers; {@code currency} repeats the wallet's currency for clients that read it there. A
 * movement's amount is signed by its effect (out of the wallet: negative).
 */
public record WalletView(String accountId, String walletId, String currency, Money balance,
                         List<Movement> movements, int page, int size, long totalElements) {

    public record Movement(long sequenceNumber, String kind, Instant occurredAt, Money amount,
                           Money balanceAfter, String reference, String subscriptionId) {
    }

    static WalletView of(WalletPage page) {
        return new WalletView(page.accountId(), page.walletId(), page.balance().currency().getCurrencyCode(),
                page.balance(), page.movements().stream().map(line -> new Movement(line.sequenceNumber(),
                        line.kind(), line.occurredAt(), line.amount(), line.balanceAfter(), line.reference(),
                        line.subscriptionId())).toList(), page.page(), page.size(), page.totalElements());
    }
}
