package org.subledger.kernel.subscription.query;

/** The subscription as the read model has it now. Answer: {@code Optional<SubscriptionSummary>}. */
public record FindSubscription(String subscriptionId) {
}
