package org.subledger.command.billing;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.catalog.DiscountClassification;
import org.subledger.kernel.job.JobBilled;
import org.subledger.kernel.job.JobDiscountApplied;
import org.subledger.kernel.job.JobState;
import org.subledger.kernel.job.JobStatus;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Bills a completed job once, with the exactly-once mechanics of the subscription {@link BillWriter}: in one
 * transaction it reads the job's and its account's streams, works out the bill ({@link JobBillCalculator}), takes a
 * gapless bill number and appends a {@code JobBilled} (the job's stream, which closes its contents) with a
 * {@code JobDiscountApplied} after it per discount on the bill, a
 * {@code BillIssued} (the bill's own stream, id derived from the job id) and a {@code BillPosted} (the account's
 * balance), each at the sequence number after what was read. A concurrent change of the job or the account fails
 * the whole append, which is retried from a fresh read; a job already billed is answered with its bill and nothing
 * is appended again. A job of a type billed by the bill run is billed so by the run ({@link JobBillRunStep}), on the
 * run's billing date, not on completion.
 */
@Component
public class JobBillAppender {

    static final String JOB = "Job";
    private static final int ATTEMPTS = 6;

    private final EventStreams streams;
    private final EventStorageEngine storageEngine;
    private final EventStore eventStore;
    private final TransactionTemplate transactions;
    private final BillNumbers numbers;
    private final Cache accountCache;
    private final BillingRules rules;
    private final AutoApplyDiscounts autoApplyDiscounts;

    JobBillAppender(EventStreams streams, @Lazy EventStorageEngine storageEngine, @Lazy EventStore eventStore,
                    TransactionTemplate transactions, BillNumbers numbers,
                    @Qualifier("accountCache") Cache accountCache, BillingProperties properties,
                    AutoApplyDiscounts autoApplyDiscounts) {
        this.streams = streams;
        this.storageEngine = storageEngine;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.numbers = numbers;
        this.accountCache = accountCache;
        this.rules = new BillingRules(properties.paymentTermDays());
        this.autoApplyDiscounts = autoApplyDiscounts;
    }

    /**
     * The job's one bill on its completion: issued now if it is completed and not billed yet, else the one it has (or
     * none yet; also none while it waits for the bill run, as its job type says).
     */
    public JobBilled bill(String jobId, MetaData metaData) {
        return billInTransaction(jobId, null, metaData, result -> { }).bill();
    }

    /**
     * The bill run's bill of a job left to it ({@code JobBillingDeferred}), issued on the run's billing date with the
     * run's id; {@code inTransaction} is given the outcome in the transaction that appends the bill (or finds the job
     * billed already), so the run records it exactly when the bill is committed.
     */
    public Result billForRun(String jobId, String runId, LocalDate billingDate, MetaData metaData,
                             Consumer<Result> inTransaction) {
        return billInTransaction(jobId, new RunBilling(runId, billingDate), metaData, inTransaction);
    }

    /** What billing a job did: {@code issued} when this call appended {@code bill} (null: there is no bill). */
    public record Result(JobBilled bill, boolean issued) {
    }

    /** The bill run a job is billed by: its id and billing date. */
    private record RunBilling(String runId, LocalDate billingDate) {
    }

    private Result billInTransaction(String jobId, RunBilling run, MetaData metaData, Consumer<Result> inTransaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                Result result = transactions.execute(status -> {
                    Result billed = billOnce(jobId, run, metaData);
                    inTransaction.accept(billed);
                    return billed;
                });
                if (result != null && result.issued()) {
                    accountCache.remove(result.bill().accountId());
                }
                return result;
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS || !BillWriter.lostARace(failure)) {
                    throw failure;
                }
            }
        }
    }

    /** The bill the job would get if it were billed on {@code on} (its completion date when done). Records nothing. */
    public JobBillDraft preview(JobState job, LocalDate on) {
        BillingAccount account = AccountFold.of(streams.read(List.of(job.accountId())).get(job.accountId()));
        if (account == null) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_NOT_FOUND, "No account " + job.accountId());
        }
        return JobBillCalculator.bill(job, account, new EventStoreBillingCatalog(eventStore), on, rules,
                autoApplyDiscounts.effective(DiscountClassification.JOBS));
    }

    private Result billOnce(String jobId, RunBilling run, MetaData metaData) {
        JobState job = new JobState();
        List<DomainEventMessage<?>> jobStream = streams.read(List.of(jobId)).get(jobId);
        if (jobStream == null) {
            throw new LedgerRefusal(ErrorCode.JOB_NOT_FOUND, "No job with id " + jobId);
        }
        jobStream.forEach(message -> job.apply(message.getPayload(), message.getSequenceNumber()));
        if (job.billed() || job.status() != JobStatus.COMPLETED || job.billedByRun() != (run != null)) {
            // billed already, not completed, or billed the other way (at completion, or by a run)
            return new Result(job.bill(), false);
        }
        long jobSequence = jobStream.get(jobStream.size() - 1).getSequenceNumber() + 1;
        BillingAccount account = AccountFold.of(streams.read(List.of(job.accountId())).get(job.accountId()));
        if (account == null) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_NOT_FOUND, "No account " + job.accountId());
        }
        LocalDate completed = job.actualCompletion();
        LocalDate on = run == null ? completed : run.billingDate();
        JobBillDraft draft = JobBillCalculator.bill(job, account, new EventStoreBillingCatalog(eventStore), on,
                rules, autoApplyDiscounts.effective(DiscountClassification.JOBS));
        List<EventMessage<?>> events = new ArrayList<>();
        if (draft.lines().isEmpty()) {
            // nothing delivered, nothing to bill: the job is closed all the same, and no empty bill is issued
            JobBilled nothing = new JobBilled(jobId, job.accountId(), null, null, draft.total());
            events.add(event(JOB, jobId, jobSequence, nothing, metaData));
            storageEngine.appendEvents(events);
            return new Result(nothing, true);
        }
        String billId = billId(jobId);
        String billNumber = numbers.take(on.getYear(), 1).get(0);
        JobBilled billed = new JobBilled(jobId, job.accountId(), billId, billNumber, draft.total());
        events.add(event(JOB, jobId, jobSequence, billed, metaData));
        long discountSequence = jobSequence;
        for (JobDiscountApplied applied : draft.discounts()) {
            events.add(event(JOB, jobId, ++discountSequence, new JobDiscountApplied(jobId, applied.discountId(),
                    applied.definitionCode(), billId, applied.billedOn(), applied.amount(), applied.lines(), applied.criteria()),
                    metaData));
        }
        events.addAll(new OneOffBill(billId, billNumber, BillKind.JOB, null, run == null ? null : run.runId(), on,
                completed, draft.lines(), draft.total(), draft.taxTotal(), draft.dueDate(),
                "Bill " + billNumber + " (job " + jobId + " completed " + completed + ")")
                .events(account, metaData));
        storageEngine.appendEvents(events);
        return new Result(billed, true);
    }

    /** One job, one bill id: a job can never be billed twice. */
    static String billId(String jobId) {
        return UUID.nameUUIDFromBytes(("bill|job|" + jobId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static EventMessage<?> event(String type, String aggregateId, long sequence, Object payload,
                                         MetaData metaData) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData);
    }
}
