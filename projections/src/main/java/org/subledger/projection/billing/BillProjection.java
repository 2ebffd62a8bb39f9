package org.subledger.projection.billing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.BillRunCandidatesSelected;
import org.subledger.kernel.billing.BillRunCompleted;
import org.subledger.kernel.billing.BillRunStarted;
import org.subledger.kernel.billing.SubscriptionBillingFailed;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.projection.support.UnitOfWorkBuffer;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Builds {@code bill} and {@code bill_line} (one row per bill issued, one per line), {@code bill_run} (one row per bill
 * run with its progress) and {@code bill_run_failure} (the subscriptions a run could not bill). A bill run issues
 * bills by the hundred thousand, so nothing is written per event: a batch's changes are collected and written by
 * {@link BillWriter} just before the processor commits the batch and its token.
 */
@Component
@ProcessingGroup(BillingProjectionsConfiguration.PROCESSING_GROUP)
class BillProjection {

    private final BillWriter writer;
    private final UnitOfWorkBuffer<PendingBilling> pending;

    BillProjection(JdbcTemplate jdbc) {
        this.writer = new BillWriter(jdbc);
        this.pending = new UnitOfWorkBuffer<>("billing.pending-bills", PendingBilling::new, writer::write);
    }

    @EventHandler
    void on(BillIssued event, @SequenceNumber long sequenceNumber, @Timestamp Instant issuedAt) {
        var bill = BillRow.of(event, sequenceNumber, issuedAt);
        pending.add(batch -> batch.bill(bill));
    }

    @EventHandler
    void on(SubscriptionBillingFailed event, @SequenceNumber long sequenceNumber, @Timestamp Instant failedAt) {
        if (event.runId() == null) {
            return; // not a bill run's failure: nothing to count
        }
        var failure = new PendingBilling.Failure(event.subscriptionId(), sequenceNumber, event.runId(),
                event.accountId(), event.billingDate(), event.errorCode(), event.reason(), failedAt);
        pending.add(batch -> batch.failure(failure));
    }

    @EventHandler
    void on(BillRunStarted event, @SequenceNumber long sequenceNumber, @Timestamp Instant startedAt,
            @MetaDataValue(LedgerMetadata.PRINCIPAL) String startedBy) {
        String frequency = event.billingFrequency() == null ? null : event.billingFrequency().name();
        pending.add(batch -> batch.run(BillWriter.RUN_STARTED, event.runId(), event.billingDate(), frequency,
                event.subscriptionTypeCode(), startedAt.atOffset(ZoneOffset.UTC), startedBy, sequenceNumber));
    }

    @EventHandler
    void on(BillRunCandidatesSelected event, @SequenceNumber long sequenceNumber) {
        pending.add(batch -> batch.run(BillWriter.RUN_CANDIDATES_SELECTED, event.subscriptionsTotal(),
                sequenceNumber, event.runId(), sequenceNumber));
    }

    @EventHandler
    void on(BillRunCompleted event, @SequenceNumber long sequenceNumber, @Timestamp Instant completedAt) {
        pending.add(batch -> batch.run(BillWriter.RUN_COMPLETED, event.subscriptionsTotal(), event.billed(),
                event.failed(), event.skipped(), completedAt.atOffset(ZoneOffset.UTC), sequenceNumber,
                event.runId(), sequenceNumber));
    }

    @ResetHandler
    void reset() {
        writer.clear();
    }
}
