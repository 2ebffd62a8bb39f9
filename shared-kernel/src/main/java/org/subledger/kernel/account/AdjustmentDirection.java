package org.subledger.kernel.account;

import org.subledger.kernel.money.Money;

/**
 * Which way an adjustment moves the balance: a DEBIT adds to what the customer owes, a CREDIT takes from it.
 */
public enum AdjustmentDirection {
    DEBIT,
    CREDIT;

    /** The adjustment's effect on the balance: {@code amount} for a debit, its negation for a credit. */
    public Money signed(Money amount) {
        return this == DEBIT ? amount : amount.negate();
    }
}
