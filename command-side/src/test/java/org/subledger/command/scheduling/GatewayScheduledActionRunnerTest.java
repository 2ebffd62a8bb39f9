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

/** The real runner on an in-memory event store: a command whose effect is on the stream is not sent again. */
class GatewayScheduledActionRunnerTest {

    static final String ACTION = "sa-1";
    static final String SUB = "sub-1";
    static final DeactivateSubscription DEACTIVATE = new DeactivateSubscription(SUB, LocalDate.parse("2026-03-11"),
            null);

    final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    final CommandGateway gateway = mock(CommandGateway.class);
    final List<CommandMessage<?>> sent = new ArrayList<>();
    final GatewayScheduledActionRunner runner = new GatewayScheduledActionRunner(gateway, eventStore);

    @AfterEach
    void stop() {
        runner.destroy();
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
    void theCommandIsSentKeyedByTheScheduledAction() {
        gatewayAnswers(null);
        record(0, null);

        assertThat(runner.run(ACTION, SUB, DEACTIVATE)).isNull();

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getPayload()).isEqualTo(DEACTIVATE);
        assertThat(sent.get(0).getMetaData()).containsEntry(LedgerMetadata.IDEMPOTENCY_KEY,
                ScheduledActionCommands.idempotencyKey(ACTION));
    }

    @Test
    void aCommandWhoseEventsAreAlreadyOnTheSubscriptionsStreamIsNotSentAgain() {
        gatewayAnswers(new LedgerRefusal(ErrorCode.SUBSCRIPTION_STATE_INVALID, "already deactivated"));
        record(0, null);
        record(1, ScheduledActionCommands.idempotencyKey(ACTION)); // the first delivery's deactivation

        assertThat(runner.run(ACTION, SUB, DEACTIVATE)).as("done, not refused").isNull();
        assertThat(sent).isEmpty();
    }

    @Test
    void anotherActionsEventsDoNotCountAndARefusalIsReported() {
        gatewayAnswers(new LedgerRefusal(ErrorCode.SUBSCRIPTION_STATE_INVALID, "not effective"));
        record(0, ScheduledActionCommands.idempotencyKey("another-action"));

        var refusal = runner.run(ACTION, SUB, DEACTIVATE);

        assertThat(refusal.code()).isEqualTo(ErrorCode.SUBSCRIPTION_STATE_INVALID);
        assertThat(sent).hasSize(1);
        assertThat(Map.copyOf(sent.get(0).getMetaData())).containsEntry(LedgerMetadata.IDEMPOTENCY_KEY,
                ScheduledActionCommands.idempotencyKey(ACTION));
    }
}
