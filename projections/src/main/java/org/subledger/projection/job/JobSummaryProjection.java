package org.subledger.projection.job;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.job.JobAssigned;
import org.subledger.kernel.job.JobBilled;
import org.subledger.kernel.job.JobCancelled;
import org.subledger.kernel.job.JobCompleted;
import org.subledger.kernel.job.JobCreated;
import org.subledger.kernel.job.JobStarted;

/**
 * Builds {@code job_summary}: one row per job, with its state, units, dates and bill, for the lists by account,
 * state, assigned unit and lateness. Every statement only touches a row older than the event (its {@code version}),
 * so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(JobSummaryProjection.PROCESSING_GROUP)
class JobSummaryProjection {

    static final String PROCESSING_GROUP = "job-summary";

    private final JdbcTemplate jdbc;

    JobSummaryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(JobCreated event, @SequenceNumber long sequenceNumber) {
        jdbc.update("""
                insert into job_summary (job_id, account_id, job_type_code, state, billing_term_scheme, price_plan,
                                         owning_unit, created_on, expected_completion, subscription_id, version)
                values (?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?)
                on conflict (job_id) do nothing""", event.jobId(), event.accountId(), event.jobTypeCode(),
                event.billingTermSchemeCode(), event.pricePlanCode(), event.owningUnit(), event.createdOn(),
                event.expectedCompletion(), event.subscriptionRequest() == null ? null
                        : event.subscriptionRequest().subscriptionId(), sequenceNumber);
    }

    @EventHandler
    void on(JobStarted event, @SequenceNumber long sequenceNumber) {
        update("state = 'IN_PROGRESS'", event.jobId(), sequenceNumber);
    }

    @EventHandler
    void on(JobCompleted event, @SequenceNumber long sequenceNumber) {
        update("state = 'COMPLETED', actual_completion = ?, late = ?", event.jobId(), sequenceNumber,
                event.actualCompletion(), event.late());
    }

    @EventHandler
    void on(JobCancelled event, @SequenceNumber long sequenceNumber) {
        update("state = 'CANCELLED'", event.jobId(), sequenceNumber);
    }

    @EventHandler
    void on(JobAssigned event, @SequenceNumber long sequenceNumber) {
        update("assigned_unit = ?", event.jobId(), sequenceNumber, event.assignedUnit());
    }

    @EventHandler
    void on(JobBilled event, @SequenceNumber long sequenceNumber) {
        update("bill_id = ?, bill_number = ?, bill_total = ?, bill_currency = ?", event.jobId(), sequenceNumber,
                event.billId(), event.billNumber(), event.total().amount(),
                event.total().currency().getCurrencyCode());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table job_summary");
    }

    private void update(String set, String jobId, long sequenceNumber, Object... values) {
        Object[] arguments = new Object[values.length + 3];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = sequenceNumber;
        arguments[values.length + 1] = jobId;
        arguments[values.length + 2] = sequenceNumber;
        jdbc.update("update job_summary set " + set + ", version = ? where job_id = ? and version < ?", arguments);
    }
}
