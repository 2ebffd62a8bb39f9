package org.subledger.kernel.billing;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Credit {@code amount} (VAT inclusive) of bill {@code billId} with a numbered credit note, for {@code reason}. The
 * {@code creditNoteId} is the caller's key: a second command with the same id issues nothing.
 */
public record IssueCreditNote(String creditNoteId, String billId, BigDecimal amount, Currency currency,
                              String reason) {
}
