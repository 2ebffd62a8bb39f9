package org.subledger.command.process;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.process.ProcessStepRefusalResolved;
import org.subledger.kernel.process.ProcessStepRefused;
import org.subledger.kernel.process.RecordProcessStepRefusal;
import org.subledger.kernel.process.ResolveProcessStepRefusal;

class ProcessStepRefusalTest {

    static final String STEP = "early-termination:sub-1";
    static final String ID = RecordProcessStepRefusal.refusalId(STEP);
    static final RecordProcessStepRefusal RECORD = new RecordProcessStepRefusal(ID, "event-charges",
            "early-termination-penalty", STEP, "sub-1", "acc-1", "PostCharge", ErrorCode.ACCOUNT_CLOSED,
            "Account acc-1 is closed");
    static final ProcessStepRefused REFUSED = new ProcessStepRefused(ID, "event-charges",
            "early-termination-penalty", STEP, "sub-1", "acc-1", "PostCharge", ErrorCode.ACCOUNT_CLOSED,
            "Account acc-1 is closed");

    FixtureConfiguration<ProcessStepRefusal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProcessStepRefusal.class);
    }

    @Test
    void recordsWhatWasRefusedAndWhy() {
        fixture.givenNoPriorActivity()
                .when(RECORD)
                .expectEvents(REFUSED);
    }

    @Test
    void theSameStepRefusedAgainIsRecordedOnce() {
        fixture.given(REFUSED)
                .when(RECORD)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aResolutionIsRecordedWithWhoResolvedIt() {
        fixture.given(REFUSED)
                .when(new ResolveProcessStepRefusal(ID, "waived, customer left", "supervisor"))
                .expectEvents(new ProcessStepRefusalResolved(ID, "waived, customer left", "supervisor"));
    }

    @Test
    void aResolvedRefusalStaysResolved() {
        fixture.given(REFUSED, new ProcessStepRefusalResolved(ID, "waived", "supervisor"))
                .when(new ResolveProcessStepRefusal(ID, "again", "admin"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
