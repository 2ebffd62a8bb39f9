package org.subledger.kernel.billing.query;

import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.money.Money;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A bill as issued, without its lines: its number, the account and subscription billed, the bill run that issued it
 * ({@code null} for a usage bill), the period covered ({@code periodFrom} inclusive to {@code periodTo} exclusive),
 * its total (VAT included; negative when its credits exceed its charges) and VAT part, the due date, how many lines
 * it has and when it was recorded.
 */
public record BillSummary(String billId,
                          String billNumber,
                          String accountId,
                          String subscriptionId,
                          String runId,
                          BillKind kind,
                          LocalDate issuedOn,
                          LocalDate periodFrom,
                          LocalDate periodTo,
                          Money total,
                          Money taxTotal,
                          LocalDate dueDate,
                          int lineCount,
                          Instant issuedAt) {
}
