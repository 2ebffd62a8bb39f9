package org.subledger.kernel.catalog;

/** How often a subscription is billed; {@link #months()} is the length of one billing period. */
public enum BillingFrequency {
    MONTHLY(1),
    QUARTERLY(3),
    SEMI_ANNUAL(6),
    ANNUAL(12);

    private final int months;

    BillingFrequency(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
