package org.subledger.kernel.account;

import org.subledger.kernel.money.Money;

/**
 * Settlement status of an account: UNSETTLED while the balance is positive (the customer owes money), SETTLED
 * otherwise (nothing owed, or the customer is in credit).
 */
public enum AccountStatus {
    SETTLED,
    UNSETTLED;

    public static AccountStatus of(Money balance) {
        return balance.isPositive() ? UNSETTLED : SETTLED;
    }
}
