package org.subledger.command.subscription;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateInvocationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.command.access.CommandScopes;
import org.subledger.command.usage.UsageRecordIds;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.error.RefusalDetails;
import org.subledger.kernel.usage.RecordMediationBatch;
import org.subledger.kernel.usage.RecordUsageBatch;
import org.subledger.kernel.usage.UsageRecord;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Records a mediation batch of many subscriptions in one unit of work: one transaction, one append of every event,
 * one commit. A batch spread over 10,000 subscriptions touches about 950 of them per 1,000 records, and as one
 * command per subscription each paid a transaction, a commit and the command's dispatch for a single record.
 *
 * <p>Subscriptions are loaded in the order of their ids, and their locks are held until the batch commits, so two
 * batches take their locks in one order and never deadlock (no other command locks more than one subscription). A
 * subscription refused as a whole (unknown, not effective, out of the caller's scope) is refused before it decides
 * anything, so it leaves nothing in the batch's transaction; a technical failure fails the whole batch, and the
 * gateway's retry of a lost race retries all of it (its record-id claims went with it).
 */
@Component
class MediationBatchHandler {

    /** One subscription's outcome: what it recorded, or why it was refused as a whole. */
    record SubscriptionOutcome(String subscriptionId, List<UsageRecord> records, SubscriptionUsage.Outcome recorded,
                               RefusalDetails refusal) {
    }

    private final Repository<Subscription> subscriptions;

    MediationBatchHandler(@Lazy @Qualifier("subscriptionRepository") Repository<Subscription> subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** The outcomes in the order each subscription first appears in the batch. */
    @CommandHandler
    List<SubscriptionOutcome> handle(RecordMediationBatch command, MetaData metaData, SubscriptionLookup lookup,
                                     UsageRecordIds recordIds, Clock clock) {
        Map<String, List<UsageRecord>> inOrder = new LinkedHashMap<>();
        command.subscriptions().forEach(part -> inOrder.computeIfAbsent(part.subscriptionId(),
                id -> new ArrayList<>()).addAll(part.records()));
        AccessScope scope = CommandScopes.of(metaData);
        LocalDate today = LocalDate.now(clock);
        // catalog entries read once per batch, not once per subscription
        var catalog = new BatchLookup(lookup);
        var probed = new ProbedRecordIds(recordIds, inOrder);
        Map<String, SubscriptionOutcome> outcomes = new TreeMap<>();
        new TreeMap<>(inOrder).forEach((subscriptionId, records) -> outcomes.put(subscriptionId,
                record(new RecordUsageBatch(subscriptionId, records), scope, catalog, probed, today)));
        return inOrder.keySet().stream().map(outcomes::get).toList();
    }

    private SubscriptionOutcome record(RecordUsageBatch part, AccessScope scope, SubscriptionLookup lookup,
                                       UsageRecordIds recordIds, LocalDate today) {
        String id = part.subscriptionId();
        try {
            var recorded = subscriptions.load(id).invoke(subscription ->
                    subscription.recordInBatch(part, scope, lookup, recordIds, today));
            return new SubscriptionOutcome(id, part.records(), recorded, null);
        } catch (AggregateNotFoundException | IncompatibleAggregateException unknown) {
            return new SubscriptionOutcome(id, part.records(), null, notASubscription(id));
        } catch (LedgerRefusal refusal) {
            return new SubscriptionOutcome(id, part.records(), null, refusal.details());
        } catch (AggregateInvocationException failure) {
            if (failure.getCause() instanceof LedgerRefusal refusal) {
                return new SubscriptionOutcome(id, part.records(), null, refusal.details());
            }
            throw failure;
        }
    }

    /**
     * The batch's record ids looked up once for all its subscriptions (one statement instead of one per
     * subscription); the claims still go to the table one subscription at a time, as each decides.
     */
    private static final class ProbedRecordIds implements UsageRecordIds {

        private final UsageRecordIds table;
        private final Map<String, Set<String>> recordedBefore;

        ProbedRecordIds(UsageRecordIds table, Map<String, List<UsageRecord>> batch) {
            this.table = table;
            Map<String, Set<String>> asked = new HashMap<>();
            batch.forEach((subscriptionId, records) -> asked.put(subscriptionId,
                    records.stream().map(UsageRecord::recordId).filter(Objects::nonNull)
                            .collect(Collectors.toSet())));
            this.recordedBefore = table.recorded(asked);
        }

        @Override
        public Set<String> recorded(String subscriptionId, Collection<String> recordIds) {
            Set<String> known = recordedBefore.getOrDefault(subscriptionId, Set.of());
            return recordIds.stream().filter(known::contains).collect(Collectors.toSet());
        }

        @Override
        public Set<String> claim(String subscriptionId, Collection<String> recordIds) {
            return table.claim(subscriptionId, recordIds);
        }
    }

    static RefusalDetails notASubscription(String subscriptionId) {
        return new RefusalDetails(ErrorCode.SUBSCRIPTION_NOT_FOUND, "No subscription " + subscriptionId,
                Map.of("subscriptionId", "is not a subscription"));
    }
}
