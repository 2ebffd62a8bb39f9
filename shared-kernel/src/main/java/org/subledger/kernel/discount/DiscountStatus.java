package org.subledger.kernel.discount;

/**
 * Where a discount on a subscription stands. An ad hoc discount that needs approval is PENDING_APPROVAL until an
 * authorised user approves it (APPROVED) or rejects it (REJECTED); one that needs none, and every auto-apply discount
 * billing applies, is APPROVED from the start. Only APPROVED discounts reach a bill; REMOVED ones no longer do.
 */
public enum DiscountStatus {
    PENDING_APPROVAL,
    APPROVED,
    REJECTED,
    REMOVED
}
