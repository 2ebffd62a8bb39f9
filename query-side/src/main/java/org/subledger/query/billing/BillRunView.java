package org.subledger.query.billing;

import org.subledger.kernel.billing.query.BillRunStatus;
import org.subledger.kernel.billing.query.BillRunSummary;
import org.subledger.kernel.catalog.BillingFrequency;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A bill run: its status, billing date and filters ({@code null}: all), the subscriptions it looks at ({@code null}
 * until selected), billed and failed so far (final once COMPLETED), skipped ({@code null} until COMPLETED), who started
 * it and when, how long it ran (so far, while STARTED) in seconds, and while it runs the seconds it will probably still
 * take at the rate so far ({@code null} until it has billed or failed a subscription, and once COMPLETED).
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
                          String startedBy,
                          Instant startedAt,
                          Instant completedAt,
                          Long durationSeconds,
                          Long estimatedSecondsLeft) {

    static BillRunView of(BillRunSummary run, Instant now) {
        Instant end = run.completedAt() != null ? run.completedAt() : now;
        Duration elapsed = run.startedAt() == null || end.isBefore(run.startedAt()) ? null
                : Duration.between(run.startedAt(), end);
        return new BillRunView(run.runId(), run.status(), run.billingDate(), run.billingFrequency(),
                run.subscriptionTypeCode(), run.subscriptionsTotal(), run.billed(), run.failed(), run.skipped(),
                run.startedBy(), run.startedAt(), run.completedAt(), elapsed == null ? null : elapsed.toSeconds(),
                estimatedSecondsLeft(run, elapsed));
    }

    /** What is left at the rate so far: elapsed × left ÷ done. */
    static Long estimatedSecondsLeft(BillRunSummary run, Duration elapsed) {
        long done = run.billed() + run.failed();
        if (run.status() != BillRunStatus.STARTED || elapsed == null || run.subscriptionsTotal() == null
                || done == 0) {
            return null;
        }
        long left = Math.max(run.subscriptionsTotal() - done, 0);
        return elapsed.toMillis() * left / done / 1000;
    }
}
