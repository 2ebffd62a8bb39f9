package org.subledger.command.billing;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.subledger.command.usage.UnbilledBatchUsage;
import org.subledger.kernel.account.ReceivableAllocated;
import org.subledger.kernel.account.Receivables;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillPosted;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.billing.SubscriptionBillingFailed;
import org.subledger.kernel.catalog.BillPer;
import org.subledger.kernel.discount.DiscountApplication;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.UsageTally;
import org.subledger.kernel.usage.UsageRecorded;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Issues bills for a group of subscriptions in one transaction: reads their streams and their accounts' streams in
 * one query (a usage bill only what came after the folds it keeps, {@link StreamFolds}), lets the
 * {@link BillCalculator} decide, puts an account's RUN drafts on one bill where its schemes bill per account
 * ({@link AccountBills}), takes gapless bill numbers, and appends every event of the group in one batch:
 * per subscription billed a {@code SubscriptionBilled} on its stream (its billing position, naming the bill it is on,
 * with the discount applications of its part of the bill inside it); per bill a
 * {@code BillIssued} (the bill's own stream) and a {@code BillPosted} (the account's balance, with a
 * {@code ReceivableAllocated} per open item its money settles: unallocated money settles the bill, a negative bill
 * older bills). Exactly once: the events are appended at the sequence numbers that follow what was read, so a
 * concurrent change of any of these aggregates makes the whole group fail and be retried from a fresh read; and a
 * subscription's billing position moves in the same transaction as its bill, so billing it again for the same date
 * finds nothing due. A subscription's unbilled batch-recorded usage ({@link UnbilledBatchUsage}) is read with the
 * streams and leaves in the same transaction as the bill that includes it; a record another bill took first fails the
 * group as a lost race.
 */
