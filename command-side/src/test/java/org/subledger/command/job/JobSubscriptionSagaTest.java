package org.subledger.command.job;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.job.JobCancelled;
import org.subledger.kernel.job.JobCompleted;
import org.subledger.kernel.job.JobCreated;
import org.subledger.kernel.job.JobGood;
import org.subledger.kernel.job.JobGoodAdded;
import org.subledger.kernel.job.JobGoodRemoved;
import org.subledger.kernel.job.RecordJobSubscriptionRefusal;
import org.subledger.kernel.job.SubscriptionRequest;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.ActivateSubscription;
import org.subledger.kernel.subscription.BecomeSubscriber;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;

import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobSubscriptionSagaTest {

    static final String JOB = "5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    static final String SUBSCRIPTION = "7a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d";
    static final LocalDate EXPECTED = LocalDate.of(2026, 4, 10);
    static final BillingTerms TERMS = new BillingTerms("RESIDENTIAL", null, null, null, null, null, null, null);
    static final SubscriptionRequest REQUEST = new SubscriptionRequest(SUBSCRIPTION, "GOLD", TERMS,
            List.of(new Distributor("STB-1", "NAGRA")),
            List.of(new SubscriptionService("GOLD", null, null, null, null, Set.of("STB-1"))));

    SagaTestFixture<JobSubscriptionSaga> fixture;
    List<MetaData> sent = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(JobSubscriptionSaga.class);
    }

    static JobCreated order() {
        return new JobCreated(JOB, "acc-1", "INSTALLATION", "RESIDENTIAL", "STANDARD", EXPECTED.minusDays(9),
                EXPECTED, "CUSTOMER-SERVICE", REQUEST);
    }

    static JobCompleted completed() {
        return new JobCompleted(JOB, "acc-1", EXPECTED, EXPECTED, false, null);
    }

    static ActivateSubscription activation() {
        return new ActivateSubscription(SUBSCRIPTION, EXPECTED, ActionClassification.none());
    }

    static BecomeSubscriber subscription() {
        return new BecomeSubscriber(SUBSCRIPTION, "acc-1", "GOLD", TERMS, null, null, SubscriptionState.DRAFT,
                REQUEST.distributors(), REQUEST.services(), List.of(new InstalledItem("SN-1", "DECODER")), EXPECTED,
                null, "CUSTOMER-SERVICE");
    }

    @Test
    void anOrderJobCreatesItsDraftWithItsDecoderAndActivatesItWhenItCompletesWithTheJobAsCause() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            sent.add(metaData);
            return null;
        });
        fixture.givenAggregate(JOB).published(order(), new JobGoodAdded(JOB, new JobGood("g1", "DECODER", "SN-1", 1)),
                        new JobGoodAdded(JOB, new JobGood("g2", "ANTENNA", null, 1)))
                .whenAggregate(JOB).publishes(completed())
                .expectActiveSagas(0)
                .expectDispatchedCommands(subscription(), activation());
        assertThat(sent).hasSize(2).allSatisfy(metaData ->
                assertThat(metaData).containsEntry(LedgerMetadata.CAUSE, "job:" + JOB));
    }

    @Test
    void anOrderWithoutADistributorStaysADraft() {
        var request = new SubscriptionRequest(SUBSCRIPTION, "GOLD", TERMS, List.of(), List.of());
        fixture.givenAggregate(JOB).published(new JobCreated(JOB, "acc-1", "INSTALLATION", "RESIDENTIAL",
                        "STANDARD", EXPECTED, EXPECTED, "CUSTOMER-SERVICE", request))
                .whenAggregate(JOB).publishes(completed())
                .expectActiveSagas(0)
                .expectDispatchedCommands(new BecomeSubscriber(SUBSCRIPTION, "acc-1", "GOLD", TERMS, null, null,
                        SubscriptionState.DRAFT, List.of(), List.of(), List.of(), EXPECTED, null,
                        "CUSTOMER-SERVICE"));
    }

    @Test
    void aRefusedActivationIsRecordedOnTheJobAndTheProcessEnds() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof ActivateSubscription) {
                throw new LedgerRefusal(ErrorCode.CREDIT_LIMIT_EXCEEDED, "over the limit");
            }
            return null;
        });
        fixture.givenAggregate(JOB).published(order(), new JobGoodAdded(JOB, new JobGood("g1", "DECODER", "SN-1", 1)))
                .whenAggregate(JOB).publishes(completed())
                .expectActiveSagas(0)
                .expectDispatchedCommands(subscription(), activation(), new RecordJobSubscriptionRefusal(JOB,
                        SUBSCRIPTION, "CREDIT_LIMIT_EXCEEDED", "over the limit"));
    }

    @Test
    void aDecoderTakenOffTheJobIsNotInstalledOnTheSubscription() {
        var wrong = new JobGood("g0", "DECODER", "SN-0", 1);
        fixture.givenAggregate(JOB).published(order(), new JobGoodAdded(JOB, wrong),
                        new JobGoodRemoved(JOB, wrong, "wrong decoder"),
                        new JobGoodAdded(JOB, new JobGood("g1", "DECODER", "SN-1", 1)))
                .whenAggregate(JOB).publishes(completed())
                .expectDispatchedCommands(subscription(), activation());
    }

    @Test
    void aJobWithoutASubscriptionRequestOrdersNothing() {
        fixture.givenNoPriorActivity()
                .whenAggregate(JOB).publishes(new JobCreated(JOB, "acc-1", "REPAIR", "RESIDENTIAL", "STANDARD",
                        EXPECTED, EXPECTED, "CUSTOMER-SERVICE", null))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void aCancelledJobOrdersNothing() {
        fixture.givenAggregate(JOB).published(order())
                .whenAggregate(JOB).publishes(new JobCancelled(JOB, EXPECTED, "called off"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void aRefusedSubscriptionIsRecordedOnTheJobAndTheProcessEnds() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof BecomeSubscriber) {
                throw new LedgerRefusal(ErrorCode.CREDIT_LIMIT_EXCEEDED, "over the limit");
            }
            return null;
        });
        fixture.givenAggregate(JOB).published(order(), new JobGoodAdded(JOB, new JobGood("g1", "DECODER", "SN-1", 1)))
                .whenAggregate(JOB).publishes(completed())
                .expectActiveSagas(0)
                .expectDispatchedCommands(subscription(), new RecordJobSubscriptionRefusal(JOB, SUBSCRIPTION,
                        "CREDIT_LIMIT_EXCEEDED", "over the limit"));
    }

    @Test
    void aSubscriptionCreatedAndActivatedBeforeARedeliveryIsTheStepDone() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof BecomeSubscriber) {
                throw new LedgerRefusal(ErrorCode.SUBSCRIPTION_ALREADY_EXISTS, "exists");
            }
            throw new LedgerRefusal(ErrorCode.SUBSCRIPTION_STATE_INVALID, "is EFFECTIVE");
        });
        fixture.givenAggregate(JOB).published(order(), new JobGoodAdded(JOB, new JobGood("g1", "DECODER", "SN-1", 1)))
                .whenAggregate(JOB).publishes(completed())
                .expectActiveSagas(0)
                .expectDispatchedCommands(subscription(), activation());
    }

    @Test
    void aTechnicalFailureFailsTheEventSoItIsRetried() throws Exception {
        var saga = new JobSubscriptionSaga();
        var bus = SimpleCommandBus.builder().build();
        List<Object> attempts = new ArrayList<>();
        bus.subscribe(BecomeSubscriber.class.getName(), (CommandMessage<?> command) -> {
            attempts.add(command.getPayload());
            throw new IllegalStateException("connection reset");
        });
        Field gateway = JobSubscriptionSaga.class.getDeclaredField("commandGateway");
        gateway.setAccessible(true);
        gateway.set(saga, DefaultCommandGateway.builder().commandBus(bus).build());
        saga.on(order());

        assertThatThrownBy(() -> saga.on(completed())).hasMessageContaining("connection reset");
        assertThat(attempts).hasSize(1);
    }
}
