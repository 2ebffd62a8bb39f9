package org.subledger.platform.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a saga's processing group does when a saga fails to handle an event for a technical reason (business
 * refusals never get here: command-side's ProcessSteps records them and the saga goes on). The event is handled
 * again after each back-off; if it still fails, it goes to the group's dead-letter queue in PostgreSQL, where
 * someone sees it and retries it ({@link DeadLetters}), and the processor moves on: one broken event never holds up
 * every later event of its segment. Later events of the same subscription queue behind it
 * ({@link SagaDeadLetterSequencing}).
 *
 * <p>Axon gives sagas no dead-letter queue of their own (its dead-lettering invoker wraps event handlers only), hence
 * this handler. The queue is the group's, from the platform's provider, so it is listed and written like every
 * other group's. The letter is written in the batch's transaction, with the token: both or neither. Should that
 * transaction itself be broken (a failed SQL statement inside it), the enqueue fails too and the batch is retried.
 */
class SagaFailureHandler implements ListenerInvocationErrorHandler {

    static final String METRIC = "ledger.saga.failures";

    private static final Logger LOG = LoggerFactory.getLogger(SagaFailureHandler.class);

    /** Waits a back-off; a test passes one that only records. */
    interface Pause {
        Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

        void pause(Duration duration) throws InterruptedException;
    }

    private final String processingGroup;
    private final List<Duration> backOffs;
    private final Supplier<SequencedDeadLetterQueue<EventMessage<?>>> queue;
    private final SagaDeadLetterSequencing sequencing;
    private final Pause pause;
    private final Counter recovered;
    private final Counter deadLettered;

    /**
     * Counts as {@code ledger.saga.failures{saga, outcome}}: {@code recovered} when a retry passed,
     * {@code dead_lettered} when every retry failed.
     */
    SagaFailureHandler(String processingGroup, List<Duration> backOffs,
                       Supplier<SequencedDeadLetterQueue<EventMessage<?>>> queue,
                       SagaDeadLetterSequencing sequencing, Pause pause, MeterRegistry registry) {
        this.processingGroup = processingGroup;
        this.backOffs = List.copyOf(backOffs);
        this.queue = queue;
        this.sequencing = sequencing;
        this.pause = pause;
        this.recovered = failures(registry, processingGroup, "recovered");
        this.deadLettered = failures(registry, processingGroup, "dead_lettered");
    }

    static Counter failures(MeterRegistry registry, String saga, String outcome) {
        return Counter.builder(METRIC).tag("saga", saga).tag("outcome", outcome)
                .description("technical failures of a saga's event handling, by how they ended").register(registry);
    }

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler saga) throws Exception {
        if (SagaDeadLetters.isRetrying()) {
            throw exception; // a dead letter retried by hand: its outcome decides whether it stays
        }
        Exception last = exception;
        for (Duration backOff : backOffs) {
            try {
                pause.pause(backOff);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw last; // shutting down: the batch is not committed and is handled again on restart
            }
            try {
                saga.handle(event);
                recovered.increment();
                return;
            } catch (Exception again) {
                last = again;
            }
        }
        String sequence = SagaDeadLetterSequencing.sequenceOf(event);
        queue.get().enqueue(sequence, new GenericDeadLetter<>(sequence, event, last));
        sequencing.lettered(sequence);
        deadLettered.increment();
        LOG.error("{}: {} of {} failed {} times and was dead-lettered", processingGroup,
                event.getPayloadType().getSimpleName(), sequence, backOffs.size() + 1, last);
    }
}
