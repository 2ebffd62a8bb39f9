package org.subledger.kernel.collections.query;

import java.util.List;

/**
 * The subscriptions a run selected, in a stable order (account, then subscription); for a scheduled-actions run, the
 * scheduled actions, in the order they are due.
 */
public record CollectionCandidateList(List<String> subscriptionIds) {
}
