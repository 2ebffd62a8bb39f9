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
import org.subledger.kernel.job.JobGoodRemoved;
import org.subledger.kernel.job.JobReplacementDelivered;
import org.subledger.kernel.job.JobReplacementRefused;
import org.subledger.kernel.job.JobStarted;

/**
 * Builds {@code job_summary}: one row per job, with its state, units, dates and bill, for the lists by account,
 * state, assigned unit and lateness; and {@code job_replacement}: what each repair replaced, delivered or refused. Every statement only touches a row older than the event (its {@code version}),
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

    @EventHandler
    void on(JobReplacementDelivered event, @SequenceNumber long sequenceNumber) {
        jdbc.update("""
                insert into job_replacement (job_id, line_id, subscription_id, replaced_serial_number, serial_number,
                                             product_code, status, delivered_sequence, version)
                values (?, ?, ?, ?, ?, ?, 'DELIVERED', ?, ?)
                on conflict (job_id, line_id) do update set subscription_id = excluded.subscription_id,
                    replaced_serial_number = excluded.replaced_serial_number,
                    serial_number = excluded.serial_number, product_code = excluded.product_code,
                    status = excluded.status, refusal_code = null, refusal_message = null,
                    delivered_sequence = excluded.delivered_sequence, version = excluded.version
                where job_replacement.version < excluded.version""", event.jobId(), event.lineId(),
                event.subscriptionId(), event.replacedSerialNumber(), event.replacement().serialNumber(),
                event.replacement().productCode(), sequenceNumber, sequenceNumber);
    }

    @EventHandler
    void on(JobReplacementRefused event, @SequenceNumber long sequenceNumber) {
        jdbc.update("""
                update job_replacement set status = 'REFUSED', refusal_code = ?, refusal_message = ?, version = ?
                where job_id = ? and line_id = ? and version < ?""", event.code(), event.message(),
                sequenceNumber, event.jobId(), event.lineId(), sequenceNumber);
    }

    /** A replacement taken off the job replaces nothing. */
    @EventHandler
    void on(JobGoodRemoved event, @SequenceNumber long sequenceNumber) {
        jdbc.update("delete from job_replacement where job_id = ? and line_id = ? and version < ?", event.jobId(),
                event.good().lineId(), sequenceNumber);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table job_summary");
        jdbc.execute("truncate table job_replacement");
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
