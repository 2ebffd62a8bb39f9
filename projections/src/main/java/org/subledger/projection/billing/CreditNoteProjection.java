package org.subledger.projection.billing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.billing.CreditNoteIssued;

import java.sql.Date;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Builds {@code credit_note}, one row per credit note issued. Credit notes are few (one per customer complaint, not
 * per subscription), so each is written as it comes; a redelivered one changes nothing.
 */
@Component
@ProcessingGroup(BillingProjectionsConfiguration.PROCESSING_GROUP)
class CreditNoteProjection {

    private final JdbcTemplate jdbc;

    CreditNoteProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CreditNoteIssued event, @Timestamp Instant issuedAt) {
        jdbc.update("""
                insert into credit_note (credit_note_id, credit_note_number, bill_id, bill_number, account_id,
                                         issued_on, amount, tax_amount, currency, reason, issued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (credit_note_id) do nothing""",
                event.creditNoteId(), event.creditNoteNumber(), event.billId(), event.billNumber(),
                event.accountId(), Date.valueOf(event.issuedOn()), event.amount().amount(),
                event.taxAmount().amount(), event.amount().currency().getCurrencyCode(), event.reason(),
                issuedAt.atOffset(ZoneOffset.UTC));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table credit_note");
    }
}
