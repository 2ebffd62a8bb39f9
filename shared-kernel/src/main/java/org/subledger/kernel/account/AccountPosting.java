package org.subledger.kernel.account;

import org.subledger.kernel.event.DomainEvent;
import org.subledger.kernel.money.Money;

/**
 * An event that moved an account's balance. {@link #balanceEffect()} is the one statement of the sign rule: a
 * positive balance is what the customer owes, so charges and debit adjustments add, credits, payments and credit
 * adjustments subtract.
 */
public interface AccountPosting extends DomainEvent {
    String accountId();

    String postingId();

    /** Always positive; the direction comes from the kind of posting. */
    Money amount();

    /** The balance right after this posting. */
    Money balanceAfter();

    /** What the posting did to the balance, signed. */
    Money balanceEffect();

    /** Statement text: the description, or the reason of an adjustment. */
    String narrative();
}
