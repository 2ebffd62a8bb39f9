package org.subledger.command.collections;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.subledger.kernel.collections.CollectionRunRequested;
import org.subledger.kernel.collections.CollectionRunStarted;
import org.subledger.kernel.collections.CollectionRunState;
import org.subledger.kernel.collections.CompleteCollectionRun;
import org.subledger.kernel.collections.RecordCollectionRunBatch;
import org.subledger.kernel.collections.RecordCollectionRunCandidates;
import org.subledger.kernel.collections.RunKind;
import org.subledger.kernel.collections.RunOutcome;
import org.subledger.kernel.collections.StartCollectionRun;
import org.subledger.kernel.collections.query.CollectionCandidateList;
import org.subledger.kernel.collections.query.ListCollectionCandidates;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Executes deactivation and reactivation runs, the way bill runs are: a run asked for is started, registered, then
 * executed by whichever node holds its lease. Its candidates are selected once and frozen in its events; each batch
 * acts on its subscriptions through their own commands and records its outcome as one event, so a business refusal
 * is recorded and the run goes on. A node stopped mid-batch leaves the batch unrecorded: the node that resumes it
 * (at start-up, or when the lease ran out) does the batch again, and {@link SubscriptionActions} recognises the
 * subscriptions already acted on, so none is acted on twice. The pause between batches is a time in the run's row,
 * not a sleeping thread, so a pause of a day survives a restart.
 */
