package org.subledger.command.billing;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Executes bill runs. A started run freezes its candidates (the subscriptions due on its billing date, from the
 * {@link BillingIndex}), splits them into partitions by account and bills each partition in segments on its own
 * worker, every segment one transaction with its checkpoint ({@link BillWriter}). A run interrupted by a crash is
 * resumed when the ledger starts again, from the last committed segment of each partition; billing a subscription a
 * second time would find nothing due anyway, so a resumed run bills every subscription exactly once.
 */
@Component
@ProcessingGroup("bill-runs")
class BillRunExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(BillRunExecutor.class);

    private final BillRunStore store;
    private final BillWriter writer;
    private final EventStore eventStore;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final BillingProperties properties;
    private final ExecutorService runs = Executors.newSingleThreadExecutor(named("bill-run"));
    private final ExecutorService workers;

    BillRunExecutor(BillRunStore store, BillWriter writer, @Lazy EventStore eventStore, @Lazy CommandGateway commands,
                    TransactionTemplate transactions, BillingProperties properties) {
        this.store = store;
        this.writer = writer;
        this.eventStore = eventStore;
        this.commands = commands;
        this.transactions = transactions;
        this.properties = properties;
        this.workers = Executors.newFixedThreadPool(properties.partitions(), named("bill-run-worker"));
    }

    @EventHandler
    void on(BillRunStarted started) {
        var unitOfWork = CurrentUnitOfWork.get();
        // the audit metadata the handled event passes on (principal, idempotency key, correlation, causation: this
        // event), as the processor's correlation data providers give it to every message it causes
        store.register(started, unitOfWork.getCorrelationData());
        // only once the registration is committed: submitted at once, the run could look for its row before the
        // processor's transaction commits, find none and end silently, leaving the run SELECTING until a restart
        unitOfWork.afterCommit(committed -> submit(started.runId()));
    }

    private void submit(String runId) {
        runs.submit(() -> execute(runId));
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (String runId : store.unfinished()) {
            LOG.info("Resuming bill run {}", runId);
            submit(runId);
        }
    }

    @PreDestroy
    void stop() {
        runs.shutdownNow();
        workers.shutdownNow();
    }

    private void execute(String runId) {
        try {
            var run = store.find(runId).orElse(null);
            if (run == null || run.status() == BillRunStore.Status.COMPLETED) {
                return;
            }
            if (run.status() == BillRunStore.Status.SELECTING) {
                transactions.executeWithoutResult(status -> store.select(run, properties.partitions()));
            }
            long total = store.candidates(runId);
            send(new RecordBillRunCandidates(runId, total), run.metaData());
            var catalog = new EventStoreBillingCatalog(eventStore);
            List<Future<?>> partitions = new ArrayList<>();
            for (BillRunStore.Partition partition : store.partitions(runId)) {
                partitions.add(workers.submit(() -> runPartition(run, partition, catalog)));
            }
            for (Future<?> partition : partitions) {
                partition.get();
            }
            long billed = 0;
            long skipped = 0;
            long failed = 0;
            for (BillRunStore.Partition partition : store.partitions(runId)) {
                billed += partition.billed();
                skipped += partition.skipped();
                failed += partition.failed();
            }
            send(new CompleteBillRun(runId, total, billed, skipped, failed), run.metaData());
            store.completed(runId);
            LOG.info("Bill run {} completed: {} subscriptions, {} billed, {} skipped, {} failed", runId, total, billed,
                    skipped, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            LOG.warn("Bill run {} interrupted; it resumes when the ledger starts again", runId);
        } catch (ExecutionException | RuntimeException failure) {
            LOG.error("Bill run {} stopped; it resumes when the ledger starts again", runId, failure);
        }
    }

    private void runPartition(BillRunStore.Run run, BillRunStore.Partition start, BillingCatalog catalog) {
        BillRunStore.Partition partition = start;
        if (partition.done()) {
            return;
        }
        while (!Thread.currentThread().isInterrupted()) {
            List<BillWriter.Candidate> segment = store.segment(run.runId(), partition, properties.segmentSize());
            if (segment.isEmpty()) {
                store.partitionDone(run.runId(), partition.partitionNo());
                return;
            }
            BillWriter.Candidate last = segment.get(segment.size() - 1);
            int partitionNo = partition.partitionNo();
            writer.bill(segment, run.billingDate(), BillKind.RUN, run.runId(), catalog, run.metaData(),
                    outcome -> store.checkpoint(run.runId(), partitionNo, last, outcome));
            partition = new BillRunStore.Partition(partitionNo, last.accountId(), last.subscriptionId(), 0, 0, 0,
                    false);
            pause();
        }
        throw new IllegalStateException("bill run " + run.runId() + " interrupted");
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

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
