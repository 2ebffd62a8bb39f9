package org.subledger.command.scheduling;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.subscription.DeactivateSubscription;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/**
 * The one way the ledger's own work sends a subscription command, on an in-memory event store: keyed, a command
 * whose effect is on the stream under the same key is not sent again, a refusal is reported with its code. Used by
 * the scheduled actions' runner and by the collections runs.
 */
class KeyedSubscriptionCommandsTest {

    static final String KEY = "scheduled-action:sa-1";
    static final String SUB = "sub-1";
    static final DeactivateSubscription DEACTIVATE = new DeactivateSubscription(SUB, LocalDate.parse("2026-03-11"),
            null);

    final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    final CommandGateway gateway = mock(CommandGateway.class);
    final List<CommandMessage<?>> sent = new ArrayList<>();
    final KeyedSubscriptionCommands commands = new KeyedSubscriptionCommands(gateway, eventStore);

    @AfterEach
    void stop() {
        commands.destroy();
        eventStore.shutDown();
    }

    void record(long sequence, String idempotencyKey) {
        MetaData metaData = idempotencyKey == null ? MetaData.emptyInstance()
                : MetaData.with(LedgerMetadata.IDEMPOTENCY_KEY, idempotencyKey);
        eventStore.publish(new GenericDomainEventMessage<>("Subscription", SUB, sequence, "event " + sequence,
                metaData));
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
    void theCommandIsSentKeyed() {
        gatewayAnswers(null);
        record(0, null);

        assertThat(commands.send(KEY, SUB, DEACTIVATE, true)).isNull();

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getPayload()).isEqualTo(DEACTIVATE);
        assertThat(sent.get(0).getMetaData()).containsEntry(LedgerMetadata.IDEMPOTENCY_KEY, KEY);
    }

    @Test
    void aCommandWhoseEventsAreAlreadyOnTheSubscriptionsStreamIsNotSentAgain() {
        gatewayAnswers(new LedgerRefusal(ErrorCode.SUBSCRIPTION_STATE_INVALID, "already deactivated"));
        record(0, null);
        record(1, KEY); // the first attempt's deactivation

        assertThat(commands.send(KEY, SUB, DEACTIVATE, true)).as("done, not refused").isNull();
        assertThat(sent).isEmpty();
    }

    @Test
    void anotherKeysEventsDoNotCountAndARefusalIsReported() {
        gatewayAnswers(new LedgerRefusal(ErrorCode.SUBSCRIPTION_STATE_INVALID, "not effective"));
        record(0, "scheduled-action:another-action");

        var refusal = commands.send(KEY, SUB, DEACTIVATE, true);

        assertThat(refusal.code()).isEqualTo(ErrorCode.SUBSCRIPTION_STATE_INVALID);
        assertThat(sent).hasSize(1);
        assertThat(Map.copyOf(sent.get(0).getMetaData())).containsEntry(LedgerMetadata.IDEMPOTENCY_KEY, KEY);
    }

    @Test
    void workThatCannotHaveSentItDoesNotLookAtTheStream() {
        gatewayAnswers(new LedgerRefusal(ErrorCode.SUBSCRIPTION_STATE_INVALID, "already deactivated"));
        record(0, KEY);

        assertThat(commands.send(KEY, SUB, DEACTIVATE, false).code()).isEqualTo(ErrorCode.SUBSCRIPTION_STATE_INVALID);
        assertThat(sent).hasSize(1);
    }

    @Test
    void aScheduledActionsRunnerKeysByTheAction() {
        gatewayAnswers(null);
        record(0, ScheduledActionCommands.idempotencyKey("sa-0")); // an earlier action on the same subscription

        assertThat(new GatewayScheduledActionRunner(commands, true).run("sa-1", SUB, DEACTIVATE)).isNull();

        assertThat(sent.get(0).getMetaData()).containsEntry(LedgerMetadata.IDEMPOTENCY_KEY,
                ScheduledActionCommands.idempotencyKey("sa-1"));
    }
}
