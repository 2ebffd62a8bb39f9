package org.subledger.kernel.account;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.money.Money;

/**
 * A payment of {@code amount} was received from the customer; the balance fell by it. {@code billId}: the bill the
 * customer said it pays, settled first ({@code null}: none named, the oldest open items are settled first).
 *
 * <p>Revision 2 added {@code billId}; a revision-1 payment named no bill.
 */
@Revision("2")
public record PaymentRecorded(String accountId, String postingId, Money amount, String description, String reference,
                              Money balanceAfter, String billId) implements AccountPosting {
    @Override
    public Money balanceEffect() {
        return amount.negate();
    }

    @Override
    public String narrative() {
        return description;
    }
}
