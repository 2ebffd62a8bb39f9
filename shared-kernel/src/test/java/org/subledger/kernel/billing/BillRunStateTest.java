package org.subledger.kernel.billing;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.query.BillRunStatus;
import org.subledger.kernel.catalog.BillingFrequency;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class BillRunStateTest {

    private static final Instant STARTED = Instant.parse("2026-02-01T04:00:00Z");
    private static final Instant COMPLETED = Instant.parse("2026-02-01T04:05:00Z");
    private static final LocalDate FEBRUARY = LocalDate.of(2026, 2, 1);

    @Test
    void nothingBeforeTheRunStarted() {
        assertThat(new BillRunState().summary(3, 1, "billing")).isNull();
        assertThat(new BillRunState().started()).isFalse();
    }

    @Test
    void aRunningRunCountsWhatTheReaderFoundSoFar() {
        var state = new BillRunState()
                .apply(new BillRunStarted("RUN", FEBRUARY, BillingFrequency.MONTHLY, "GOLD"), STARTED)
                .apply(new BillRunCandidatesSelected("RUN", 10), STARTED.plusSeconds(1));
        var run = state.summary(4, 1, "billing");
        assertThat(run.status()).isEqualTo(BillRunStatus.STARTED);
        assertThat(run.subscriptionsTotal()).isEqualTo(10);
        assertThat(run.billed()).isEqualTo(4);
        assertThat(run.failed()).isEqualTo(1);
        assertThat(run.skipped()).isNull();
        assertThat(run.startedAt()).isEqualTo(STARTED);
        assertThat(run.completedAt()).isNull();
        assertThat(run.billingFrequency()).isEqualTo(BillingFrequency.MONTHLY);
        assertThat(run.subscriptionTypeCode()).isEqualTo("GOLD");
        assertThat(run.startedBy()).isEqualTo("billing");
        assertThat(state.candidatesSelected()).isTrue();
        assertThat(state.completed()).isFalse();
    }

    @Test
    void aCompletedRunStandsByItsOwnCounts() {
        var run = new BillRunState()
                .apply(new BillRunStarted("RUN", FEBRUARY, null, null), STARTED)
                .apply(new BillRunCandidatesSelected("RUN", 10), STARTED)
                .apply(new BillRunCompleted("RUN", 10, 7, 2, 1), COMPLETED)
                .summary(99, 99, "billing");
        assertThat(run.status()).isEqualTo(BillRunStatus.COMPLETED);
        assertThat(run.billed()).isEqualTo(7);
        assertThat(run.skipped()).isEqualTo(2);
        assertThat(run.failed()).isEqualTo(1);
        assertThat(run.completedAt()).isEqualTo(COMPLETED);
    }
}
