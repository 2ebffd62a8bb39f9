package org.subledger.kernel.billing;

/** Why a bill was issued: by a bill run (RUN), for usage billed early (a threshold reached, or a prepaid subscription), or for a job. */
public enum BillKind {
    RUN,
    USAGE,
    /** A job's goods, expenses and activities, billed once when it completed ({@code subscriptionId} null). */
    JOB
}
