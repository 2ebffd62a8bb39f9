package org.subledger.command.subscription;

import org.subledger.command.usage.RecordIdsTaken;
import org.subledger.command.usage.UnbilledBatchUsage;
import org.subledger.kernel.subscription.UsageTally;
import org.subledger.kernel.usage.UsageRecorded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The unbilled batch-recorded usage of a fixture's subscriptions, as the batches added it. */
class FakeUnbilledBatchUsage implements UnbilledBatchUsage {

    final Map<String, List<UsageRecorded>> rows = new LinkedHashMap<>();
    /** Each record's batch event identifier, by subscription id and record id ({@code "S/R"}). */
    final Map<String, String> eventIds = new LinkedHashMap<>();
    /** Set by a test that shows the tallies are not read. */
    boolean failOnTallies;
    /** The subscriptions each read of the tallies asked for. */
    final List<List<String>> talliesRead = new ArrayList<>();
    /** The record ids' claims, whose key space the rows share (as in {@code usage_record_id}). */
    private final FakeUsageRecordIds claims;

    FakeUnbilledBatchUsage(FakeUsageRecordIds claims) {
        this.claims = claims;
    }

    @Override
    public void add(List<UsageRecorded> records, String eventId) {
        records.forEach(record -> {
            if (claims.claim(record.subscriptionId(), List.of(record.recordId())).isEmpty()) {
                throw new RecordIdsTaken("Record " + record.recordId() + " was claimed already", null);
            }
        });
        records.forEach(record -> {
            rows.computeIfAbsent(record.subscriptionId(), id -> new ArrayList<>()).add(record);
            eventIds.put(record.subscriptionId() + "/" + record.recordId(), eventId);
        });
    }

    @Override
    public Map<String, List<UsageRecorded>> unbilled(Collection<String> subscriptionIds) {
        Map<String, List<UsageRecorded>> unbilled = new LinkedHashMap<>();
        subscriptionIds.stream().filter(rows::containsKey).forEach(id -> unbilled.put(id, List.copyOf(rows.get(id))));
        return unbilled;
    }

    @Override
    public Map<String, UsageTally> tallies(Collection<String> subscriptionIds) {
        if (failOnTallies) {
            throw new AssertionError("the unbilled batch usage was read");
        }
        talliesRead.add(List.copyOf(subscriptionIds));
        return UnbilledBatchUsage.super.tallies(subscriptionIds);
    }

    @Override
    public void billed(Map<String, ? extends Collection<String>> recordIdsBySubscription) {
        recordIdsBySubscription.forEach((subscriptionId, ids) ->
                rows.computeIfPresent(subscriptionId, (id, kept) -> {
                    kept.removeIf(row -> ids.contains(row.recordId()));
                    return kept.isEmpty() ? null : kept;
                }));
    }
}
