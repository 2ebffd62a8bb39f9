package org.subledger.command.subscription;

import org.subledger.command.usage.UnbilledBatchUsage;
import org.subledger.kernel.subscription.UsageTally;
import org.subledger.kernel.usage.UsageBillingDue;
import org.subledger.kernel.usage.UsageRecorded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records of a mediation batch's one {@code UsageBatchRecorded} event as its subscriptions decide them
 * ({@link MediationBatchHandler}), and what earlier batches left unbilled on each of those subscriptions: a scheme that
 * bills usage early (prepaid, or at an amount or a number of records) decides on that and its stream's unbilled usage
 * together. Those tallies are read once for all the batch's subscriptions that bill usage early (the handler names
 * them: the others' unbilled rows, which wait for their bill runs, are never read here), when the first asks; a
 * batch of subscriptions that bill usage only at their bill runs never reads them.
 */
final class UsageBatch {

    private final List<UsageRecorded> records = new ArrayList<>();
    private final List<UsageBillingDue> billingDue = new ArrayList<>();
    private final UnbilledBatchUsage unbilled;
    private final Collection<String> subscriptionIds;
    private Map<String, UsageTally> tallies;

    UsageBatch(UnbilledBatchUsage unbilled, Collection<String> subscriptionIds) {
        this.unbilled = unbilled;
        this.subscriptionIds = List.copyOf(subscriptionIds);
    }

    void add(UsageRecorded record) {
        records.add(record);
    }

    /**
     * A subscription of the batch asks for its usage bill: published as an event of its own with the batch event, not
     * on the subscription's stream (which the batch leaves alone, as it leaves its records off it).
     */
    void billingDue(UsageBillingDue due) {
        billingDue.add(due);
    }

    /** The subscriptions' asks for their usage bills, in the order decided. */
    List<UsageBillingDue> billingDue() {
        return billingDue;
    }

    /** The records accepted so far, in the order decided. */
    List<UsageRecorded> records() {
        return records;
    }

    /** The subscription's batch-recorded usage no bill has included yet, before this batch; empty when none. */
    Optional<UsageTally> unbilledBefore(String subscriptionId) {
        if (tallies == null) {
            tallies = unbilled.tallies(subscriptionIds);
        }
        return Optional.ofNullable(tallies.get(subscriptionId));
    }
}
