package org.subledger.command.collections;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.collections.CollectionRunBatchProcessed;
import org.subledger.kernel.collections.CollectionRunCandidatesSelected;
import org.subledger.kernel.collections.CollectionRunCompleted;
import org.subledger.kernel.collections.CollectionRunStarted;
import org.subledger.kernel.collections.CompleteCollectionRun;
import org.subledger.kernel.collections.RecordCollectionRunBatch;
import org.subledger.kernel.collections.RecordCollectionRunCandidates;
import org.subledger.kernel.collections.RunKind;
import org.subledger.kernel.collections.RunOutcome;
import org.subledger.kernel.collections.RunSettings;
import org.subledger.kernel.collections.StartCollectionRun;

import java.time.LocalDate;
import java.util.List;

/** A run records each step once: repeats by a node resuming it are ignored, so its counts stay exact. */
class CollectionRunTest {

    private static final String RUN = "run-1";
    private static final LocalDate AS_OF = LocalDate.of(2026, 4, 6);
    private static final RunSettings BATCHES_OF_TWO = new RunSettings("Bad creditors", RunKind.DEACTIVATION, null,
            null, "CAA", null, null, List.of(), 2, null, null, null, null);
    private static final CollectionRunStarted STARTED =
            new CollectionRunStarted(RUN, "def-1", BATCHES_OF_TWO, AS_OF);
    private static final CollectionRunCandidatesSelected THREE =
            new CollectionRunCandidatesSelected(RUN, List.of("s1", "s2", "s3"));
    private static final List<RunOutcome> FIRST_BATCH = List.of(RunOutcome.acted("s1"),
            RunOutcome.refused("s2", "SUBSCRIPTION_STATE_INVALID", "not effective"));

    private AggregateTestFixture<CollectionRun> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(CollectionRun.class);
    }

    @Test
    void aRunStartsWithTheSettingsOfItsDefinition() {
        fixture.givenNoPriorActivity()
                .when(new StartCollectionRun(RUN, "def-1", BATCHES_OF_TWO, AS_OF))
                .expectEvents(STARTED);
    }

    @Test
    void aRunAskedForTwiceStartsOnce() {
        fixture.given(STARTED)
                .when(new StartCollectionRun(RUN, "def-1", BATCHES_OF_TWO, AS_OF))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void itsCandidatesAreFrozenOnce() {
        fixture.given(STARTED, THREE)
                .when(new RecordCollectionRunCandidates(RUN, List.of("s9")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aBatchRecordsWhatWasActedOnAndWhatWasRefused() {
        fixture.given(STARTED, THREE)
                .when(new RecordCollectionRunBatch(RUN, 0, FIRST_BATCH))
                .expectEvents(new CollectionRunBatchProcessed(RUN, 0, FIRST_BATCH));
    }

    @Test
    void aBatchRecordedAlreadyIsNotRecordedAgain() {
        fixture.given(STARTED, THREE, new CollectionRunBatchProcessed(RUN, 0, FIRST_BATCH))
                .when(new RecordCollectionRunBatch(RUN, 0, List.of(RunOutcome.acted("s1"), RunOutcome.acted("s2"))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRunIsNotCompletedWhileABatchIsOutstanding() {
        fixture.given(STARTED, THREE, new CollectionRunBatchProcessed(RUN, 0, FIRST_BATCH))
                .when(new CompleteCollectionRun(RUN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCompletedRunCountsMatchedActedFailedAndBatches() {
        fixture.given(STARTED, THREE, new CollectionRunBatchProcessed(RUN, 0, FIRST_BATCH),
                        new CollectionRunBatchProcessed(RUN, 1, List.of(RunOutcome.acted("s3"))))
                .when(new CompleteCollectionRun(RUN))
                .expectEvents(new CollectionRunCompleted(RUN, 3, 2, 1, 2));
    }

    @Test
    void aRunWithNothingToDoCompletesWithNoBatch() {
        fixture.given(STARTED, new CollectionRunCandidatesSelected(RUN, List.of()))
                .when(new CompleteCollectionRun(RUN))
                .expectEvents(new CollectionRunCompleted(RUN, 0, 0, 0, 0));
    }
}
