package org.subledger.command.billing;

/**
 * The operator's billing rules that are not in the catalog: a bill is due {@code paymentTermDays} after it is billed.
 * How periods are cut and amounts prorated and rounded is stated once, in {@link Proration}.
 */
public record BillingRules(int paymentTermDays) {

    public static final int DEFAULT_PAYMENT_TERM_DAYS = 14;

    public BillingRules {
        if (paymentTermDays < 0) {
            throw new IllegalArgumentException("the payment term is zero days or more, not " + paymentTermDays);
        }
    }

    public static BillingRules defaults() {
        return new BillingRules(DEFAULT_PAYMENT_TERM_DAYS);
    }
}
