package org.subledger.kernel.billing.query;

import java.util.List;

/** One page of the bill runs, newest first. */
public record BillRunPage(List<BillRunSummary> content, int page, int size, long totalElements) {
    public BillRunPage {
        content = List.copyOf(content);
    }
}
