package org.subledger.kernel.collections;

/** What a collections run does to the subscriptions (or scheduled actions) it selects. */
public enum RunKind {
    /** Disconnects effective subscriptions of customers who owe too much for too long, or have a bad credit rating. */
    DEACTIVATION,
    /** Reconnects deactivated subscriptions whose account has settled its balance. */
    REACTIVATION,
    /**
     * Carries out the scheduled subscription actions due by the run's as-of date whose behaviour code is one of the
     * definition's (the seed's nightly batches: every action but activations and deactivations first, those later).
     */
    SCHEDULED_ACTIONS
}
