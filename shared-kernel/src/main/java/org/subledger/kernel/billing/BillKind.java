package org.subledger.kernel.billing;

/**
 * Why a bill was issued: by a bill run (RUN), for usage billed early (USAGE: a threshold reached, or a prepaid
 * subscription), at once for a period bought in advance (BUY_IN_ADVANCE: billed like a run, through the end of the
 * bought period), for a job (JOB), or for one charge an action of a subscription triggered (EVENT_CHARGE: a start-up
 * fee, an early-termination penalty).
 */
public enum BillKind {
    RUN,
    USAGE,
    BUY_IN_ADVANCE,
    /** A job's goods, expenses and activities, billed once when it completed ({@code subscriptionId} null). */
    JOB,
    /** One event charge of a subscription (start-up fee, early-termination penalty), one line, billed at once. */
    EVENT_CHARGE
}
