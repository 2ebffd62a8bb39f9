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

/**
 * Bills a completed job once, with the exactly-once mechanics of the subscription {@link BillWriter}: in one
 * transaction it reads the job's and its account's streams, works out the bill ({@link JobBillCalculator}), takes a
 * gapless bill number and appends a {@code JobBilled} (the job's stream, which closes its contents) with a
 * {@code JobDiscountApplied} after it per discount on the bill, a
 * {@code BillIssued} (the bill's own stream, id derived from the job id) and a {@code BillPosted} (the account's
 * balance), each at the sequence number after what was read. A concurrent change of the job or the account fails
 * the whole append, which is retried from a fresh read; a job already billed is answered with its bill and nothing
 * is appended again.
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

    /** The job's one bill: issued now if it is completed and not billed yet, else the one it has (or none yet). */
    public JobBilled bill(String jobId, MetaData metaData) {
        for (int attempt = 1; ; attempt++) {
            try {
                JobBilled billed = transactions.execute(status -> billOnce(jobId, metaData));
                if (billed != null) {
                    accountCache.remove(billed.accountId());
                }
                return billed;
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

    private JobBilled billOnce(String jobId, MetaData metaData) {
        JobState job = new JobState();
        List<DomainEventMessage<?>> jobStream = streams.read(List.of(jobId)).get(jobId);
        if (jobStream == null) {
            throw new LedgerRefusal(ErrorCode.JOB_NOT_FOUND, "No job with id " + jobId);
        }
        jobStream.forEach(message -> job.apply(message.getPayload(), message.getSequenceNumber()));
        if (job.billed() || job.status() != JobStatus.COMPLETED) {
            return job.bill();
        }
        long jobSequence = jobStream.get(jobStream.size() - 1).getSequenceNumber() + 1;
        BillingAccount account = AccountFold.of(streams.read(List.of(job.accountId())).get(job.accountId()));
        if (account == null) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_NOT_FOUND, "No account " + job.accountId());
        }
        LocalDate on = job.actualCompletion();
        JobBillDraft draft = JobBillCalculator.bill(job, account, new EventStoreBillingCatalog(eventStore), on,
                rules, autoApplyDiscounts.effective(DiscountClassification.JOBS));
        List<EventMessage<?>> events = new ArrayList<>();
        if (draft.lines().isEmpty()) {
            // nothing delivered, nothing to bill: the job is closed all the same, and no empty bill is issued
            JobBilled nothing = new JobBilled(jobId, job.accountId(), null, null, draft.total());
            events.add(event(JOB, jobId, jobSequence, nothing, metaData));
            storageEngine.appendEvents(events);
            return nothing;
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
        events.addAll(new OneOffBill(billId, billNumber, BillKind.JOB, null, on, draft.lines(), draft.total(),
                draft.taxTotal(), draft.dueDate(), "Bill " + billNumber + " (job " + jobId + " completed " + on + ")")
                .events(account, metaData));
        storageEngine.appendEvents(events);
        return billed;
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
