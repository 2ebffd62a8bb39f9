package org.subledger.command.provisioning;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.provisioning.AcknowledgeProvisioning;
import org.subledger.kernel.provisioning.ProvisioningAcknowledged;
import org.subledger.kernel.provisioning.ProvisioningFailed;
import org.subledger.kernel.provisioning.ProvisioningOperation;
import org.subledger.kernel.provisioning.ProvisioningRejected;
import org.subledger.kernel.provisioning.ProvisioningRequested;
import org.subledger.kernel.provisioning.ProvisioningSuperseded;
import org.subledger.kernel.provisioning.RejectProvisioning;
import org.subledger.kernel.provisioning.RequestProvisioning;
import org.subledger.kernel.provisioning.SupersedeProvisioning;

import java.time.Duration;

/** A provisioning request: acknowledged, retried with back-off after a rejection, failed, idempotent. */
class ProvisioningRequestTest {

    static final String SUBSCRIPTION = "sub-1";
    static final String ID = "provisioning:sub-1:0:NAGRA:STB-1:GOLD";

    AggregateTestFixture<ProvisioningRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProvisioningRequest.class);
    }

    static RequestProvisioning request() {
        return new RequestProvisioning(ID, SUBSCRIPTION, "NAGRA", "STB-1", "GOLD", "NML-GOLD",
                ProvisioningOperation.ACTIVATE);
    }

    static ProvisioningRequested requested(int attempt) {
        return new ProvisioningRequested(ID, SUBSCRIPTION, "NAGRA", "STB-1", "GOLD", "NML-GOLD",
                ProvisioningOperation.ACTIVATE, attempt);
    }

    @Test
    void aRequestIsRequestedOnceWithATimeout() {
        fixture.givenNoPriorActivity()
                .when(request())
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(1))
                .expectScheduledDeadlineWithName(ProvisioningRequest.TIMEOUT, ProvisioningRequest.TIMEOUT_DEADLINE);
    }

    @Test
    void theSameRequestAskedAgainIsANoOp() {
        fixture.given(requested(1))
                .when(request())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAcknowledgementIsRecordedAndEndsTheDeadlines() {
        fixture.givenCommands(request())
                .when(new AcknowledgeProvisioning(ID, 1))
                .expectEvents(new ProvisioningAcknowledged(ID, SUBSCRIPTION, "GOLD", ProvisioningOperation.ACTIVATE, 1))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aSecondAcknowledgementIsANoOp() {
        fixture.given(requested(1),
                        new ProvisioningAcknowledged(ID, SUBSCRIPTION, "GOLD", ProvisioningOperation.ACTIVATE, 1))
                .when(new AcknowledgeProvisioning(ID, 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRejectionIsRetriedAfterTheBackOff() {
        fixture.givenCommands(request())
                .when(new RejectProvisioning(ID, 1, "busy"))
                .expectEvents(new ProvisioningRejected(ID, SUBSCRIPTION, "GOLD", 1, "busy", 1000))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), ProvisioningRequest.RETRY_DEADLINE);
    }

    @Test
    void whenTheBackOffElapsesTheNextAttemptIsRequested() {
        fixture.givenCommands(request(), new RejectProvisioning(ID, 1, "busy"))
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectTriggeredDeadlinesWithName(ProvisioningRequest.RETRY_DEADLINE)
                .expectEvents(requested(2));
    }

    @Test
    void theBackOffDoubles() {
        fixture.given(requested(1), new ProvisioningRejected(ID, SUBSCRIPTION, "GOLD", 1, "busy", 1000),
                        requested(2))
                .when(new RejectProvisioning(ID, 2, "busy"))
                .expectEvents(new ProvisioningRejected(ID, SUBSCRIPTION, "GOLD", 2, "busy", 2000))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(2), ProvisioningRequest.RETRY_DEADLINE);
    }

    @Test
    void aDuplicateRejectionOfAnEarlierAttemptIsIgnored() {
        fixture.given(requested(1), new ProvisioningRejected(ID, SUBSCRIPTION, "GOLD", 1, "busy", 1000),
                        requested(2))
                .when(new RejectProvisioning(ID, 1, "busy"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theLastAttemptRejectedFailsTheRequest() {
        fixture.given(requested(ProvisioningRequest.MAX_ATTEMPTS))
                .when(new RejectProvisioning(ID, ProvisioningRequest.MAX_ATTEMPTS, "no such product"))
                .expectEvents(new ProvisioningFailed(ID, SUBSCRIPTION, "GOLD", ProvisioningRequest.MAX_ATTEMPTS,
                        "no such product"));
    }

    @Test
    void aRequestNeverAnsweredTimesOut() {
        fixture.givenCommands(request())
                .whenTimeElapses(ProvisioningRequest.TIMEOUT)
                .expectTriggeredDeadlinesWithName(ProvisioningRequest.TIMEOUT_DEADLINE)
                .expectEvents(new ProvisioningFailed(ID, SUBSCRIPTION, "GOLD", 1,
                        "not acknowledged within " + ProvisioningRequest.TIMEOUT));
    }

    // ---- superseded by a newer request for the same subscription, distributor and product --------------------------

    static final String NEWER = "provisioning:sub-1:4:NAGRA:STB-1:GOLD";

    @Test
    void aRejectedRequestWaitingForItsRetryIsSupersededAndNeverRequestedAgain() {
        fixture.givenCommands(request(), new RejectProvisioning(ID, 1, "busy"))
                .when(new SupersedeProvisioning(ID, NEWER))
                .expectEvents(new ProvisioningSuperseded(ID, SUBSCRIPTION, "GOLD", 1, NEWER))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aSupersededRequestIgnoresARetryDeadlineThatFiresAnywayAndLateAnswers() {
        fixture.givenCommands(request(), new RejectProvisioning(ID, 1, "busy"))
                .andGiven(new ProvisioningSuperseded(ID, SUBSCRIPTION, "GOLD", 1, NEWER)) // deadlines left in place
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectTriggeredDeadlinesWithName(ProvisioningRequest.RETRY_DEADLINE)
                .expectNoEvents();
        fixture.given(requested(1), new ProvisioningSuperseded(ID, SUBSCRIPTION, "GOLD", 1, NEWER))
                .when(new AcknowledgeProvisioning(ID, 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(requested(1), new ProvisioningSuperseded(ID, SUBSCRIPTION, "GOLD", 1, NEWER))
                .when(new RejectProvisioning(ID, 1, "busy"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAnsweredOrAlreadySupersededRequestIsNotSuperseded() {
        fixture.given(requested(1),
                        new ProvisioningAcknowledged(ID, SUBSCRIPTION, "GOLD", ProvisioningOperation.ACTIVATE, 1))
                .when(new SupersedeProvisioning(ID, NEWER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(requested(1), new ProvisioningFailed(ID, SUBSCRIPTION, "GOLD", 1, "refused"))
                .when(new SupersedeProvisioning(ID, NEWER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(requested(1), new ProvisioningSuperseded(ID, SUBSCRIPTION, "GOLD", 1, NEWER))
                .when(new SupersedeProvisioning(ID, "provisioning:sub-1:9:NAGRA:STB-1:GOLD"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
