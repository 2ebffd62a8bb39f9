package org.subledger.kernel.billing.query;

import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillSection;

import java.util.List;

/**
 * A bill with its lines in order, each with the explanation of its amount, and its sections (one per subscription
 * billed on it, with the lines each holds and its subtotal; none on a job's bill).
 */
public record BillDetails(BillSummary bill, List<BillLine> lines, List<BillSection> sections) {
    public BillDetails {
        lines = List.copyOf(lines);
        sections = List.copyOf(sections == null ? List.of() : sections);
    }

    /** A bill without sections (a job's). */
    public BillDetails(BillSummary bill, List<BillLine> lines) {
        this(bill, lines, List.of());
    }
}
