package org.subledger.command.usage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * (subscription, record id) pairs as two parallel lists in the order of their keys (subscription, then record id),
 * for a statement over {@code unnest} of two arrays: two transactions writing some of the same keys (ledgers on two
 * nodes, a batch and a bill) then take the keys' locks in the same order and never wait for each other crosswise.
 */
record RecordIdPairs(List<String> subscriptionIds, List<String> recordIds) {

    static RecordIdPairs inKeyOrder(Map<String, ? extends Collection<String>> recordIdsBySubscription) {
        List<String> subscriptionIds = new ArrayList<>();
        List<String> recordIds = new ArrayList<>();
        new TreeMap<String, Collection<String>>(recordIdsBySubscription).forEach((subscriptionId, ids) ->
                new TreeSet<>(ids).forEach(id -> {
                    subscriptionIds.add(subscriptionId);
                    recordIds.add(id);
                }));
        return new RecordIdPairs(subscriptionIds, recordIds);
    }

    boolean isEmpty() {
        return recordIds.isEmpty();
    }
}
