package org.subledger.kernel.usage;

/**
 * Why unbilled usage is billed before the bill run: the subscription is PREPAID (billed when usage is added), or the
 * billing term scheme's maximum unbilled amount (AMOUNT_THRESHOLD) or number of records (RECORD_THRESHOLD) was reached.
 */
public enum UsageBillingReason {
    PREPAID,
    AMOUNT_THRESHOLD,
    RECORD_THRESHOLD
}