@Component
@ProcessingGroup("collection-runs")
class CollectionRunExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(CollectionRunExecutor.class);
    private static final int RENEW_EVERY = 100;

    private final CollectionRunStore store;
    private final CollectionRunReader reader;
    private final SubscriptionActions actions;
    private final ScheduledActionSteps scheduledActions;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final CollectionsProperties properties;
    private final String node;
    // one run at a time per node: runs are throttled by their batch size and pause, not by parallelism
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "collection-run");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService acting;

    CollectionRunExecutor(CollectionRunStore store, CollectionRunReader reader, SubscriptionActions actions,
                          ScheduledActionSteps scheduledActions, @Lazy CommandGateway commands, @Lazy QueryGateway queries, Clock clock,
                          CollectionsProperties properties) {
        this.store = store;
        this.reader = reader;
        this.actions = actions;
        this.scheduledActions = scheduledActions;
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.properties = properties;
        this.node = properties.nodeName() + "/" + UUID.randomUUID();
        this.acting = Executors.newFixedThreadPool(properties.parallelism(), runnable -> {
            Thread thread = new Thread(runnable, "collection-run-act");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The definition's settings of the moment go with the run; a trigger delivered twice starts it once. */
    @EventHandler
    void on(CollectionRunRequested requested) {
        commands.sendAndWait(new StartCollectionRun(requested.runId(), requested.definitionId(),
                requested.settings(), requested.asOf()));
    }

    @EventHandler
    void on(CollectionRunStarted started) {
        store.register(started.runId(), started.definitionId());
        // only once the registration is committed: looked for earlier, the run's row would not be there yet
        CurrentUnitOfWork.get().afterCommit(committed -> lookForWork());
    }

    /** Resumes unfinished runs at start-up, then looks for due batches periodically. */
    @EventListener(ApplicationReadyEvent.class)
    void startLookingForWork() {
        worker.scheduleWithFixedDelay(this::check, 0, properties.check().toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdownNow();
        acting.shutdownNow();
        // a batch in flight is abandoned unrecorded; the lease is given up so another node may resume it at once
        if (worker.awaitTermination(30, TimeUnit.SECONDS)) {
            store.releaseAll(node);
        }
    }

    private void lookForWork() {
        if (!worker.isShutdown()) {
            worker.execute(this::check);
        }
    }

    private void check() {
        try {
            for (String runId : store.due()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (store.claim(runId, node, properties.leaseDuration())) {
                    execute(runId);
                }
            }
        } catch (RuntimeException failure) {
            LOG.warn("Looking for collection-run work failed; tried again in {}", properties.check(), failure);
        }
    }

    private void execute(String runId) {
        CollectionRunState run = reader.run(runId).orElse(null);
        if (run == null) {
            return;
        }
        if (!run.selected()) {
            var selection = select(run);
            commands.sendAndWait(new RecordCollectionRunCandidates(runId, selection));
            run = reader.run(runId).orElseThrow();
            LOG.info("Collection run {}: {} subscriptions in {} batches", runId, run.candidates().size(),
                    run.batches());
        }
        // only the first batch of an execution may have been acted on by a node that stopped before recording it
        boolean mayHaveActed = true;
        while (run.batchesDone() < run.batches()) {
            int batchNo = run.batchesDone();
            List<RunOutcome> outcomes = carryOut(run, batchNo, mayHaveActed);
            if (outcomes == null) {
                return; // stopping, or the lease lost: the batch stays unrecorded and is resumed
            }
            commands.sendAndWait(new RecordCollectionRunBatch(runId, batchNo, outcomes));
            mayHaveActed = false;
            run = reader.run(runId).orElseThrow();
            boolean more = run.batchesDone() < run.batches();
            var pause = run.settings().pause();
            if (!store.nextBatchAt(runId, node, clock.instant().plus(more ? pause : java.time.Duration.ZERO),
                    properties.leaseDuration())) {
                LOG.warn("Collection run {}: lease lost; its new owner goes on", runId);
                return;
            }
            if (more && !pause.isZero()) {
                store.release(runId, node);
                return; // the next batch is taken up when its time has come, by this node or another
            }
        }
        commands.sendAndWait(new CompleteCollectionRun(runId));
        store.finished(runId);
        LOG.info("Collection run {} completed: {} matched, {} acted, {} failed", runId, run.candidates().size(),
                run.acted(), run.failed());
    }

    private List<String> select(CollectionRunState run) {
        try {
            return queries.query(new ListCollectionCandidates(run.settings(), run.asOf(), clock.instant()),
                    CollectionCandidateList.class).get().subscriptionIds();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while selecting a run's candidates", interrupted);
        } catch (ExecutionException failed) {
            throw new IllegalStateException("selecting the candidates of run " + run.runId() + " failed",
                    failed.getCause());
        }
    }

    private List<RunOutcome> carryOut(CollectionRunState run, int batchNo, boolean mayHaveActed) {
        LocalDate today = LocalDate.now(clock);
        // a subscription's id, or a scheduled action's for a scheduled-actions run
        List<String> ids = run.batch(batchNo);
        List<RunOutcome> outcomes = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += RENEW_EVERY) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + RENEW_EVERY));
            List<RunOutcome> done = actOn(run, part, today, mayHaveActed);
            if (done == null) {
                return null;
            }
            outcomes.addAll(done);
            // a batch may take longer than the lease: renewed as it goes, so no other node takes the run over
            if (outcomes.size() < ids.size() && !store.renew(run.runId(), node, properties.leaseDuration())) {
                LOG.warn("Collection run {}: lease lost mid-batch; its new owner does the batch", run.runId());
                return null;
            }
        }
        return outcomes;
    }

    /**
     * The outcomes of acting on {@code ids}, in their order; null when stopping. The subscriptions of a deactivation
     * or reactivation are distinct aggregates, acted on {@code parallelism} at a time: each command mostly waits
     * for its commit, and one at a time a run of 20,000 took minutes. A scheduled-actions run carries its actions
     * out one after another: two of them may be for one subscription, in the order they were due.
     */
    private List<RunOutcome> actOn(CollectionRunState run, List<String> ids, LocalDate today, boolean mayHaveActed) {
        boolean oneAtATime = run.settings().kind() == RunKind.SCHEDULED_ACTIONS || properties.parallelism() == 1;
        List<RunOutcome> outcomes = new ArrayList<>(ids.size());
        if (oneAtATime) {
            for (String id : ids) {
                if (Thread.currentThread().isInterrupted()) {
                    return null;
                }
                RunOutcome outcome = act(run, id, today, mayHaveActed);
                if (Thread.currentThread().isInterrupted()) {
                    return null; // the outcome may be the interruption itself, not the subscription's answer
                }
                outcomes.add(outcome);
            }
            return outcomes;
        }
        List<Future<RunOutcome>> acting = ids.stream()
                .map(id -> this.acting.submit(() -> act(run, id, today, mayHaveActed))).toList();
        try {
            for (Future<RunOutcome> outcome : acting) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } catch (InterruptedException stopping) {
            acting.forEach(outcome -> outcome.cancel(true));
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException failed) {
            throw new IllegalStateException("acting for run " + run.runId() + " failed", failed.getCause());
        }
    }

    private RunOutcome act(CollectionRunState run, String id, LocalDate today, boolean mayHaveActed) {
        return run.settings().kind() == RunKind.SCHEDULED_ACTIONS
                ? scheduledActions.execute(run.runId(), id, mayHaveActed)
                : actions.act(run.runId(), run.settings().kind(), id, today, mayHaveActed);
    }
}