@Component
class BillWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BillWriter.class);
    private static final ThreadLocal<Phases> PHASES = new ThreadLocal<>();
    static final String SUBSCRIPTION = "Subscription";
    static final String ACCOUNT = "Account";
    static final String BILL = "Bill";
    /**
     * Tries of one bill that keeps losing races, and the longest pause between two: 2.6-5.3 s of pauses in all. Six
     * tries 10-50 ms apart (150 ms) were not enough on a saturated machine, where a bill's own transaction takes
     * longer than that and the usage commands on its subscriptions keep appending meanwhile: the bill was
     * dead-lettered (ConcurrentUsageBillsIT at load 25-50).
     */
    static final int ATTEMPTS = 12;
    static final long MAX_PAUSE_MILLIS = 1_000;
    private static final SubscriptionAction BILLING = new SubscriptionAction(BehaviourCode.BILL, null, null, null);

    private final EventStreams streams;
    private final StreamFolds folds;
    private final EventStorageEngine storageEngine;
    private final TransactionTemplate transactions;
    private final BillNumbers numbers;
    private final BillingIndex index;
    private final Cache accountCache;
    private final BillingRules rules;
    private final UnbilledBatchUsage batchUsage;

    BillWriter(EventStreams streams, StreamFolds folds, @Lazy EventStorageEngine storageEngine,
               TransactionTemplate transactions, BillNumbers numbers, BillingIndex index,
               @Qualifier("accountCache") Cache accountCache, BillingProperties properties,
               UnbilledBatchUsage batchUsage) {
        this.streams = streams;
        this.folds = folds;
        this.batchUsage = batchUsage;
        this.storageEngine = storageEngine;
        this.transactions = transactions;
        this.numbers = numbers;
        this.index = index;
        this.accountCache = accountCache;
        this.rules = new BillingRules(properties.paymentTermDays());
    }

    /** A subscription to bill, with its account (a group's subscriptions come ordered by account). */
    record Candidate(String accountId, String subscriptionId) {
    }

    /**
     * What billing a group did; {@code billIds} of the bills issued; {@code failed} the business refusals (recorded
     * as {@code SubscriptionBillingFailed}, once), {@code technicalFailures} the subscriptions a defect stopped.
     */
    record Outcome(int billed, int skipped, int failed, List<String> billIds,
                   List<TechnicalFailure> technicalFailures) {
    }

    /** A subscription that could not be billed because of a defect (an exception that is no business refusal). */
    record TechnicalFailure(Candidate candidate, RuntimeException cause) {

        String error() {
            return cause.getClass().getName();
        }

        String message() {
            return String.valueOf(cause.getMessage());
        }
    }

    /**
     * Bills the candidates on {@code billingDate} in one transaction, retried as a whole when another transaction
     * changed one of the aggregates meanwhile. {@code inTransaction} runs inside the transaction, before the bill
     * numbers are taken (a bill run's checkpoint moves with its bills).
     */
    Outcome bill(List<Candidate> candidates, LocalDate billingDate, BillKind kind, String runId,
                 BillingCatalog catalog, MetaData metaData, Consumer<Outcome> inTransaction) {
        return bill(candidates, billingDate, kind, runId, catalog, subscriptionId -> metaData, inTransaction);
    }

    /**
     * As {@link #bill(List, LocalDate, BillKind, String, BillingCatalog, MetaData, Consumer)}, each subscription's
     * events (its bill's included) with the audit metadata of what asked for its bill: usage bills asked for by
     * several events, billed together.
     */
    Outcome bill(List<Candidate> candidates, LocalDate billingDate, BillKind kind, String runId,
                 BillingCatalog catalog, Function<String, MetaData> metaData, Consumer<Outcome> inTransaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                Set<String> touchedAccounts = new LinkedHashSet<>();
                long start = System.nanoTime();
                Outcome outcome = transactions.execute(status -> billOnce(candidates, billingDate, kind, runId,
                        catalog, metaData, touchedAccounts, inTransaction));
                touchedAccounts.forEach(accountCache::remove);
                Phases phases = PHASES.get();
                PHASES.remove();
                if (LOG.isDebugEnabled() && phases != null) {
                    LOG.debug("{} subscriptions in {} ms: {}, commit {} ms", candidates.size(),
                            (System.nanoTime() - start) / 1_000_000, phases,
                            (System.nanoTime() - phases.end) / 1_000_000);
                }
                return outcome;
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS || !lostARace(failure)) {
                    throw failure;
                }
                pause(attempt);
            }
        }
    }

    private Outcome billOnce(List<Candidate> candidates, LocalDate billingDate, BillKind kind, String runId,
                             BillingCatalog catalog, Function<String, MetaData> metaData, Set<String> touchedAccounts,
                             Consumer<Outcome> inTransaction) {
        Phases phases = new Phases();
        PHASES.set(phases);
        // a usage bill's subscription and account are billed again and again: their folds are kept between bills
        StreamFolds.Folds read = folds.read(candidates.stream().map(Candidate::subscriptionId).toList(),
                candidates.stream().map(Candidate::accountId).toList(), kind == BillKind.USAGE);
        Map<String, List<UsageRecorded>> unbilledInBatches = batchUsage.unbilled(
                candidates.stream().map(Candidate::subscriptionId).toList());
        phases.lap("read");
        Map<String, BillingAccount> accounts = new HashMap<>();
        List<EventMessage<?>> events = new ArrayList<>();
        List<BillingIndex.NextDate> nextDates = new ArrayList<>();
        List<Issued> drafts = new ArrayList<>();
        int skipped = 0;
        int failed = 0;
        List<TechnicalFailure> technical = new ArrayList<>();
        for (Candidate candidate : candidates) {
            StreamFolds.Subscription subscription = read.subscriptions().get(candidate.subscriptionId());
            if (subscription == null) {
                skipped++;
                continue;
            }
            long sequence = subscription.lastSequence();
            BillingState state = null;
            try {
                // inside: a defect in what a subscription's state is folded from stops that subscription alone
                state = BillingState.of(subscription.state(),
                        unbilledInBatches.getOrDefault(candidate.subscriptionId(), List.of()));
                BillingAccount account = accounts.computeIfAbsent(state.accountId(), accountId -> {
                    StreamFolds.Account folded = read.accounts().get(accountId);
                    return folded == null ? null : folded.billingAccount();
                });
                if (account == null) {
                    throw new LedgerRefusal(ErrorCode.ACCOUNT_NOT_FOUND, "No account " + state.accountId());
                }
                if (account.closed()) {
                    throw new LedgerRefusal(ErrorCode.ACCOUNT_CLOSED, "Account " + account.accountId() + " is closed");
                }
                if (kind == BillKind.USAGE && !usageBillingDue(state, catalog)) {
                    skipped++; // billed meanwhile (an earlier ask's usage bill took it), or no longer due
                    continue;
                }
                var draft = BillCalculator.bill(state, account, catalog, billingDate, kind, rules);
                if (draft.isEmpty()) {
                    skipped++;
                    nextDates.add(new BillingIndex.NextDate(candidate.subscriptionId(),
                            BillCalculator.nextBillingDate(state, catalog)));
                } else {
                    drafts.add(new Issued(draft.get(), state, sequence));
                }
            } catch (LedgerRefusal refusal) {
                failed++;
                if (BillingFailures.worthRecording(subscription.lastPayload(), refusal)) {
                    events.add(event(SUBSCRIPTION, candidate.subscriptionId(), sequence + 1,
                            new SubscriptionBillingFailed(candidate.subscriptionId(),
                                    state != null ? state.accountId() : candidate.accountId(), runId,
                                    billingDate, refusal.code().name(), refusal.getMessage(), BILLING),
                            metaData.apply(candidate.subscriptionId())));
                }
            } catch (RuntimeException defect) {
                // a defect of the ledger, not a fact about the subscription: no event, its billing date stays where
                // it is (the next run tries again), and the run keeps it for operators (a usage bill rethrows it,
                // so its processor retries it and then dead-letters it)
                LOG.error("Billing subscription {} failed on a defect", candidate.subscriptionId(), defect);
                technical.add(new TechnicalFailure(candidate, defect));
            }
        }
        phases.lap("calculate");
        // everything a bill number does not change comes before the numbers are taken: from then until the commit
        // the year's series row stays locked, and every other worker issuing bills waits for it
        Map<String, Issued> bySubscription = new HashMap<>();
        drafts.forEach(issued -> bySubscription.put(issued.draft().subscriptionId(), issued));
        List<AccountBills.Bill> bills = AccountBills.of(drafts.stream().map(Issued::draft).toList(),
                draft -> perAccount(bySubscription.get(draft.subscriptionId()).state(), catalog, kind));
        Map<String, List<String>> billedFromBatches = new HashMap<>();
        drafts.forEach(issued -> {
            List<UsageRecorded> unbilled = unbilledInBatches.get(issued.draft().subscriptionId());
            if (unbilled != null) {
                Set<String> included = new HashSet<>(issued.draft().usageRecordIds());
                List<String> billed = unbilled.stream().map(UsageRecorded::recordId).filter(included::contains)
                        .toList();
                if (!billed.isEmpty()) {
                    billedFromBatches.put(issued.draft().subscriptionId(), billed);
                }
            }
        });
        List<Numbered> numbered = new ArrayList<>(bills.size());
        List<String> billIds = new ArrayList<>(bills.size());
        List<WalletSettlements.Bill> prepaid = new ArrayList<>();
        for (AccountBills.Bill bill : bills) {
            Issued first = bySubscription.get(bill.first().subscriptionId());
            String billId = billId(first.draft().subscriptionId(), kind, first.sequence() + 1);
            BillingAccount account = accounts.get(bill.accountId());
            BillingAccount.Billed billed = account.billed(billId, bill.dueDate(), bill.total());
            numbered.add(new Numbered(bill, billId, account, billed.allocations()));
            if (bill.drafts().size() == 1) { // a bill settled from the wallet is never put with others
                var settlement = WalletSettlements.of(first.state(), catalog, kind, bill.total());
                if (settlement != null) {
                    prepaid.add(new WalletSettlements.Bill(billId, bill.accountId(), first.draft().subscriptionId(),
                            bill.total(), settlement));
                }
            }
            accounts.put(account.accountId(), billed.after());
            touchedAccounts.add(account.accountId());
            for (int i = 0; i < bill.drafts().size(); i++) {
                BillDraft draft = bill.drafts().get(i);
                BillingState state = bySubscription.get(draft.subscriptionId()).state();
                // the position after this bill, folded as the SubscriptionBilled below records it (its bill number
                // aside, which the fold does not look at)
                state.apply(subscriptionBilled(draft, billId, null, runId, bill.discounts(i)));
                nextDates.add(new BillingIndex.NextDate(draft.subscriptionId(),
                        BillCalculator.nextBillingDate(state, catalog)));
            }
            billIds.add(billId);
        }
        // before the numbers too: one read of the prepaid bills' wallets, none for a segment without them
        List<EventMessage<?>> walletEvents = WalletSettlements.settle(prepaid, streams, metaData);
        phases.lap("wallets");
        Outcome outcome = new Outcome(drafts.size(), skipped, failed, billIds, technical);
        inTransaction.accept(outcome);
        phases.lap("checkpoint");
        List<String> billNumbers = numbers.take(billingDate.getYear(), numbered.size());
        phases.lap("number");
        for (int n = 0; n < numbered.size(); n++) {
            Numbered issued = numbered.get(n);
            AccountBills.Bill bill = issued.bill();
            String billNumber = billNumbers.get(n);
            BillingAccount account = issued.account();
            for (int i = 0; i < bill.drafts().size(); i++) {
                BillDraft draft = bill.drafts().get(i);
                long sequence = bySubscription.get(draft.subscriptionId()).sequence() + 1;
                events.add(event(SUBSCRIPTION, draft.subscriptionId(), sequence,
                        subscriptionBilled(draft, issued.billId(), billNumber, runId, bill.discounts(i)),
                        metaData.apply(draft.subscriptionId())));
            }
            BillDraft first = bill.first();
            MetaData billMetaData = metaData.apply(first.subscriptionId());
            events.add(event(BILL, issued.billId(), 0, new BillIssued(issued.billId(), billNumber,
                    bill.accountId(), bill.subscriptionId(), runId, kind, first.billedOn(), bill.periodFrom(),
                    bill.periodTo(), bill.lines(), bill.total(), bill.taxTotal(), bill.dueDate(), bill.sections()),
                    billMetaData));
            events.add(event(ACCOUNT, account.accountId(), account.lastSequenceNumber() + 1,
                    new BillPosted(account.accountId(), "bill:" + issued.billId(), issued.billId(), billNumber,
                            bill.total(), bill.taxTotal(), "Bill " + billNumber + " (" + bill.periodFrom() + " to "
                            + bill.periodTo() + ")", account.balance().plus(bill.total()), bill.dueDate()),
                    billMetaData));
            allocationEvents(account, issued.billId(), issued.allocations(), billMetaData).forEach(events::add);
        }
        events.addAll(walletEvents); // after the bills they settle, so every reader meets the bill first
        phases.lap("events");
        if (!events.isEmpty()) {
            storageEngine.appendEvents(events);
        }
        // after the events, as a command's transaction does it (its events, then the index through the subscribing
        // processor): the other way round, a usage bill and a usage record for the same subscription each wait for
        // the other's lock, and PostgreSQL aborts one of them as a deadlock
        index.nextBillingDates(nextDates);
        batchUsage.billed(billedFromBatches);
        phases.lap("append+index");
        return outcome;
    }

    /** Where a segment's time goes (a debug log per segment, for profiling). */
    private static final class Phases {
        private final StringBuilder laps = new StringBuilder();
        private long end = System.nanoTime();

        void lap(String phase) {
            long now = System.nanoTime();
            laps.append(laps.isEmpty() ? "" : ", ").append(phase).append(' ').append((now - end) / 1_000_000)
                    .append(" ms");
            end = now;
        }

        @Override
        public String toString() {
            return laps.toString();
        }
    }

    /**
     * The subscription's record of the bill, with its section's discount applications ({@code discounts}, naming the
     * lines by their number on this bill) inside it: no event of their own (issue 12, the bill run's cost).
     */
    private static SubscriptionBilled subscriptionBilled(BillDraft draft, String billId, String billNumber,
                                                         String runId, List<DiscountApplied> discounts) {
        return new SubscriptionBilled(draft.subscriptionId(), draft.accountId(), billId, billNumber, runId,
                draft.billedOn(), draft.billedThrough(), draft.nextBillingDate(), draft.services(),
                draft.usageRecordIds(), draft.oneOffChargeIds(), BILLING,
                discounts.stream().map(DiscountApplication::of).toList(), draft.usageBilledByDay());
    }

    /**
     * A usage bill is issued only while the subscription's unbilled usage is due under its scheme, by the rule that
     * asked for it ({@link UsageTally#billingDue}): a mediation batch decides on the usage unbilled when it reads it,
     * and may ask again while the bill its earlier ask caused is being written (its asks are not on the stream, so
     * nothing makes the two conflict); the second ask then finds what is left under the threshold, or nothing, and
     * issues no bill.
     */
    static boolean usageBillingDue(BillingState state, BillingCatalog catalog) {
        if (state.billingTerms() == null) {
            return false;
        }
        Optional<UsageTally> unbilled = state.unbilledUsage().stream()
                .map(usage -> new UsageTally(1, usage.amount())).reduce(UsageTally::plus);
        return unbilled.isPresent() && catalog.billingTermScheme(state.billingTerms().billingTermSchemeCode())
                .flatMap(unbilled.get()::billingDue).isPresent();
    }

    /**
     * Whether the subscription's RUN bill goes on its account's bill: its scheme bills per account, and its bills are
     * not paid one by one from the wallet.
     */
    static boolean perAccount(BillingState state, BillingCatalog catalog, BillKind kind) {
        return kind == BillKind.RUN && state.billingTerms() != null
                && catalog.billingTermScheme(state.billingTerms().billingTermSchemeCode())
                .map(scheme -> scheme.billPer() == BillPer.ACCOUNT && !scheme.settledFromWallet()).orElse(false);
    }

    /**
     * A bill about to be numbered: its sections' drafts, its id, its account before it, and what the account's
     * unallocated money settles of it.
     */
    private record Numbered(AccountBills.Bill bill, String billId, BillingAccount account,
                            List<Receivables.Allocation> allocations) {
    }

    /**
     * The {@code ReceivableAllocated} events of a bill's posting, on the account's stream right after its
     * {@code BillPosted} ({@code account}: the account before the bill).
     */
    static List<EventMessage<?>> allocationEvents(BillingAccount account, String billId,
                                                  List<Receivables.Allocation> allocations, MetaData metaData) {
        List<EventMessage<?>> events = new ArrayList<>(allocations.size());
        long sequence = account.lastSequenceNumber() + 1;
        for (Receivables.Allocation allocation : allocations) {
            events.add(event(ACCOUNT, account.accountId(), ++sequence, new ReceivableAllocated(account.accountId(),
                    "bill:" + billId, allocation.itemId(), allocation.amount(), allocation.openAfter()), metaData));
        }
        return events;
    }

    private record Issued(BillDraft draft, BillingState state, long sequence) {
    }

    /** The same subscription history always gives the same bill id: a bill can never be issued twice. */
    static String billId(String subscriptionId, BillKind kind, long subscriptionSequence) {
        return UUID.nameUUIDFromBytes(("bill|" + subscriptionId + "|" + kind + "|" + subscriptionSequence)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static EventMessage<?> event(String type, String aggregateId, long sequence, Object payload,
                                         MetaData metaData) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData);
    }

    /**
     * Another transaction changed one of the aggregates first (a duplicate key on the event store), or PostgreSQL
     * chose this transaction to break a deadlock or a serialization conflict: worth another try from a fresh read.
     */
    static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof DuplicateKeyException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && ("40P01".equals(sql.getSQLState())
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** 10 ms after the first try, doubling up to {@link #MAX_PAUSE_MILLIS}, with jitter so two losers part ways. */
    static long pauseMillis(int attempt, double jitter) {
        long base = Math.min(MAX_PAUSE_MILLIS, 10L << Math.min(attempt - 1, 20));
        return base / 2 + (long) (base / 2 * jitter);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(pauseMillis(attempt, ThreadLocalRandom.current().nextDouble()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a bill", interrupted);
        }
    }
}
