package org.subledger.kernel.billing.query;

import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillSection;

import java.util.List;

/**
 * A bill with its lines in order, each with the explanation of its amount, its sections (one per subscription billed
 * on it, with the lines each holds and its subtotal; none on a job's bill) and the credit notes correcting it.
 */
public record BillDetails(BillSummary bill, List<BillLine> lines, List<BillSection> sections,
                          List<CreditNoteSummary> creditNotes) {
    public BillDetails {
        lines = List.copyOf(lines);
        sections = List.copyOf(sections == null ? List.of() : sections);
        creditNotes = List.copyOf(creditNotes == null ? List.of() : creditNotes);
    }

    /** A bill without credit notes. */
    public BillDetails(BillSummary bill, List<BillLine> lines, List<BillSection> sections) {
        this(bill, lines, sections, List.of());
    }

    /** A bill without sections (a job's) or credit notes. */
    public BillDetails(BillSummary bill, List<BillLine> lines) {
        this(bill, lines, List.of());
    }
}
