package org.subledger.kernel.subscription.query;

/** The subscriptions an account owns, oldest first. Answer: {@code List<SubscriptionSummary>}. */
public record ListAccountSubscriptions(String accountId) {
}
