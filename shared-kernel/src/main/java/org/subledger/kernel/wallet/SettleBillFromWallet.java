package org.subledger.kernel.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.subledger.kernel.money.Money;

/**
 * Pay a prepaid subscription's bill that the wallet could not cover when it was issued, now from the wallet; refused
 * with {@code WALLET_INSUFFICIENT_FUNDS} while it still cannot, and a no-op once the bill was settled.
 */
public record SettleBillFromWallet(@TargetAggregateIdentifier String walletId, String subscriptionId, String billId,
                                   Money amount) {
}
