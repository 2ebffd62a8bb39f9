package org.subledger.kernel.billing.query;

import org.subledger.kernel.catalog.BillingFrequency;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A bill run and how far it got: the billing date and the filters it was started with ({@code null}: all
 * frequencies / subscription types), the subscriptions it looks at ({@code null} until selected), how many were
 * billed and failed so far (the run's own counts once COMPLETED), how many had nothing due ({@code null} until
 * COMPLETED), when it started and completed, and who started it ({@code null} for a run projected before this was
 * kept, until the read model is rebuilt).
 */
public record BillRunSummary(String runId,
                             BillRunStatus status,
                             LocalDate billingDate,
                             BillingFrequency billingFrequency,
                             String subscriptionTypeCode,
                             Long subscriptionsTotal,
                             long billed,
                             long failed,
                             Long skipped,
                             Instant startedAt,
                             Instant completedAt,
                             String startedBy) {
}
