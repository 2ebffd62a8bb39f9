package org.subledger.query.billing;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.query.BillRunStatus;
import org.subledger.kernel.billing.query.BillRunSummary;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's duration, and the time it will probably still take at the rate so far. */
class BillRunViewTest {

    private static final Instant START = Instant.parse("2026-02-01T02:00:00Z");

    @Test
    void aRunningRunEstimatesWhatIsLeftAtItsRateSoFar() {
        // 400 of 1,000 done in 120 s: 600 left at 3.33 a second
        var view = BillRunView.of(run(BillRunStatus.STARTED, 1_000L, 300, 100, null), START.plusSeconds(120));

        assertThat(view.durationSeconds()).isEqualTo(120);
        assertThat(view.estimatedSecondsLeft()).isEqualTo(180);
        assertThat(view.startedBy()).isEqualTo("billing");
    }

    @Test
    void aRunThatHasDoneNothingYetOrWhoseCandidatesAreNotSelectedHasNoEstimate() {
        assertThat(BillRunView.of(run(BillRunStatus.STARTED, 1_000L, 0, 0, null), START.plusSeconds(5))
                .estimatedSecondsLeft()).isNull();
        assertThat(BillRunView.of(run(BillRunStatus.STARTED, null, 3, 0, null), START.plusSeconds(5))
                .estimatedSecondsLeft()).isNull();
    }

    @Test
    void aCompletedRunTookFromItsStartToItsCompletionAndHasNothingLeft() {
        var view = BillRunView.of(run(BillRunStatus.COMPLETED, 10L, 9, 1, START.plusSeconds(42)),
                START.plusSeconds(3_600));

        assertThat(view.durationSeconds()).isEqualTo(42);
        assertThat(view.estimatedSecondsLeft()).isNull();
    }

    private static BillRunSummary run(BillRunStatus status, Long total, long billed, long failed, Instant completed) {
        return new BillRunSummary("RUN-1", status, LocalDate.of(2026, 2, 1), null, null, total, billed, failed,
                status == BillRunStatus.COMPLETED ? 0L : null, START, completed, "billing");
    }
}
