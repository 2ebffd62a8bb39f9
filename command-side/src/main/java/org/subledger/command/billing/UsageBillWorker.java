package org.subledger.command.billing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.subledger.kernel.billing.BillKind;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bills the asks for usage bills ({@link UsageBillAsks}) many at a time: one thread a node takes the oldest asks that
 * may be tried, at most {@code ledger.usage-bills.group-size}, and bills their subscriptions (each once, however many
 * asks it has) in one {@link BillWriter} transaction — one read of their streams, one numbering, one append — that
 * also deletes the asks. Each subscription's events carry the audit metadata of its oldest ask (its principal,
 * correlation, and the ask as their cause). An ask billed meanwhile, or no longer due, issues nothing and is done.
 * <p>
 * Failures never stop the others: a business refusal is recorded by the writer and the ask is done; a subscription
 * whose bill fails on a defect has its asks tried again later, alone, after a pause that doubles; a group that fails
 * as a whole (a defect outside one subscription's calculation) is billed again one subscription at a time, so the one
 * at fault is found. After {@code ledger.usage-bills.attempts} failed attempts an ask is dead-lettered in the
 * usage-billing group (its sequence: the account, as the processor sequences it), where operators see it and retry
 * it: the retry records the ask again.
 * <p>
 * Several nodes each run a worker; two taking the same ask bill its subscription once (the bill is appended at the
 * sequence numbers that follow what was read), the second finding nothing due.
 */
@Component
class UsageBillWorker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(UsageBillWorker.class);

    private final UsageBillAsks asks;
    private final BillWriter writer;
    private final BillingCatalogs catalogs;
    private final EventStreams streams;
    private final EventProcessingConfiguration processing;
    private final TransactionTemplate transactions;
    private final UsageBillProperties properties;
    private final Clock clock;
    private final Object signal = new Object();
    private boolean woken;
    private volatile Thread thread;

    UsageBillWorker(UsageBillAsks asks, BillWriter writer, BillingCatalogs catalogs, EventStreams streams,
                    @Lazy EventProcessingConfiguration processing, TransactionTemplate transactions,
                    UsageBillProperties properties, Clock clock) {
        this.asks = asks;
        this.writer = writer;
        this.catalogs = catalogs;
        this.streams = streams;
        this.processing = processing;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Asks were recorded: look for them now rather than at the next poll. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            int taken;
            try {
                taken = billDue();
            } catch (RuntimeException failure) { // the database gone, say: the asks wait, the next poll tries again
                LOG.warn("Usage bills not issued this time round: {}", String.valueOf(failure), failure);
                taken = 0;
            }
            if (taken < properties.groupSize() && !await()) {
                return;
            }
        }
    }

    /** Waits for a wake-up or the poll interval; {@code false} once interrupted. */
    private boolean await() {
        synchronized (signal) {
            try {
                if (!woken) {
                    signal.wait(properties.pollInterval().toMillis());
                }
                woken = false;
                return true;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Bills the asks due now, at most a group of them; answers how many were taken. */
    int billDue() {
        List<UsageBillAsks.Ask> due = asks.due(properties.groupSize());
        // a subscription with an ask that failed before is billed alone, its fresh asks with it: its defect fails
        // no group
        Map<String, List<UsageBillAsks.Ask>> alone = new LinkedHashMap<>();
        for (UsageBillAsks.Ask ask : due) {
            if (ask.attempts() >= properties.attempts()) {
                deadLetter(ask);
            } else if (ask.attempts() > 0) {
                alone.computeIfAbsent(ask.subscriptionId(), id -> new ArrayList<>()).add(ask);
            }
        }
        List<UsageBillAsks.Ask> fresh = new ArrayList<>();
        for (UsageBillAsks.Ask ask : due) {
            if (ask.attempts() == 0) {
                List<UsageBillAsks.Ask> withFailed = alone.get(ask.subscriptionId());
                (withFailed != null ? withFailed : fresh).add(ask);
            }
        }
        alone.values().forEach(this::bill);
        if (!fresh.isEmpty()) {
            bill(fresh);
        }
        return due.size();
    }

    /**
     * Bills the asks' subscriptions in one transaction; the one a defect stops, or every subscription alone when the
     * transaction fails as a whole, tried again later.
     */
    private void bill(List<UsageBillAsks.Ask> group) {
        Map<String, List<UsageBillAsks.Ask>> bySubscription = bySubscription(group);
        List<BillWriter.Candidate> candidates = candidates(bySubscription);
        try {
            writer.bill(candidates, LocalDate.now(clock), BillKind.USAGE, null, catalogs.forUsageBill(),
                    subscriptionId -> bySubscription.get(subscriptionId).get(0).metaData(), outcome -> {
                        Set<String> stopped = new HashSet<>();
                        outcome.technicalFailures().forEach(failure -> {
                            stopped.add(failure.candidate().subscriptionId());
                            bySubscription.get(failure.candidate().subscriptionId()).forEach(ask -> retryLater(
                                    ask, failure.error() + ": " + failure.message()));
                        });
                        asks.done(group.stream().filter(ask -> !stopped.contains(ask.subscriptionId()))
                                .map(UsageBillAsks.Ask::askId).toList());
                    });
        } catch (RuntimeException failure) {
            if (bySubscription.size() > 1) {
                LOG.warn("{} usage bills failed together ({}): billing them one at a time", candidates.size(),
                        String.valueOf(failure));
                bySubscription.values().forEach(this::bill);
            } else {
                LOG.error("Usage bill of subscription {} failed", candidates.get(0).subscriptionId(), failure);
                group.forEach(ask -> retryLater(ask, failure.getClass().getName() + ": " + failure.getMessage()));
            }
        }
    }

    /** The asks by subscription, each subscription's oldest first. */
    static Map<String, List<UsageBillAsks.Ask>> bySubscription(List<UsageBillAsks.Ask> asks) {
        Map<String, List<UsageBillAsks.Ask>> bySubscription = new LinkedHashMap<>();
        asks.stream().sorted(Comparator.comparingLong(UsageBillAsks.Ask::askId)).forEach(ask ->
                bySubscription.computeIfAbsent(ask.subscriptionId(), id -> new ArrayList<>()).add(ask));
        return bySubscription;
    }

    /** A subscription once, however many asks it has, ordered by account (as the writer takes a group). */
    static List<BillWriter.Candidate> candidates(Map<String, List<UsageBillAsks.Ask>> bySubscription) {
        return bySubscription.values().stream()
                .map(asks -> new BillWriter.Candidate(asks.get(0).accountId(), asks.get(0).subscriptionId()))
                .sorted(Comparator.comparing(BillWriter.Candidate::accountId)
                        .thenComparing(BillWriter.Candidate::subscriptionId))
                .toList();
    }

    /**
     * Moves an ask that failed every attempt to the usage-billing group's dead letters, with its event as the
     * processor handed it over and its last defect as the cause.
     */
    private void deadLetter(UsageBillAsks.Ask ask) {
        try {
            moveToDeadLetters(ask);
        } catch (RuntimeException failure) { // tried again after a pause; the other asks go on
            LOG.error("Usage bill ask {} of subscription {} could not be dead-lettered", ask.askId(),
                    ask.subscriptionId(), failure);
            retryLater(ask, ask.lastError());
        }
    }

    /** Counts a failed attempt at the ask and puts it off by the pause that attempt earns. */
    private void retryLater(UsageBillAsks.Ask ask, String error) {
        asks.failed(ask.askId(), error, properties.pauseAfter(ask.attempts() + 1));
    }

    private void moveToDeadLetters(UsageBillAsks.Ask ask) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(UsageBilling.GROUP)
                .orElseThrow(() -> new IllegalStateException("no dead-letter queue for " + UsageBilling.GROUP));
        EventMessage<?> message = streams.event(ask.eventId())
                .orElseThrow(() -> new IllegalStateException("no event " + ask.eventId() + " asked for a usage bill"));
        transactions.executeWithoutResult(status -> {
            queue.enqueue(ask.accountId(), new GenericDeadLetter<>(ask.accountId(), message,
                    new IllegalStateException("usage bill failed " + ask.attempts() + " times: " + ask.lastError())));
            asks.done(List.of(ask.askId()));
        });
        LOG.error("Usage bill of subscription {} failed {} times: dead-lettered in {} ({})", ask.subscriptionId(),
                ask.attempts(), UsageBilling.GROUP, ask.lastError());
    }

    @Override
    public synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::work, "usage-bills");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(10_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
