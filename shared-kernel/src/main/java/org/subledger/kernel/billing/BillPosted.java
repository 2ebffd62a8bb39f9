package org.subledger.kernel.billing;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.account.AccountPosting;
import org.subledger.kernel.money.Money;

/**
 * A bill was posted to the account (in the transaction that issued it): the balance moved by the bill's
 * {@code total}, which is negative for a bill whose credits exceed its charges. {@code postingId} is
 * {@code bill:<billId>}; the bill's lines are posted together, so each is posted exactly once.
 */
@Revision("1")
public record BillPosted(String accountId,
                         String postingId,
                         String billId,
                         String billNumber,
                         Money total,
                         Money taxTotal,
                         String description,
                         Money balanceAfter) implements AccountPosting {

    @Override
    public Money amount() {
        return total.isNegative() ? total.negate() : total;
    }

    @Override
    public Money balanceEffect() {
        return total;
    }

    @Override
    public String narrative() {
        return description;
    }
}
