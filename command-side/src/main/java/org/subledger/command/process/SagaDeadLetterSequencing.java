package org.subledger.command.process;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps a saga's events in order around a dead letter: while an event of a subscription (the sequence: the event's
 * aggregate) is in the group's dead-letter queue, that subscription's later events are queued behind it instead of
 * being handled out of order; other subscriptions go on. Two segments queueing the same event at once collide on
 * the queue's unique sequence index: one batch fails, is retried, and finds the event queued.
 *
 * <p>Asking PostgreSQL for every event whether its sequence has a letter would cost a bill run one query per
 * subscription billed: when the queue was empty as this node started, only the sequences this node dead-lettered
 * since can have letters, and only those are looked up (the same reasoning as Axon's sequence identifier cache).
 */
class SagaDeadLetterSequencing implements MessageHandlerInterceptor<EventMessage<?>> {

    private final Supplier<SequencedDeadLetterQueue<EventMessage<?>>> queue;
    private final Set<String> lettered = ConcurrentHashMap.newKeySet();
    private volatile Boolean emptyAtStart;

    SagaDeadLetterSequencing(Supplier<SequencedDeadLetterQueue<EventMessage<?>>> queue) {
        this.queue = queue;
    }

    /** The sequence of a saga's event: its aggregate (the subscription), else the event itself. */
    static String sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    void lettered(String sequence) {
        lettered.add(sequence);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        String sequence = sequenceOf(event);
        if (mayHaveLetters(sequence)) {
            SequencedDeadLetterQueue<EventMessage<?>> letters = queue.get();
            if (letters.contains(sequence)) {
                // Axon offers a saga's event to every segment's work package (the saga manager tells whether one
                // of its sagas lives in the segment only when handling it): queued once, whichever comes first
                if (!queued(letters, sequence, event)) {
                    letters.enqueue(sequence, new GenericDeadLetter<>(sequence, event));
                }
                return null;
            }
            lettered.remove(sequence);
        }
        return chain.proceed();
    }

    private static boolean queued(SequencedDeadLetterQueue<EventMessage<?>> letters, String sequence,
                                  EventMessage<?> event) {
        for (var letter : letters.deadLetterSequence(sequence)) {
            if (letter.message().getIdentifier().equals(event.getIdentifier())) {
                return true;
            }
        }
        return false;
    }

    private boolean mayHaveLetters(String sequence) {
        if (emptyAtStart == null) {
            emptyAtStart = queue.get().amountOfSequences() == 0;
        }
        return !emptyAtStart || lettered.contains(sequence);
    }
}
