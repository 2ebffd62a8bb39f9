package org.subledger.kernel.catalog;

/**
 * What one bill covers under a billing term scheme. {@code ACCOUNT}: everything of the account billed by a bill run
 * on the same billing date is one bill, with a section per subscription (the customer of TV, broadband and telephony
 * gets one bill a month) — the default. {@code SUBSCRIPTION}: each subscription gets a bill of its own, as every
 * scheme did before bills per account.
 */
public enum BillPer {
    ACCOUNT,
    SUBSCRIPTION
}
