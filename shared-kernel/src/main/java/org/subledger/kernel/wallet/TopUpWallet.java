package org.subledger.kernel.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.Currency;

/** Pay money into the account's wallet; the first top-up opens it. A repeated {@code topUpId} credits once. */
public record TopUpWallet(@TargetAggregateIdentifier String walletId, String accountId, String topUpId,
                          BigDecimal amount, Currency currency, String reference) {
}
