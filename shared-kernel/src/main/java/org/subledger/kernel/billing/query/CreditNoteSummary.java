package org.subledger.kernel.billing.query;

import org.subledger.kernel.money.Money;

import java.time.Instant;
import java.time.LocalDate;

/** A credit note as read: its number, the bill it corrects, what it credits (with its tax part) and why. */
public record CreditNoteSummary(String creditNoteId,
                                String creditNoteNumber,
                                String billId,
                                String billNumber,
                                String accountId,
                                LocalDate issuedOn,
                                Money amount,
                                Money taxAmount,
                                String reason,
                                Instant issuedAt) {
}
