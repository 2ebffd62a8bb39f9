package org.subledger.kernel.billing.query;

/** A page of the bill runs, newest first (by start). Answer: {@link BillRunPage}. */
public record ListBillRuns(int page, int size) {
}
