package org.subledger.kernel.collections;

/** What a collections run does to the subscriptions it selects. */
public enum RunKind {
    /** Disconnects effective subscriptions of customers who owe too much for too long, or have a bad credit rating. */
    DEACTIVATION,
    /** Reconnects deactivated subscriptions whose account has settled its balance. */
    REACTIVATION
}
