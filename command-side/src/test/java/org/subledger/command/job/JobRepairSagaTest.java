package org.subledger.command.job;

import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.command.process.ProcessSteps;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.job.JobCancelled;
import org.subledger.kernel.job.JobCompleted;
import org.subledger.kernel.job.JobGood;
import org.subledger.kernel.job.JobGoodRemoved;
import org.subledger.kernel.job.JobReplacementDelivered;
import org.subledger.kernel.job.RecordJobReplacementRefusal;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.process.RecordProcessStepRefusal;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.SwapInstalledItem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JobRepairSagaTest {

    static final String JOB = "5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    static final String SUBSCRIPTION = "7a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d";
    static final LocalDate DONE = LocalDate.of(2026, 4, 10);

    SagaTestFixture<JobRepairSaga> fixture;
    List<MetaData> sent = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(JobRepairSaga.class);
        fixture.registerResource(new ProcessSteps(DefaultCommandGateway.builder()
                .commandBus(fixture.getCommandBus()).build()));
    }

    static JobReplacementDelivered replacement(String line, String replaced, String serial) {
        return new JobReplacementDelivered(JOB, line, SUBSCRIPTION, replaced, new InstalledItem(serial, "DECODER"));
    }

    static SwapInstalledItem swap(String replaced, String serial) {
        return new SwapInstalledItem(SUBSCRIPTION, replaced, new InstalledItem(serial, "DECODER"), DONE,
                ActionClassification.none());
    }

    static JobCompleted completed() {
        return new JobCompleted(JOB, "acc-1", DONE, DONE, false, null);
    }

    @Test
    void completingARepairSwapsEachReplacedItemOnTheSubscriptionWithTheJobAsCause() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            sent.add(metaData);
            return null;
        });
        fixture.givenAggregate(JOB).published(replacement("g1", "SN-OLD", "SN-NEW"),
                        replacement("g2", "SN-OLD-2", "SN-NEW-2"))
                .whenAggregate(JOB).publishes(completed())
                .expectActiveSagas(0)
                .expectDispatchedCommands(swap("SN-OLD", "SN-NEW"), swap("SN-OLD-2", "SN-NEW-2"));
        assertThat(sent).hasSize(2).allSatisfy(metaData ->
                assertThat(metaData).containsEntry(LedgerMetadata.CAUSE, "job:" + JOB));
    }

    @Test
    void aReplacementTakenOffTheJobIsNotSwapped() {
        fixture.givenAggregate(JOB).published(replacement("g1", "SN-OLD", "SN-NEW"),
                        new JobGoodRemoved(JOB, new JobGood("g1", "DECODER", "SN-NEW", 1), null),
                        replacement("g2", "SN-OLD", "SN-OTHER"))
                .whenAggregate(JOB).publishes(completed())
                .expectDispatchedCommands(swap("SN-OLD", "SN-OTHER"));
    }

    @Test
    void aCancelledRepairSwapsNothing() {
        fixture.givenAggregate(JOB).published(replacement("g1", "SN-OLD", "SN-NEW"))
                .whenAggregate(JOB).publishes(new JobCancelled(JOB, DONE, "not needed"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void aRefusedSwapIsListedAsNeedingAttentionCompensatedOnTheJobAndTheNextSwapStillGoes() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof SwapInstalledItem swap && swap.serialNumber().equals("SN-OLD")) {
                throw new LedgerRefusal(ErrorCode.SUBSCRIPTION_RULE_VIOLATED, "SN-OLD is not installed");
            }
            sent.add(metaData);
            return null;
        });
        String stepId = JobRepairSaga.stepId(JOB, "g1");
        fixture.givenAggregate(JOB).published(replacement("g1", "SN-OLD", "SN-NEW"),
                        replacement("g2", "SN-OLD-2", "SN-NEW-2"))
                .whenAggregate(JOB).publishes(completed())
                .expectActiveSagas(0)
                .expectDispatchedCommands(swap("SN-OLD", "SN-NEW"),
                        new RecordProcessStepRefusal(RecordProcessStepRefusal.refusalId(stepId), JobRepairSaga.PROCESS,
                                JobRepairSaga.STEP, stepId, JOB, SUBSCRIPTION, "SwapInstalledItem",
                                ErrorCode.SUBSCRIPTION_RULE_VIOLATED, "SN-OLD is not installed"),
                        new RecordJobReplacementRefusal(JOB, "g1", "SUBSCRIPTION_RULE_VIOLATED",
                                "SN-OLD is not installed"),
                        swap("SN-OLD-2", "SN-NEW-2"));
        // the compensation carries the job as its cause, like the swap it compensates
        assertThat(sent).anySatisfy(metaData -> assertThat(metaData).containsEntry(LedgerMetadata.CAUSE, "job:" + JOB));
    }
}
