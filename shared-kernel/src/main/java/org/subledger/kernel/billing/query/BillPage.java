package org.subledger.kernel.billing.query;

import java.util.List;

/** One page of an account's bills, newest first. */
public record BillPage(String accountId, List<BillSummary> content, int page, int size, long totalElements) {
    public BillPage {
        content = List.copyOf(content);
    }
}
