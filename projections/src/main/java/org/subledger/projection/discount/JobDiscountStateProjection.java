package org.subledger.projection.discount;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.job.JobDiscountAdded;
import org.subledger.kernel.job.JobDiscountApplied;
import org.subledger.kernel.job.JobDiscountApproved;
import org.subledger.kernel.job.JobDiscountRejected;
import org.subledger.kernel.metadata.LedgerMetadata;

import java.time.Instant;

/**
 * The jobs' part of the discount state ({@code job_discount}, {@code job_discount_application}), from the job
 * stream, in the {@code discount-state} group with the subscriptions' part. As there: who from the metadata, when
 * from the timestamps, and a redelivered event changes nothing (rows older than the event, or inserts of what is
 * missing). An auto-apply discount's row is made from its application.
 */
@Component
@ProcessingGroup(DiscountStateProjection.PROCESSING_GROUP)
class JobDiscountStateProjection {

    private static final String ADD = """
            insert into job_discount (job_id, discount_id, definition_code, discount_type, status, value_kind, amount,
                currency, percentage, level, added_on, note, added_by, added_unit, added_at, version)
            values (?, ?, ?, 'AD_HOC', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (job_id, discount_id) do nothing""";
    private static final String DECIDE = """
            update job_discount set status = ?, decided_by = ?, decided_at = ?, decided_on = ?, decision_reason = ?,
                version = ?
            where job_id = ? and discount_id = ? and version < ?""";
    private static final String AUTO_APPLIED = """
            insert into job_discount (job_id, discount_id, definition_code, discount_type, status, added_on, added_by,
                added_at, version)
            values (?, ?, ?, 'AUTO_APPLY', 'APPROVED', ?, ?, ?, ?)
            on conflict (job_id, discount_id) do nothing""";
    private static final String APPLY = """
            insert into job_discount_application (job_id, discount_id, definition_code, bill_id, billed_on, amount,
                currency, applied_at, event_sequence)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (job_id, event_sequence) do nothing""";

    private final JdbcTemplate jdbc;

    JobDiscountStateProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(JobDiscountAdded event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            @MetaDataValue(LedgerMetadata.PRINCIPAL) String principal,
            @MetaDataValue(LedgerMetadata.UNIT) String unit) {
        DiscountValue value = event.value();
        jdbc.update(ADD, event.jobId(), event.discountId(), event.definitionCode(), event.status().name(),
                value == null ? null : value.kind().name(),
                value == null || value.amount() == null ? null : value.amount().amount(),
                value == null || value.amount() == null ? null : value.amount().currency().getCurrencyCode(),
                value == null ? null : value.percentage(), value == null ? null : value.level(), event.addedOn(),
                event.note(), principal, unit, java.sql.Timestamp.from(at), sequenceNumber);
    }

    @EventHandler
    void on(JobDiscountApproved event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            @MetaDataValue(LedgerMetadata.PRINCIPAL) String principal) {
        jdbc.update(DECIDE, DiscountStatus.APPROVED.name(), principal, java.sql.Timestamp.from(at),
                event.approvedOn(), null, sequenceNumber, event.jobId(), event.discountId(), sequenceNumber);
    }

    @EventHandler
    void on(JobDiscountRejected event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            @MetaDataValue(LedgerMetadata.PRINCIPAL) String principal) {
        jdbc.update(DECIDE, DiscountStatus.REJECTED.name(), principal, java.sql.Timestamp.from(at),
                event.rejectedOn(), event.reason(), sequenceNumber, event.jobId(), event.discountId(),
                sequenceNumber);
    }

    @EventHandler
    void on(JobDiscountApplied event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            @MetaDataValue(LedgerMetadata.PRINCIPAL) String principal) {
        jdbc.update(AUTO_APPLIED, event.jobId(), event.discountId(), event.definitionCode(), event.billedOn(),
                principal, java.sql.Timestamp.from(at), sequenceNumber);
        jdbc.update(APPLY, event.jobId(), event.discountId(), event.definitionCode(), event.billId(),
                event.billedOn(), event.amount().amount(), event.amount().currency().getCurrencyCode(),
                java.sql.Timestamp.from(at), sequenceNumber);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table job_discount, job_discount_application");
    }
}
