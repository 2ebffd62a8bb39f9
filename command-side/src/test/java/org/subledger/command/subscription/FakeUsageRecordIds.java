package org.subledger.command.subscription;

import org.subledger.command.usage.UsageRecordIds;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The usage record ids of a fixture's subscriptions: those a test says were recorded before, and those claimed. */
class FakeUsageRecordIds implements UsageRecordIds {

    private final Map<String, Set<String>> ids = new HashMap<>();
    private final Map<String, Set<String>> meanwhile = new HashMap<>();

    /** As the table holds them after the given events recorded these ids. */
    FakeUsageRecordIds recordedBefore(String subscriptionId, String... recordIds) {
        ids.computeIfAbsent(subscriptionId, id -> new HashSet<>()).addAll(Set.of(recordIds));
        return this;
    }

    /**
     * As if another node claimed these ids and committed after this one looked: a look-up does not see them, a claim
     * finds them taken.
     */
    FakeUsageRecordIds claimedMeanwhile(String subscriptionId, String... recordIds) {
        meanwhile.computeIfAbsent(subscriptionId, id -> new HashSet<>()).addAll(Set.of(recordIds));
        return this;
    }

    @Override
    public Set<String> recorded(String subscriptionId, Collection<String> recordIds) {
        Set<String> known = ids.getOrDefault(subscriptionId, Set.of());
        Set<String> recorded = new HashSet<>();
        recordIds.stream().filter(known::contains).forEach(recorded::add);
        return recorded;
    }

    @Override
    public Set<String> claim(String subscriptionId, Collection<String> recordIds) {
        Set<String> known = ids.computeIfAbsent(subscriptionId, id -> new HashSet<>());
        known.addAll(meanwhile.getOrDefault(subscriptionId, Set.of()));
        Set<String> claimed = new HashSet<>();
        recordIds.stream().filter(known::add).forEach(claimed::add);
        return claimed;
    }
}
