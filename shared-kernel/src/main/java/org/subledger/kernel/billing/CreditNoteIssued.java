package org.subledger.kernel.billing;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;

/**
 * A credit note was issued for a bill (an event of the corrected bill's stream, aggregate id {@code billId}): a
 * document of its own, numbered in the credit notes' gapless series ({@code CN-2026-000001}), that names the bill it
 * corrects and credits {@code amount} of it (VAT inclusive; positive) with {@code taxAmount} its tax part, for
 * {@code reason}. A bill's credit notes never add up to more than its total. Credited to the account in the same
 * transaction ({@code CreditNotePosted}).
 */
@Revision("1")
public record CreditNoteIssued(String creditNoteId,
                               String creditNoteNumber,
                               String billId,
                               String billNumber,
                               String accountId,
                               LocalDate issuedOn,
                               Money amount,
                               Money taxAmount,
                               String reason) implements DomainEvent {
}
