package org.subledger.kernel.wallet;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.money.Money;

/**
 * Money was paid into the customer's wallet (a top-up): prepaid funds held for the customer, not a payment of what
 * the account owes, so the account's balance does not move. {@code topUpId} is the request's own (repeats credit
 * once). The first top-up opens the wallet in the account's currency.
 */
@Revision("1")
public record WalletToppedUp(String walletId, String accountId, String topUpId, Money amount, String reference,
                             Money balanceAfter) implements WalletMovement {
    @Override
    public Money balanceEffect() {
        return amount;
    }
}
