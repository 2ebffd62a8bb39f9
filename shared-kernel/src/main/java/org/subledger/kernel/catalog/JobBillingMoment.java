package org.subledger.kernel.catalog;

/**
 * When jobs of a job type are billed: {@code ON_COMPLETION}, at once when the job completes (the default, and what
 * every job type defined before this choice existed does); or {@code BILL_RUN}, by the next bill run whose billing
 * date is on or after the job's completion, with the account's other bills.
 */
public enum JobBillingMoment {
    ON_COMPLETION,
    BILL_RUN
}
