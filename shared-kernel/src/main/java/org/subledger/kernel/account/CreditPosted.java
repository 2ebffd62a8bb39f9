package org.subledger.kernel.account;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.money.Money;

/** The customer was credited {@code amount}; the balance fell by it. */
@Revision("1")
public record CreditPosted(String accountId, String postingId, Money amount, String description, String reference,
                           Money balanceAfter) implements AccountPosting {
    @Override
    public Money balanceEffect() {
        return amount.negate();
    }

    @Override
    public String narrative() {
        return description;
    }
}
