package org.subledger.kernel.account;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.money.Money;

/** The balance was corrected by {@code amount} in {@code direction}, for the stated reason. */
@Revision("1")
public record AdjustmentPosted(String accountId, String postingId, Money amount, AdjustmentDirection direction,
                               String reason, Money balanceAfter) implements AccountPosting {
    @Override
    public Money balanceEffect() {
        return direction.signed(amount);
    }

    @Override
    public String narrative() {
        return reason;
    }
}
