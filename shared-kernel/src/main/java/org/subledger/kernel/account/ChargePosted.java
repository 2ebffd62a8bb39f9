package org.subledger.kernel.account;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.money.Money;

/** The customer was charged {@code amount}; the balance grew by it. */
@Revision("1")
public record ChargePosted(String accountId, String postingId, Money amount, String description, String reference,
                           Money balanceAfter) implements AccountPosting {
    @Override
    public Money balanceEffect() {
        return amount;
    }

    @Override
    public String narrative() {
        return description;
    }
}
