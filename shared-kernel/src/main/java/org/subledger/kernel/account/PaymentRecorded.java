package org.subledger.kernel.account;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.money.Money;

/** A payment of {@code amount} was received from the customer; the balance fell by it. */
@Revision("1")
public record PaymentRecorded(String accountId, String postingId, Money amount, String description, String reference,
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
