package org.subledger.kernel.billing.query;

/** A bill run and how far it got. Answer: {@code Optional<BillRunSummary>}. */
public record FindBillRun(String runId) {
}
