package org.subledger.command.usage;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The usage record ids each subscription has recorded, kept outside the aggregate's state: a telephony subscription
 * collects millions of record ids over its life, and a set of them in the aggregate would be rebuilt (or carried in
 * every snapshot) on each command, so the cost of a record would grow with the subscription's history. Both methods
 * run in the command's transaction, so a claim is undone with the command's events if it fails. Injected as a handler
 * parameter.
 */
public interface UsageRecordIds {

    /** Of the given ids, those the subscription recorded before. */
    Set<String> recorded(String subscriptionId, Collection<String> recordIds);

    /**
     * Of each subscription's given ids, those it recorded before (subscriptions with none are left out): a mediation
     * batch looks once for all its subscriptions, not once for each.
     */
    default Map<String, Set<String>> recorded(Map<String, ? extends Collection<String>> recordIdsBySubscription) {
        Map<String, Set<String>> recorded = new HashMap<>();
        recordIdsBySubscription.forEach((subscriptionId, recordIds) -> {
            Set<String> seen = recorded(subscriptionId, recordIds);
            if (!seen.isEmpty()) {
                recorded.put(subscriptionId, seen);
            }
        });
        return recorded;
    }

    /**
     * Claims each subscription's ids at once (a mediation batch's); answers those claimed now, as
     * {@link #claim(String, Collection)} does one subscription's.
     */
    default Map<String, Set<String>> claim(Map<String, ? extends Collection<String>> recordIdsBySubscription) {
        Map<String, Set<String>> claimed = new HashMap<>();
        recordIdsBySubscription.forEach((subscriptionId, recordIds) ->
                claimed.put(subscriptionId, claim(subscriptionId, recordIds)));
        return claimed;
    }

    /**
     * Claims the ids for the subscription; answers those claimed now. An id missing from the answer was claimed by a
     * concurrent command that committed first: a duplicate.
     */
    Set<String> claim(String subscriptionId, Collection<String> recordIds);
}
