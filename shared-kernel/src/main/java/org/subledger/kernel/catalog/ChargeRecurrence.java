package org.subledger.kernel.catalog;

/** How often an event-based charge may be made on one subscription. */
public enum ChargeRecurrence {
    /** On every event that triggers it. */
    EVERY_TIME,
    /** On the first event that triggers it, never again for that subscription. */
    ONCE_PER_SUBSCRIPTION
}
