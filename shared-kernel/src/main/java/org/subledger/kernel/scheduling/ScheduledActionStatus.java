package org.subledger.kernel.scheduling;

/** Where a scheduled action stands. */
public enum ScheduledActionStatus {
    PENDING, EXECUTED, FAILED, CANCELLED
}
