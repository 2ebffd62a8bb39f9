package org.subledger.kernel.subscription;

/**
 * The life cycle of a subscription. DRAFT: registered (e.g. by the call centre) but not yet provisioned or billed;
 * EFFECTIVE: its services are provisioned to the subscriber and charged by the billing engine; DEACTIVATED:
 * disconnected (typically for debt) until it is reactivated; TERMINATED: no longer in operation and not billed, for
 * good.
 */
public enum SubscriptionState {
    DRAFT,
    EFFECTIVE,
    DEACTIVATED,
    TERMINATED
}
