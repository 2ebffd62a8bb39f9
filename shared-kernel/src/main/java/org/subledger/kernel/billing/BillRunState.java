package org.subledger.kernel.billing;

import org.subledger.kernel.billing.query.BillRunStatus;
import org.subledger.kernel.billing.query.BillRunSummary;
import org.subledger.kernel.catalog.BillingFrequency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The one fold of a bill run's own stream (started, candidates selected, completed): what the aggregate decides with
 * and what a run looked like at an instant ({@code ?asOf=}). The bills and failures of a running run are in other
 * streams (the bills', the subscriptions'), so while it runs its counts so far are the reader's to give. An unknown
 * event changes nothing.
 */
public final class BillRunState {

    private String runId;
    private LocalDate billingDate;
    private BillingFrequency billingFrequency;
    private String subscriptionTypeCode;
    private List<String> accountIds;
    private Instant startedAt;
    private Long subscriptionsTotal;
    private BillRunCompleted completion;
    private Instant completedAt;

    /** Applies one event of the run's stream; {@code timestamp} is its message's. */
    public BillRunState apply(Object event, Instant timestamp) {
        if (event instanceof BillRunStarted started) {
            runId = started.runId();
            billingDate = started.billingDate();
            billingFrequency = started.billingFrequency();
            subscriptionTypeCode = started.subscriptionTypeCode();
            accountIds = started.accountIds();
            startedAt = timestamp;
        } else if (event instanceof BillRunCandidatesSelected selected) {
            subscriptionsTotal = selected.subscriptionsTotal();
        } else if (event instanceof BillRunCompleted completed) {
            completion = completed;
            subscriptionsTotal = completed.subscriptionsTotal();
            completedAt = timestamp;
        }
        return this;
    }

    public boolean started() {
        return runId != null;
    }

    public boolean candidatesSelected() {
        return subscriptionsTotal != null;
    }

    public boolean completed() {
        return completion != null;
    }

    public String runId() {
        return runId;
    }

    public List<String> accountIds() {
        return accountIds;
    }

    /**
     * The run as the API shows it; {@code billedSoFar} and {@code failedSoFar} count only while it is not completed
     * (once completed, its own counts stand). {@code null} before it started.
     */
    public BillRunSummary summary(long billedSoFar, long failedSoFar, String startedBy) {
        if (runId == null) {
            return null;
        }
        if (completion != null) {
            return new BillRunSummary(runId, BillRunStatus.COMPLETED, billingDate, billingFrequency,
                    subscriptionTypeCode, completion.subscriptionsTotal(), completion.billed(), completion.failed(),
                    completion.skipped(), startedAt, completedAt, startedBy);
        }
        return new BillRunSummary(runId, BillRunStatus.STARTED, billingDate, billingFrequency, subscriptionTypeCode,
                subscriptionsTotal, billedSoFar, failedSoFar, null, startedAt, null, startedBy);
    }
}
