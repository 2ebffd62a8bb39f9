package org.subledger.command.job;

import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.subledger.command.billing.JobBillAppender;
import org.subledger.command.process.Refusals;
import org.subledger.kernel.error.RefusalDetails;
import org.subledger.kernel.job.JobCompleted;
import org.subledger.kernel.process.RecordProcessStepRefusal;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bills a job once it is completed: one bill for its goods, expenses and activities, issued and posted by the
 * {@link JobBillAppender}; a redelivered completion finds the job billed and issues nothing, and a job whose type
 * is billed by the bill run is left to the run. A business refusal (a
 * product without a rate in the job's price plan, a closed account) is recorded as a refused process step on the
 * "needs attention" list and the processor moves on; a technical failure fails the event, which the processor
 * retries and then dead-letters.
 *
 * <p>The bill is written in a transaction of its own, on a thread of its own, for the reason {@code UsageBilling}
 * gives: a concurrent append to the account fails on the event store's unique key and is retried from a fresh read,
 * which the processor's own transaction could not do.
 */
@Component
@ProcessingGroup(JobBilling.GROUP)
class JobBilling {

    static final String GROUP = "job-billing";
    private static final Logger LOG = LoggerFactory.getLogger(JobBilling.class);

    private final JobBillAppender appender;
    private final CommandGateway commandGateway;
    private final ExecutorService billing = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "job-bill");
        thread.setDaemon(true);
        return thread;
    });

    JobBilling(JobBillAppender appender, CommandGateway commandGateway) {
        this.appender = appender;
        this.commandGateway = commandGateway;
    }

    @EventHandler
    void on(JobCompleted completed) {
        // the audit metadata the completion passes on (principal, unit, correlation; causation: the completion)
        MetaData metaData = CurrentUnitOfWork.get().getCorrelationData();
        try {
            billing.submit(() -> appender.bill(completed.jobId(), metaData)).get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while billing job " + completed.jobId(), interrupted);
        } catch (ExecutionException failed) {
            Optional<RefusalDetails> refusal = Refusals.of(failed.getCause());
            if (refusal.isEmpty()) {
                throw new IllegalStateException("billing job " + completed.jobId() + " failed", failed.getCause());
            }
            RefusalDetails details = refusal.get();
            LOG.warn("Billing job {} refused: {} {}", completed.jobId(), details.code(), details.message());
            String stepId = "job-bill:" + completed.jobId();
            commandGateway.sendAndWait(new RecordProcessStepRefusal(RecordProcessStepRefusal.refusalId(stepId),
                    GROUP, "bill", stepId, completed.jobId(), completed.jobId(), "BillJob", details.code(),
                    details.message()));
        }
    }

    @PreDestroy
    void stop() {
        billing.shutdownNow();
    }
}
