package org.subledger.kernel.billing.query;

/** Where a bill run is: STARTED (bills are being issued) or COMPLETED. */
public enum BillRunStatus {
    STARTED,
    COMPLETED
}
