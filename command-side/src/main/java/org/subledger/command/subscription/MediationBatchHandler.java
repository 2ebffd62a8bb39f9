package org.subledger.command.subscription;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateInvocationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.command.access.CommandScopes;
import org.subledger.command.charging.EventChargeRuleBook;
import org.subledger.command.usage.RecordIdsTaken;
import org.subledger.command.usage.UnbilledBatchUsage;
import org.subledger.command.usage.UsageDueDates;
import org.subledger.command.usage.UsageRecordIds;
import org.subledger.command.wallet.PrepaidWallets;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.error.RefusalDetails;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.usage.RecordMediationBatch;
import org.subledger.kernel.usage.RecordUsageBatch;
import org.subledger.kernel.usage.UsageBatchRecorded;
import org.subledger.kernel.usage.UsageRecord;
import org.subledger.kernel.usage.UsageRecorded;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Records a mediation batch of many subscriptions (one partition's, {@link MediationBatches}) in one unit of work:
 * one transaction, one append of every event, one commit. A batch spread over 10,000 subscriptions touches about 950
 * of them per 1,000 records, and as one command per subscription each paid a transaction, a commit and the command's
 * dispatch for a single record.
 *
 * <p>Batches take turns (see {@link #turns}). Subscriptions are loaded in the order of their ids, and their locks are
 * held until the batch commits; no other command locks more than one subscription, so nothing deadlocks. A
 * subscription refused as a whole (unknown, not effective, out of the caller's scope) is refused before it decides
 * anything; a technical failure fails the whole batch, and the gateway's retry of a lost race retries all of it.
 *
 * <p>The batch's record ids are claimed last, once every subscription decided ({@link BatchRecordIds}): the records
 * of the batch event as billing's rows, which are their claims, and those put on streams in one statement. A batch
 * takes its records for new unless told to look their ids up first ({@link RecordMediationBatch#lookUpFirst}); a
 * claim found taken then fails it whole ({@link BatchRecordsNotNew}), and its sender sends it again looking up first.
 * A batch that looked up first and still finds a claim taken lost a race with a concurrent command, which committed
 * first: a {@code ConcurrencyException}, retried by the gateway, and the retry's look-up finds those records.
 *
 * <p>The records of the subscriptions whose usage is not paid from the wallet
 * ({@link SubscriptionUsage#recordedInBatch}) are the batch's one {@link UsageBatchRecorded} event, published without
 * an aggregate, and rows of {@link UnbilledBatchUsage} for billing, both in the batch's transaction; the others'
 * records are {@code UsageRecorded} events on their streams, as always. While an event charge rule charges for
 * recording usage (its saga follows each subscription's stream), every record goes on its stream (issue 17).
 */
@Component
class MediationBatchHandler {

    /** One subscription's outcome: what it recorded, or why it was refused as a whole. */
    record SubscriptionOutcome(String subscriptionId, List<UsageRecord> records, SubscriptionUsage.Outcome recorded,
                               RefusalDetails refusal) {
    }

    /**
     * Batches take turns, first come first served, one turn per partition of the subscriptions
     * ({@link MediationBatches}), and wait for their turn holding no subscription: batches taking their
     * subscriptions' locks side by side queued behind one another at those locks while holding their own (4 clients
     * over 2,000 subscriptions: 73 s of lock waits in 30 s, chains of waits past Axon's 60 s lock timeout, and a 500).
     * Batches of one partition share its subscriptions anyway (a batch of 1,000 touches most of them); batches of two
     * partitions share none, so they run side by side. A batch takes the turn of its first subscription's partition
     * ({@link MediationBatches} sends each partition's subscriptions alone). One node's batches; batches of several
     * nodes meet at the event store's keys, where the loser's retry decides anew, and at the record-id table's, where
     * the later claim waits for the earlier batch to commit and then finds its records duplicates.
     */
    private final ReentrantLock[] turns;
    private final MediationBatches partitions;
    private final Repository<Subscription> subscriptions;
    private final EventBus eventBus;

    MediationBatchHandler(@Lazy @Qualifier("subscriptionRepository") Repository<Subscription> subscriptions,
                          MediationBatches partitions, @Lazy EventBus eventBus) {
        this.subscriptions = subscriptions;
        this.eventBus = eventBus;
        this.partitions = partitions;
        this.turns = new ReentrantLock[partitions.partitions()];
        for (int partition = 0; partition < turns.length; partition++) {
            turns[partition] = new ReentrantLock(true);
        }
    }

    /** The outcomes in the order each subscription first appears in the batch. */
    @CommandHandler
    List<SubscriptionOutcome> handle(RecordMediationBatch command, MetaData metaData, SubscriptionLookup lookup,
                                     UsageRecordIds recordIds, UsageDueDates dueDates, PrepaidWallets wallets,
                                     UnbilledBatchUsage batchUsage, EventChargeRuleBook chargeRules, Clock clock) {
        takeTurn(command.subscriptions().isEmpty() ? turns[0]
                : turns[partitions.partitionOf(command.subscriptions().get(0).subscriptionId())]);
        Map<String, List<UsageRecord>> inOrder = new LinkedHashMap<>();
        command.subscriptions().forEach(part -> inOrder.computeIfAbsent(part.subscriptionId(),
                id -> new ArrayList<>()).addAll(part.records()));
        Map<String, SubscriptionOutcome> outcomes = new HashMap<>();
        // every subscription locked first, in id order: from here on nobody else records on them, so the record ids
        // looked up once below stay true until the batch commits
        Map<String, Aggregate<Subscription>> loaded = new TreeMap<>();
        new TreeMap<>(inOrder).forEach((subscriptionId, records) -> {
            try {
                loaded.put(subscriptionId, subscriptions.load(subscriptionId));
            } catch (AggregateNotFoundException | IncompatibleAggregateException unknown) {
                outcomes.put(subscriptionId, new SubscriptionOutcome(subscriptionId, records, null,
                        notASubscription(subscriptionId)));
            }
        });
        Map<String, List<UsageRecord>> known = new HashMap<>();
        loaded.keySet().forEach(subscriptionId -> known.put(subscriptionId, inOrder.get(subscriptionId)));
        var batchIds = new BatchRecordIds(recordIds, known, command.lookUpFirst());
        AccessScope scope = CommandScopes.of(metaData);
        LocalDate today = LocalDate.now(clock);
        var catalog = new BatchLookup(lookup); // catalog entries read once per batch, not once per subscription
        // what earlier batches left unbilled is read for the subscriptions billed early only: the others' unbilled
        // rows grow until their bill run, and reading them with every batch cost more with every batch
        UsageBatch batch = chargeRules.mayCharge(BehaviourCode.RECORD_USAGE) ? null
                : new UsageBatch(batchUsage, loaded.entrySet().stream()
                        .filter(entry -> entry.getValue().invoke(loadedSubscription ->
                                loadedSubscription.billsUsageEarly(catalog)))
                        .map(Map.Entry::getKey).toList());
        loaded.forEach((subscriptionId, subscription) -> outcomes.put(subscriptionId, record(subscription,
                new RecordUsageBatch(subscriptionId, inOrder.get(subscriptionId)), scope, catalog, batchIds, dueDates,
                wallets, today, batch)));
        try {
            batchIds.claimStreamed(batch == null ? Set.of() : batch.records().stream()
                    .map(UsageRecorded::subscriptionId).collect(Collectors.toSet()));
            if (batch != null && !batch.records().isEmpty()) {
                EventMessage<UsageBatchRecorded> event = GenericEventMessage.<UsageBatchRecorded>asEventMessage(
                        new UsageBatchRecorded(UUID.randomUUID().toString(), List.copyOf(batch.records())))
                        .andMetaData(metaData)
                        .andMetaData(Map.of(LedgerMetadata.USAGE_RECORDS, batch.records().size()));
                batchUsage.add(batch.records(), event.getIdentifier());
                eventBus.publish(event);
                // each subscription's ask for its usage bill (asked only with records in the batch), an event of its
                // own after the batch's, on no stream
                batch.billingDue().forEach(due -> eventBus.publish(GenericEventMessage.asEventMessage(due)
                        .andMetaData(metaData)));
            }
        } catch (RecordIdsTaken taken) {
            if (command.lookUpFirst()) {
                throw new ConcurrencyException("A concurrent command recorded some of the batch's records first",
                        taken);
            }
            throw new BatchRecordsNotNew(taken);
        }
        return inOrder.keySet().stream().map(outcomes::get).toList();
    }

    /** The turn ends with the unit of work, after its commit or rollback released the subscriptions' locks. */
    private static void takeTurn(ReentrantLock turns) {
        try {
            turns.lockInterruptibly();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the turn of a mediation batch",
                    interrupted);
        }
        CurrentUnitOfWork.get().onCleanup(unitOfWork -> turns.unlock());
    }

    private static SubscriptionOutcome record(Aggregate<Subscription> subscription, RecordUsageBatch part,
                                              AccessScope scope, SubscriptionLookup lookup, UsageRecordIds recordIds,
                                              UsageDueDates dueDates, PrepaidWallets wallets, LocalDate today,
                                              UsageBatch batch) {
        String id = part.subscriptionId();
        try {
            var recorded = subscription.invoke(loaded -> loaded.recordInBatch(part, scope, lookup, recordIds,
                    dueDates, wallets, today, batch));
            return new SubscriptionOutcome(id, part.records(), recorded, null);
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
     * The batch's record ids: looked up once for all its subscriptions before any decides when the batch looks up
     * first (one statement a batch), else taken for new; claimed once all decided. The records put on subscriptions'
     * streams are claimed in one statement ({@link #claimStreamed}), the batch event's by billing's rows
     * ({@link UnbilledBatchUsage#add}); either finding a claim taken fails the batch ({@link RecordIdsTaken}). A
     * record refused (by a rate, the wallet, or with its subscription as a whole) is never claimed, so the same record
     * sent again is new.
     */
    private static final class BatchRecordIds implements UsageRecordIds {

        private final UsageRecordIds table;
        private final Map<String, Set<String>> recordedBefore;
        private final Map<String, Set<String>> recorded = new HashMap<>();

        BatchRecordIds(UsageRecordIds table, Map<String, List<UsageRecord>> batch, boolean lookUp) {
            this.table = table;
            Map<String, Set<String>> asked = new HashMap<>();
            if (lookUp) {
                batch.forEach((subscriptionId, records) -> asked.put(subscriptionId,
                        records.stream().map(UsageRecord::recordId).filter(Objects::nonNull)
                                .collect(Collectors.toSet())));
            }
            this.recordedBefore = asked.isEmpty() ? Map.of() : table.recorded(asked);
        }

        /** The ids the look-up found recorded (none when the batch takes its records for new). */
        @Override
        public Set<String> recorded(String subscriptionId, Collection<String> recordIds) {
            Set<String> before = recordedBefore.getOrDefault(subscriptionId, Set.of());
            return before.isEmpty() ? Set.of()
                    : recordIds.stream().filter(before::contains).collect(Collectors.toSet());
        }

        /** The subscription records these: they are claimed when every subscription decided. */
        @Override
        public Set<String> claim(String subscriptionId, Collection<String> recordIds) {
            recorded.computeIfAbsent(subscriptionId, id -> new HashSet<>()).addAll(recordIds);
            return Set.copyOf(recordIds);
        }

        /**
         * Claims the ids of the records put on streams: those of the subscriptions not in the batch event
         * ({@code inBatchEvent}, whose rows claim theirs).
         */
        void claimStreamed(Set<String> inBatchEvent) {
            Map<String, Set<String>> streamed = new HashMap<>();
            recorded.forEach((subscriptionId, ids) -> {
                if (!ids.isEmpty() && !inBatchEvent.contains(subscriptionId)) {
                    streamed.put(subscriptionId, ids);
                }
            });
            if (streamed.isEmpty()) {
                return;
            }
            Map<String, Set<String>> claimed = table.claim(streamed);
            streamed.forEach((subscriptionId, ids) -> {
                if (!claimed.getOrDefault(subscriptionId, Set.of()).containsAll(ids)) {
                    throw new RecordIdsTaken("A usage record of subscription " + subscriptionId
                            + " was recorded already", null);
                }
            });
        }
    }

    static RefusalDetails notASubscription(String subscriptionId) {
        return new RefusalDetails(ErrorCode.SUBSCRIPTION_NOT_FOUND, "No subscription " + subscriptionId,
                Map.of("subscriptionId", "is not a subscription"));
    }
}
