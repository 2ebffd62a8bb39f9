package org.subledger.query.billing;

import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.query.BillDetails;

import org.subledger.kernel.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A bill with its lines, each explaining its amount, and its sections, one per subscription billed on it (a bill per
 * account has several; {@code subscriptionId} is then null); the fields of {@link BillSummaryView}, {@code lines},
 * {@code sections} and the credit notes that correct it, oldest first.
 */
public record BillView(String billId,
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
                       Instant issuedAt,
                       List<BillLineView> lines,
                       List<BillSectionView> sections,
                       List<CreditNoteView> creditNotes) {

    static BillView of(BillDetails details) {
        var bill = BillSummaryView.of(details.bill());
        return new BillView(bill.billId(), bill.billNumber(), bill.accountId(), bill.subscriptionId(), bill.runId(),
                bill.kind(), bill.issuedOn(), bill.periodFrom(), bill.periodTo(), bill.currency(), bill.total(),
                bill.taxTotal(), bill.dueDate(), bill.lineCount(), bill.issuedAt(),
                details.lines().stream().map(BillLineView::of).toList(),
                details.sections().stream().map(BillSectionView::of).toList(),
                details.creditNotes().stream().map(CreditNoteView::of).toList());
    }
}
