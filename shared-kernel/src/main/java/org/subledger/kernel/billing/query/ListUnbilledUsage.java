package org.subledger.kernel.billing.query;

/**
 * The usage records of a subscription that no bill has included yet, oldest use first. Answer:
 * {@code List<UnbilledUsageRecord>}.
 */
public record ListUnbilledUsage(String subscriptionId) {
}
