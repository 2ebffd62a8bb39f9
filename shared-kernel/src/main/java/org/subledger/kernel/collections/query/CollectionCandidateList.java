package org.subledger.kernel.collections.query;

import java.util.List;

/** The subscriptions a run selected, in a stable order (account, then subscription). */
public record CollectionCandidateList(List<String> subscriptionIds) {
}
