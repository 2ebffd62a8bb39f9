package org.subledger.command.usage;

import org.subledger.kernel.subscription.UsageTally;
import org.subledger.kernel.usage.UsageRecorded;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The usage records of {@code UsageBatchRecorded} events that no bill has included yet: what billing adds to a
 * subscription's stream to know its unbilled usage, since batch-recorded usage is on no subscription's stream. Written
 * by the batch that records them and cleared by the bill that includes them, each in its own command's transaction, so
 * a record is in exactly one of them: unbilled here, or listed by a bill's {@code SubscriptionBilled}. Readers see
 * these rows as the batch records' unbilled usage ({@code reporting.unbilled_usage}, the query API): one copy, there as
 * soon as the batch commits.
 */
public interface UnbilledBatchUsage {

    /**
     * The records of a batch being recorded, in its transaction, with the identifier of the batch event that holds
     * them (kept for the bill's explanation once they are billed). Their rows are their ids' claims
     * ({@link UsageRecordIds}' key space): fails with {@link RecordIdsTaken} when one of them was claimed already.
     */
    void add(List<UsageRecorded> records, String eventId);

    /** Each subscription's unbilled batch records (a subscription with none is absent), in the order recorded. */
    Map<String, List<UsageRecorded>> unbilled(Collection<String> subscriptionIds);

    /**
     * Each subscription's unbilled batch records counted and summed (a subscription with none is absent): what a
     * threshold or prepaid scheme adds to its stream's unbilled usage to decide on an early usage bill.
     */
    default Map<String, UsageTally> tallies(Collection<String> subscriptionIds) {
        Map<String, UsageTally> tallies = new HashMap<>();
        unbilled(subscriptionIds).forEach((subscriptionId, records) -> records.forEach(record -> tallies.merge(
                subscriptionId, new UsageTally(1, record.amount()), UsageTally::plus)));
        return tallies;
    }

    /**
     * A bill includes these records, in its transaction: they leave the unbilled usage, and their batch event is kept
     * as where they were recorded (with their ids' claims). Fails with a {@code ConcurrencyException} when one
     * of them is gone already (another bill took it first), so the bill is tried again from a fresh read.
     */
    void billed(Map<String, ? extends Collection<String>> recordIdsBySubscription);
}
