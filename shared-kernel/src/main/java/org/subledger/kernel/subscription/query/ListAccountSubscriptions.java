package org.subledger.kernel.subscription.query;

import org.subledger.kernel.access.AccessScope;

/**
 * The subscriptions an account owns, oldest first, of those {@code scope} may read ({@code null}: all). Answer:
 * {@code List<SubscriptionSummary>}.
 */
public record ListAccountSubscriptions(String accountId, AccessScope scope) {

    public ListAccountSubscriptions(String accountId) {
        this(accountId, null);
    }
}
