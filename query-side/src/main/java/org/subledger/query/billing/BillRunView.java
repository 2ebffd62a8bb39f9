package org.subledger.query.billing;

import org.subledger.kernel.billing.query.BillRunStatus;
import org.subledger.kernel.billing.query.BillRunSummary;
import org.subledger.kernel.catalog.BillingFrequency;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A bill run: its status, billing date and filters ({@code null}: all), the subscriptions it looks at ({@code null}
 * until selected), billed and failed so far (final once COMPLETED), skipped ({@code null} until COMPLETED).
 */
public record BillRunView(String runId,
                          BillRunStatus status,
                          LocalDate billingDate,
                          BillingFrequency billingFrequency,
                          String subscriptionTypeCode,
                          Long subscriptionsTotal,
                          long billed,
                          long failed,
                          Long skipped,
                          Instant startedAt,
                          Instant completedAt) {

    static BillRunView of(BillRunSummary run) {
        return new BillRunView(run.runId(), run.status(), run.billingDate(), run.billingFrequency(),
                run.subscriptionTypeCode(), run.subscriptionsTotal(), run.billed(), run.failed(), run.skipped(),
                run.startedAt(), run.completedAt());
    }
}
