package org.subledger.command.subscription;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.subledger.command.web.CommandSender;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.usage.RecordMediationBatch;
import org.subledger.kernel.usage.RecordUsageBatch;
import org.subledger.kernel.usage.UsageRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends a mediation batch (usage records of many subscriptions, from {@code POST /api/usage/batches} or a chunk of a
 * newline-delimited stream) as one {@link RecordMediationBatch} per partition of the subscriptions
 * ({@code ledger.usage.batch-partitions}, default 2, by the hash of the subscription id), one after the other.
 *
 * <p>Each partition's batches take turns ({@link MediationBatchHandler}), and a batch holds its subscriptions' locks
 * until it commits, so with one turn for all the command side decided one batch at a time: while it waited for
 * PostgreSQL the other batches waited for it, and the machine's second core was a third idle (1.6 of 2 cores busy at
 * 4 and 8 clients). With two partitions a batch records its first half while another records its second half. Each
 * partition is its own unit of work and transaction: a subscription's records still commit together, and a failure in
 * the second half leaves the first half recorded; the client's retry (same records, same ids) finds those records
 * duplicates and records the rest, so each record is recorded once, as after a crash between commit and response.
 *
 * <p>A batch is first sent taking its records for new (no look-up of their ids); when one of them was recorded before
 * (a batch sent again, a repeated id), it fails having recorded nothing and is sent again looking its ids up first
 * ({@link RecordMediationBatch#lookUpFirst}).
 */
@Component
class MediationBatches {

    private final CommandSender commands;
    private final int partitions;

    MediationBatches(CommandSender commands, @Value("${ledger.usage.batch-partitions:2}") int partitions) {
        if (partitions < 1 || partitions > 64) {
            throw new IllegalArgumentException("ledger.usage.batch-partitions must be 1 to 64, not " + partitions);
        }
        this.commands = commands;
        this.partitions = partitions;
    }

    int partitions() {
        return partitions;
    }

    /** The partition of a subscription's records: batches of one partition take turns. */
    int partitionOf(String subscriptionId) {
        return Math.floorMod(subscriptionId.hashCode(), partitions);
    }

    /** The outcomes per subscription, in the order of {@code bySubscription}. */
    List<MediationBatchHandler.SubscriptionOutcome> record(Map<String, List<UsageRecord>> bySubscription) {
        if (bySubscription.isEmpty()) {
            return List.of();
        }
        List<List<RecordUsageBatch>> parts = new ArrayList<>(partitions);
        for (int partition = 0; partition < partitions; partition++) {
            parts.add(new ArrayList<>());
        }
        bySubscription.forEach((subscriptionId, records) -> parts.get(partitionOf(subscriptionId))
                .add(new RecordUsageBatch(subscriptionId, records)));
        Map<String, MediationBatchHandler.SubscriptionOutcome> outcomes = new HashMap<>();
        for (List<RecordUsageBatch> part : parts) {
            if (!part.isEmpty()) {
                List<MediationBatchHandler.SubscriptionOutcome> recorded;
                try {
                    recorded = commands.send(new RecordMediationBatch(part), ErrorCode.SUBSCRIPTION_NOT_FOUND,
                            "batch");
                } catch (BatchRecordsNotNew repeated) {
                    recorded = commands.send(new RecordMediationBatch(part, true), ErrorCode.SUBSCRIPTION_NOT_FOUND,
                            "batch");
                }
                recorded.forEach(outcome -> outcomes.put(outcome.subscriptionId(), outcome));
            }
        }
        return bySubscription.keySet().stream().map(outcomes::get).toList();
    }
}
