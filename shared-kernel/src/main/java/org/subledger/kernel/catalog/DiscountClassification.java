package org.subledger.kernel.catalog;

/** Whether an additive discount is given on subscriptions or on jobs. */
public enum DiscountClassification {
    SUBSCRIPTIONS,
    JOBS
}
