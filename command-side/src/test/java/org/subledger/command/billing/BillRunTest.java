package org.subledger.command.billing;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.BillRunCandidatesSelected;
import org.subledger.kernel.billing.BillRunCompleted;
import org.subledger.kernel.billing.BillRunStarted;
import org.subledger.kernel.billing.CompleteBillRun;
import org.subledger.kernel.billing.RecordBillRunCandidates;
import org.subledger.kernel.billing.StartBillRun;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.error.LedgerRefusal;

import java.time.LocalDate;

class BillRunTest {

    private static final String RUN = "5a3a8f0e-7c1b-4d2e-9f40-0b8d6f1e2a31";
    private static final LocalDate FEBRUARY = LocalDate.of(2026, 2, 1);

    private AggregateTestFixture<BillRun> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(BillRun.class);
    }

    @Test
    void aRunIsStartedForABillingDateWithItsFilters() {
        fixture.givenNoPriorActivity()
                .when(new StartBillRun(RUN, FEBRUARY, BillingFrequency.MONTHLY, " GOLD "))
                .expectEvents(new BillRunStarted(RUN, FEBRUARY, BillingFrequency.MONTHLY, "GOLD"));
    }

    @Test
    void aRunMayBeScopedToSomeAccountsEachNamedOnce() {
        fixture.givenNoPriorActivity()
                .when(new StartBillRun(RUN, FEBRUARY, null, null, java.util.List.of("acc-1", " acc-2", "acc-1")))
                .expectEvents(new BillRunStarted(RUN, FEBRUARY, null, null, java.util.List.of("acc-1", "acc-2")));
    }

    @Test
    void aScopeNamesAtLeastOneAccountAndNotTooMany() {
        fixture.givenNoPriorActivity()
                .when(new StartBillRun(RUN, FEBRUARY, null, null, java.util.List.of()))
                .expectNoEvents().expectException(LedgerRefusal.class);
        var tooMany = java.util.stream.IntStream.rangeClosed(0, BillRun.MAX_ACCOUNTS)
                .mapToObj(i -> "acc-" + i).toList();
        fixture.givenNoPriorActivity()
                .when(new StartBillRun(RUN, FEBRUARY, null, null, tooMany))
                .expectNoEvents().expectException(LedgerRefusal.class);
    }

    @Test
    void aRunNeedsABillingDate() {
        fixture.givenNoPriorActivity()
                .when(new StartBillRun(RUN, null, null, null))
                .expectNoEvents()
                .expectExceptionMessage("billingDate: is required");
    }

    @Test
    void aRunIdIsAUuid() {
        fixture.givenNoPriorActivity()
                .when(new StartBillRun("run-1", FEBRUARY, null, null))
                .expectNoEvents()
                .expectException(LedgerRefusal.class);
    }

    @Test
    void aRunIsStartedOnce() {
        fixture.given(new BillRunStarted(RUN, FEBRUARY, null, null))
                .when(new StartBillRun(RUN, FEBRUARY, null, null))
                .expectNoEvents()
                .expectException(LedgerRefusal.class)
                .expectExceptionMessage("Bill run " + RUN + " exists");
    }

    @Test
    void theSelectedCandidatesAreRecordedOnce() {
        fixture.given(new BillRunStarted(RUN, FEBRUARY, null, null))
                .when(new RecordBillRunCandidates(RUN, 12))
                .expectEvents(new BillRunCandidatesSelected(RUN, 12));
    }

    @Test
    void recordingTheCandidatesAgainRecordsNothing() {
        fixture.given(new BillRunStarted(RUN, FEBRUARY, null, null), new BillRunCandidatesSelected(RUN, 12))
                .when(new RecordBillRunCandidates(RUN, 12))
                .expectNoEvents();
    }

    @Test
    void aRunCompletesWithItsCounts() {
        fixture.given(new BillRunStarted(RUN, FEBRUARY, null, null), new BillRunCandidatesSelected(RUN, 12))
                .when(new CompleteBillRun(RUN, 12, 10, 1, 1))
                .expectEvents(new BillRunCompleted(RUN, 12, 10, 1, 1));
    }

    @Test
    void aCompletedRunCompletesOnce() {
        fixture.given(new BillRunStarted(RUN, FEBRUARY, null, null), new BillRunCompleted(RUN, 12, 10, 1, 1))
                .when(new CompleteBillRun(RUN, 12, 10, 1, 1))
                .expectNoEvents();
    }
}
