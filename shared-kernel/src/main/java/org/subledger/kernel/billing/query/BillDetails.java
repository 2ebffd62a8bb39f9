package org.subledger.kernel.billing.query;

import org.subledger.kernel.billing.BillLine;

import java.util.List;

/** A bill with its lines in order, each with the explanation of its amount, and the credit notes correcting it. */
public record BillDetails(BillSummary bill, List<BillLine> lines, List<CreditNoteSummary> creditNotes) {
    public BillDetails {
        lines = List.copyOf(lines);
        creditNotes = List.copyOf(creditNotes == null ? List.of() : creditNotes);
    }

    public BillDetails(BillSummary bill, List<BillLine> lines) {
        this(bill, lines, List.of());
    }
}
