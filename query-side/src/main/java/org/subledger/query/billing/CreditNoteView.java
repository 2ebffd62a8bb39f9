package org.subledger.query.billing;

import org.subledger.kernel.billing.query.CreditNoteSummary;
import org.subledger.kernel.money.Money;

import java.time.Instant;
import java.time.LocalDate;

/** A credit note: its number, the bill it corrects, what it credits (VAT inclusive) with its tax part, and why. */
public record CreditNoteView(String creditNoteId,
                             String creditNoteNumber,
                             String billId,
                             String billNumber,
                             String accountId,
                             LocalDate issuedOn,
                             Money amount,
                             Money taxAmount,
                             String reason,
                             Instant issuedAt) {

    static CreditNoteView of(CreditNoteSummary note) {
        return new CreditNoteView(note.creditNoteId(), note.creditNoteNumber(), note.billId(), note.billNumber(),
                note.accountId(), note.issuedOn(), note.amount(), note.taxAmount(), note.reason(), note.issuedAt());
    }
}
