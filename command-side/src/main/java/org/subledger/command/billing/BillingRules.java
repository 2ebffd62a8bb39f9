package org.subledger.command.billing;

import org.subledger.kernel.catalog.BillingTermSchemeDefinition;

import java.time.LocalDate;
import java.util.Optional;

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

    /** Due by the payment term of billing term scheme {@code schemeCode} after {@code on}, or this ledger's term. */
    public LocalDate dueDate(BillingCatalog catalog, String schemeCode, LocalDate on) {
        return (schemeCode == null ? Optional.<BillingTermSchemeDefinition>empty()
                : catalog.billingTermScheme(schemeCode))
                .map(scheme -> scheme.dueDate(on, paymentTermDays))
                .orElse(on.plusDays(paymentTermDays));
    }

    public static BillingRules defaults() {
        return new BillingRules(DEFAULT_PAYMENT_TERM_DAYS);
    }
}
