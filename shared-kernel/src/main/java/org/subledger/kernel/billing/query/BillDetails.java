package org.subledger.kernel.billing.query;

import org.subledger.kernel.billing.BillLine;

import java.util.List;

/** A bill with its lines in order, each with the explanation of its amount. */
public record BillDetails(BillSummary bill, List<BillLine> lines) {
    public BillDetails {
        lines = List.copyOf(lines);
    }
}
