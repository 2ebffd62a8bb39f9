package org.subledger.kernel.subscription.query;

/** The services effective on a subscription now, by product code. Answer: {@code List<SubscribedService>}. */
public record ListSubscriptionServices(String subscriptionId) {
}
