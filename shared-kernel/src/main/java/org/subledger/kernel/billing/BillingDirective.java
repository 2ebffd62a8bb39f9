package org.subledger.kernel.billing;

/**
 * What the billing engine does with a subscription service: BILL it (the default), CREDIT it (its charge is given
 * back to the customer, e.g. a compensation) or IGNORE it (provided but not billed).
 */
public enum BillingDirective {
    BILL,
    CREDIT,
    IGNORE
}
