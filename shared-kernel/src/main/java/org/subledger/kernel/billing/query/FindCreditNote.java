package org.subledger.kernel.billing.query;

/** The credit note {@code creditNoteId}, if any: answered with an {@code Optional<CreditNoteSummary>}. */
public record FindCreditNote(String creditNoteId) {
}
