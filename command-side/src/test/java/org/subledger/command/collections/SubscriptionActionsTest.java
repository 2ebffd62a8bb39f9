package org.subledger.command.collections;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.subledger.command.scheduling.KeyedSubscriptionCommands;
import org.subledger.kernel.collections.RunKind;
import org.subledger.kernel.collections.RunOutcome;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.DeactivateSubscription;
import org.subledger.kernel.subscription.ReactivateSubscription;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/**
 * A run's subscription command: the kind's own command, keyed by the run, a refusal recorded with its code (sending
 * it once is {@code KeyedSubscriptionCommandsTest}'s).
 */
class SubscriptionActionsTest {

    static final String RUN = "run-1";
    static final String SUB = "sub-1";
    static final LocalDate TODAY = LocalDate.parse("2026-04-06");

    final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    final CommandGateway gateway = mock(CommandGateway.class);
    final List<CommandMessage<?>> sent = new ArrayList<>();
    final KeyedSubscriptionCommands keyed = new KeyedSubscriptionCommands(gateway, eventStore);
    final SubscriptionActions actions = new SubscriptionActions(keyed);

    @AfterEach
    void stop() {
        keyed.destroy();
        eventStore.shutDown();
    }

    void gatewayAnswers(RuntimeException failure) {
        doAnswer(invocation -> {
            sent.add(invocation.getArgument(0));
            if (failure != null) {
                throw failure;
            }
            return null;
        }).when(gateway).sendAndWait(any());
    }

    @Test
    void aDeactivationRunSendsTheSubscriptionsOwnCommandKeyedByTheRun() {
        gatewayAnswers(null);

        assertThat(actions.act(RUN, RunKind.DEACTIVATION, SUB, TODAY, false)).isEqualTo(RunOutcome.acted(SUB));

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getPayload())
                .isEqualTo(new DeactivateSubscription(SUB, TODAY, ActionClassification.none()));
        assertThat(sent.get(0).getMetaData()).containsEntry(LedgerMetadata.IDEMPOTENCY_KEY,
                CollectionRunCommands.idempotencyKey(RUN));
    }

    @Test
    void aReactivationRunSendsReactivate() {
        gatewayAnswers(null);

        actions.act(RUN, RunKind.REACTIVATION, SUB, TODAY, false);

        assertThat(sent.get(0).getPayload())
                .isEqualTo(new ReactivateSubscription(SUB, TODAY, ActionClassification.none()));
    }

    @Test
    void aRefusalIsRecordedWithItsCode() {
        gatewayAnswers(new LedgerRefusal(ErrorCode.SUBSCRIPTION_STATE_INVALID, "terminated"));

        assertThat(actions.act(RUN, RunKind.DEACTIVATION, SUB, TODAY, false))
                .isEqualTo(RunOutcome.refused(SUB, "SUBSCRIPTION_STATE_INVALID", "terminated"));
    }
}
