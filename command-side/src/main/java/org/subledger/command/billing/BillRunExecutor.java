package org.subledger.command.billing;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillRunStarted;
import org.subledger.kernel.billing.CompleteBillRun;
import org.subledger.kernel.billing.RecordBillRunCandidates;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Executes bill runs, on any number of nodes. A started run freezes its candidates (the subscriptions due on its
 * billing date, from the {@link BillingIndex}, and the jobs left to it, {@link JobBillRunStep}), splits them into partitions by account and bills each partition in
 * segments, every segment one transaction with its checkpoint ({@link BillWriter}).
 * <p>
 * Every step has one owner at a time ({@link BillRunLeases}): selecting and completing a run take the run's lease,
 * billing a partition takes the partition's, renewed while the node works on it. Every node looks for work
 * periodically ({@code ledger.billing.lease-check}): a run not selected, a partition whose lease is free or ran out
 * (its node stopped or died), a run whose partitions are all done. So a run started on one node is shared with the
 * others, and a run abandoned by a dead node is finished by another one without any restart. The checkpoint only
 * moves for the partition's owner and from the position it read, so a segment is never billed twice and the counts
 * stay exact.
 */
@Component
@ProcessingGroup("bill-runs")
class BillRunExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(BillRunExecutor.class);

    private final BillRunStore store;
    private final BillRunLeases leases;
    private final BillWriter writer;
    private final JobBillRunStep jobs;
    private final BillingCatalogs catalogs;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final BillingProperties properties;
    // a new name on every start: a restarted node does not take its former self's leases for its own, it waits for
    // them to run out (or finds them given up, after an orderly stop)
    private final String node;
    private final Set<String> working = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(named("bill-run"));
    private final ExecutorService workers;

    BillRunExecutor(BillRunStore store, BillRunLeases leases, BillWriter writer, JobBillRunStep jobs,
                    BillingCatalogs catalogs, @Lazy CommandGateway commands, TransactionTemplate transactions,
                    BillingProperties properties) {
        this.store = store;
        this.leases = leases;
        this.writer = writer;
        this.jobs = jobs;
        this.catalogs = catalogs;
        this.commands = commands;
        this.transactions = transactions;
        this.properties = properties;
        this.workers = Executors.newFixedThreadPool(properties.workers(), named("bill-run-worker"));
        this.node = properties.nodeName() + "/" + UUID.randomUUID();
    }

    @EventHandler
    void on(BillRunStarted started) {
        var unitOfWork = CurrentUnitOfWork.get();
        // the audit metadata the handled event passes on (principal, idempotency key, correlation, causation: this
        // event), as the processor's correlation data providers give it to every message it causes
        store.register(started, unitOfWork.getCorrelationData());
        // only once the registration is committed: looked for earlier, the run's row would not be there yet
        unitOfWork.afterCommit(committed -> lookForWork());
    }

    /** Resumes unfinished runs at start-up, then looks for work left by other nodes periodically. */
    @EventListener(ApplicationReadyEvent.class)
    void startLookingForWork() {
        long every = properties.leaseCheck().toMillis();
        coordinator.scheduleWithFixedDelay(this::check, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        coordinator.shutdownNow();
        workers.shutdownNow();
        // a segment in flight finishes (or rolls back) before the leases are given up, so that another node may
        // take the partitions over at once instead of waiting for the leases to run out
        if (workers.awaitTermination(30, TimeUnit.SECONDS) && coordinator.awaitTermination(5, TimeUnit.SECONDS)) {
            leases.releaseAll(node);
        }
    }

    private void lookForWork() {
        if (!coordinator.isShutdown()) {
            coordinator.execute(this::check);
        }
    }

    private void check() {
        try {
            leases.renew(node, working, properties.leaseDuration());
            for (String runId : store.unfinished()) {
                store.find(runId).ifPresent(this::advance);
            }
        } catch (RuntimeException failure) {
            LOG.warn("Looking for bill-run work failed; tried again in {}", properties.leaseCheck(), failure);
        }
    }

    private void advance(BillRunStore.Run run) {
        if (workers.isShutdown()) {
            return; // stopping
        }
        if (run.status() == BillRunStore.Status.SELECTING) {
            select(run);
            return;
        }
        List<BillRunStore.Partition> partitions = store.partitions(run.runId());
        if (partitions.stream().allMatch(BillRunStore.Partition::done)) {
            complete(run, partitions);
            return;
        }
        var catalog = catalogs.read();
        for (BillRunStore.Partition partition : partitions) {
            String key = run.runId() + "/" + partition.partitionNo();
            if (!partition.done() && !working.contains(key) && working.size() < properties.workers()
                    && leases.claimPartition(run.runId(), partition.partitionNo(), node, properties.leaseDuration())) {
                working.add(key);
                workers.execute(() -> runPartition(run, partition.partitionNo(), key, catalog));
            }
        }
    }

    private void select(BillRunStore.Run run) {
        if (!leases.claimRun(run.runId(), node, properties.leaseDuration())) {
            return;
        }
        try {
            Long selected = transactions.execute(status -> {
                long subscriptions = store.select(run, properties.partitions(), node);
                return subscriptions < 0 ? subscriptions : subscriptions + jobs.select(run);
            });
            if (selected != null && selected >= 0) {
                send(new RecordBillRunCandidates(run.runId(), selected), run.metaData());
                LOG.info("Bill run {}: {} subscriptions in {} partitions", run.runId(), selected,
                        properties.partitions());
            }
        } finally {
            leases.releaseRun(run.runId(), node);
        }
        store.find(run.runId()).ifPresent(this::advance);
    }

    private void complete(BillRunStore.Run run, List<BillRunStore.Partition> partitions) {
        if (!leases.claimRun(run.runId(), node, properties.leaseDuration())) {
            return;
        }
        try {
            // the jobs the run bills last, once its subscriptions are all done
            JobBillRunStep.Counts jobCounts = jobs.bill(run);
            long total = store.candidates(run.runId()) + jobCounts.candidates();
            long billed = jobCounts.billed();
            long skipped = jobCounts.skipped();
            long failed = jobCounts.failed();
            for (BillRunStore.Partition partition : partitions) {
                billed += partition.billed();
                skipped += partition.skipped();
                failed += partition.failed() + partition.technicalFailed();
            }
            // both idempotent: the node that selected may have stopped before recording the candidates
            send(new RecordBillRunCandidates(run.runId(), total), run.metaData());
            send(new CompleteBillRun(run.runId(), total, billed, skipped, failed), run.metaData());
            if (store.completed(run.runId(), node)) {
                LOG.info("Bill run {} completed: {} subscriptions, {} billed, {} skipped, {} failed", run.runId(),
                        total, billed, skipped, failed);
            }
        } finally {
            leases.releaseRun(run.runId(), node);
        }
    }

    private void runPartition(BillRunStore.Run run, int partitionNo, String key, BillingCatalog catalog) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                var partition = store.partition(run.runId(), partitionNo).orElse(null);
                if (partition == null || partition.done() || !node.equals(partition.owner())) {
                    return;
                }
                List<BillWriter.Candidate> segment = store.segment(run.runId(), partition, properties.segmentSize());
                if (segment.isEmpty()) {
                    store.partitionDone(run.runId(), partitionNo, node);
                    return;
                }
                BillWriter.Candidate last = segment.get(segment.size() - 1);
                writer.bill(segment, run.billingDate(), BillKind.RUN, run.runId(), catalog, run.metaData(),
                        outcome -> store.checkpoint(run.runId(), partition, node, properties.leaseDuration(), last,
                                outcome));
                pause();
            }
        } catch (BillRunStore.LeaseLost lost) {
            LOG.warn("Bill run {}: {}; its new owner goes on", run.runId(), lost.getMessage());
        } catch (RuntimeException failure) {
            if (!Thread.currentThread().isInterrupted()) {
                LOG.error("Bill run {}: partition {} stopped; given up to be taken again", run.runId(), partitionNo,
                        failure);
                leases.releasePartition(run.runId(), partitionNo, node);
            }
        } finally {
            working.remove(key);
            lookForWork();
        }
    }

    private void pause() {
        if (!properties.segmentPause().isZero()) {
            try {
                Thread.sleep(properties.segmentPause().toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void send(Object command, MetaData metaData) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(metaData));
    }

    private static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
