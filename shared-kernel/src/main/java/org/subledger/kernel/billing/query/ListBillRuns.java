package org.subledger.kernel.billing.query;

import java.time.Instant;

/**
 * A page of the bill runs, newest first (by start); with {@code startedBy} ({@code null}: all) only the runs started
 * at or before that instant. Answer: {@link BillRunPage}.
 */
public record ListBillRuns(int page, int size, Instant startedBy) {

    public ListBillRuns(int page, int size) {
        this(page, size, null);
    }
}
