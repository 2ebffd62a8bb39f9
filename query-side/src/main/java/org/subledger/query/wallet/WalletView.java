package org.subledger.query.wallet;

import org.subledger.kernel.money.Money;
import org.subledger.kernel.wallet.WalletPage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An account's wallet in the query API. Amounts are JSON numbers at the currency's scale, their currency given once
 * in {@code currency}, as on the account; a movement's amount is signed by its effect (out of the wallet: negative).
 */
public record WalletView(String accountId, String walletId, String currency, BigDecimal balance,
                         List<Movement> movements, int page, int size, long totalElements) {

    public record Movement(long sequenceNumber, String kind, Instant occurredAt, BigDecimal amount,
                           BigDecimal balanceAfter, String reference, String subscriptionId) {
    }

    static WalletView of(WalletPage page) {
        return new WalletView(page.accountId(), page.walletId(), page.balance().currency().getCurrencyCode(),
                page.balance().amount(), page.movements().stream().map(line -> new Movement(line.sequenceNumber(),
                        line.kind(), line.occurredAt(), amount(line.amount()), amount(line.balanceAfter()),
                        line.reference(), line.subscriptionId())).toList(), page.page(), page.size(),
                page.totalElements());
    }

    private static BigDecimal amount(Money money) {
        return money.amount();
    }
}
