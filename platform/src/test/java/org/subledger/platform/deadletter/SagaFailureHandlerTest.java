package org.subledger.platform.deadletter;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** A saga's technical failure is retried with back-off, then dead-lettered; the processor moves on. */
class SagaFailureHandlerTest {

    final SequencedDeadLetterQueue<EventMessage<?>> queue = InMemorySequencedDeadLetterQueue.defaultQueue();
    final SagaDeadLetterSequencing sequencing = new SagaDeadLetterSequencing(() -> queue);
    final List<Duration> pauses = new ArrayList<>();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final SagaFailureHandler handler = new SagaFailureHandler("event-charges",
            new SagaRetryProperties(3, Duration.ofMillis(500), null).backOffs(), () -> queue, sequencing, pauses::add,
            registry);

    static EventMessage<?> event(String subscriptionId, long sequence) {
        return new GenericDomainEventMessage<>("Subscription", subscriptionId, sequence, "event " + sequence);
    }

    /** A saga that fails its first {@code failures} attempts. */
    static final class FlakySaga implements EventMessageHandler {
        int failures;
        int attempts;

        FlakySaga(int failures) {
            this.failures = failures;
        }

        @Override
        public Object handle(EventMessage<?> event) {
            attempts++;
            if (attempts <= failures) {
                throw new IllegalStateException("connection reset, attempt " + attempts);
            }
            return null;
        }
    }

    @Test
    void aFailureThatPassesIsRetriedAfterBackOffsAndNothingIsDeadLettered() throws Exception {
        var saga = new FlakySaga(1); // the processor saw the first failure; the first retry fails too
        handler.onError(new IllegalStateException("connection reset"), event("sub-1", 0), saga);

        assertThat(saga.attempts).isEqualTo(2);
        assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(queue.size()).isZero();
        assertThat(failures("recovered")).isEqualTo(1);
        assertThat(failures("dead_lettered")).isZero();
    }

    @Test
    void aFailureThatStaysIsDeadLetteredWithItsCauseAndTheProcessorMovesOn() throws Exception {
        var saga = new FlakySaga(Integer.MAX_VALUE);
        EventMessage<?> event = event("sub-1", 3);
        handler.onError(new IllegalStateException("connection reset"), event, saga);

        assertThat(saga.attempts).isEqualTo(3);
        assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(queue.contains("sub-1")).isTrue();
        DeadLetter<? extends EventMessage<?>> letter = queue.deadLetterSequence("sub-1").iterator().next();
        assertThat(letter.message().getIdentifier()).isEqualTo(event.getIdentifier());
        assertThat(letter.cause().orElseThrow().message()).isEqualTo("connection reset, attempt 3");
        assertThat(failures("dead_lettered")).isEqualTo(1);
        assertThat(failures("recovered")).isZero();
    }

    private double failures(String outcome) {
        return registry.get(SagaFailureHandler.METRIC).tag("saga", "event-charges").tag("outcome", outcome).counter()
                .count();
    }

    @Test
    void laterEventsOfADeadLetteredSubscriptionQueueBehindItAndOthersGoOn() throws Exception {
        handler.onError(new IllegalStateException("down"), event("sub-1", 0), new FlakySaga(Integer.MAX_VALUE));
        List<Object> handled = new ArrayList<>();

        EventMessage<?> later = event("sub-1", 1);
        intercept(later, handled);
        intercept(later, handled); // offered again by another segment's work package
        intercept(event("sub-2", 0), handled);

        assertThat(handled).containsExactly("sub-2");
        List<Long> queued = StreamSupport.stream(queue.deadLetterSequence("sub-1").spliterator(), false)
                .map(letter -> ((GenericDomainEventMessage<?>) letter.message()).getSequenceNumber()).toList();
        assertThat(queued).containsExactly(0L, 1L);
    }

    private void intercept(EventMessage<?> event, List<Object> handled) throws Exception {
        var unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            InterceptorChain chain = () -> handled.add(((GenericDomainEventMessage<?>) event).getAggregateIdentifier());
            sequencing.handle(unitOfWork, chain);
        } finally {
            unitOfWork.commit();
        }
    }
}
