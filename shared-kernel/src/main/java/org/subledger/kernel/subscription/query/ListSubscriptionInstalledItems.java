package org.subledger.kernel.subscription.query;

/** The items installed on a subscription now, by serial number. Answer: {@code List<InstalledItemRecord>}. */
public record ListSubscriptionInstalledItems(String subscriptionId) {
}
