package org.subledger.query.billing;

import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.query.BillSummary;

import org.subledger.kernel.money.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A bill in a list, without its lines. Amounts are {@link Money} in {@code currency}; the
 * total is VAT included and negative when the bill's credits exceed its charges. {@code periodTo} is exclusive.
 */
public record BillSummaryView(String billId,
                              String billNumber,
                              String accountId,
                              String subscriptionId,
                              String runId,
                              BillKind kind,
                              LocalDate issuedOn,
                              LocalDate periodFrom,
                              LocalDate periodTo,
                              String currency,
                              Money total,
                              Money taxTotal,
                              LocalDate dueDate,
                              int lineCount,
                              Instant issuedAt) {

    static BillSummaryView of(BillSummary bill) {
        return new BillSummaryView(bill.billId(), bill.billNumber(), bill.accountId(), bill.subscriptionId(),
                bill.runId(), bill.kind(), bill.issuedOn(), bill.periodFrom(), bill.periodTo(),
                bill.total().currency().getCurrencyCode(), bill.total(), bill.taxTotal(),
                bill.dueDate(), bill.lineCount(), bill.issuedAt());
    }
}
