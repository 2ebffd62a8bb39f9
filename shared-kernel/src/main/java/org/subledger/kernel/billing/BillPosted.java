package org.subledger.kernel.billing;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.account.AccountPosting;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;

/**
 * A bill was posted to the account (in the transaction that issued it): the balance moved by the bill's
 * {@code total}, which is negative for a bill whose credits exceed its charges. {@code postingId} is
 * {@code bill:<billId>}; the bill's lines are posted together, so each is posted exactly once. {@code dueDate}: by
 * when the customer pays it (the bill's own due date, {@code BillIssued}); the open item it opens is due then.
 *
 * <p>Revision 2 added {@code dueDate}. A revision-1 event is read with the date (UTC) it was posted as its due date:
 * the account's stream never knew the bill's payment term, so an old bill counts as due the day it was billed
 * ({@code BillPostedDueDateUpcaster}).
 */
@Revision("2")
public record BillPosted(String accountId,
                         String postingId,
                         String billId,
                         String billNumber,
                         Money total,
                         Money taxTotal,
                         String description,
                         Money balanceAfter,
                         LocalDate dueDate) implements AccountPosting {

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
