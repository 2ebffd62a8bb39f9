package org.subledger.kernel.account;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.money.Money;

/**
 * A credit note ({@code creditNoteNumber}) for bill {@code billId} credited the customer {@code amount} (its tax part
 * {@code taxAmount}); the balance fell by it. The money settles that bill's open item first ({@link Receivables}).
 */
@Revision("1")
public record CreditNotePosted(String accountId, String postingId, String creditNoteId, String creditNoteNumber,
                               String billId, Money amount, Money taxAmount, String description, Money balanceAfter)
        implements AccountPosting {

    @Override
    public Money balanceEffect() {
        return amount.negate();
    }

    @Override
    public String narrative() {
        return description;
    }
}
