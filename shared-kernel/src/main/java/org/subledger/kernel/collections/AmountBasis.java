package org.subledger.kernel.collections;

/**
 * Where a deactivation's amount condition is read: the account's whole unpaid balance, or what the subscription's own
 * bills leave unpaid (so a paid-up subscription need not go dark because another one of the account is overdue).
 */
public enum AmountBasis {
    ACCOUNT,
    SUBSCRIPTION
}
