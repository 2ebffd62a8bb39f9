package org.subledger.platform.deadletter;

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
 * being handled out of order; other subscriptions go on. An event is queued once however many work packages of
 * this node are offered it; segments of one group spread over several nodes may queue it twice, and a saga handles
 * a repeated event without effect (its steps have deterministic ids).
 *
 * <p>Asking PostgreSQL for every event whether its sequence has a letter would cost a bill run one query per
 * subscription billed: when the queue was empty as this node started, only the sequences this node dead-lettered
 * since can have letters, and only those are looked up (the same reasoning as Axon's sequence identifier cache).
 */
class SagaDeadLetterSequencing implements MessageHandlerInterceptor<EventMessage<?>> {

    private final Supplier<SequencedDeadLetterQueue<EventMessage<?>>> queue;
    private final Set<String> lettered = ConcurrentHashMap.newKeySet();
    /** Events a work package of this node is queueing, until its unit of work ends. */
    private final Set<String> beingQueued = ConcurrentHashMap.newKeySet();
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
                queueOnce(unitOfWork, letters, sequence, event);
                return null;
            }
            lettered.remove(sequence);
        }
        return chain.proceed();
    }

    /**
     * Axon offers a saga's event to every segment's work package (the saga manager tells whether one of its sagas
     * lives in the segment only when handling it), so several work packages may queue the same event, at the same
     * time, in transactions that do not see each other: the first to take it queues it, the others leave it. Should
     * the first roll back, its batch is handled again and queues it then.
     */
    private void queueOnce(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                           SequencedDeadLetterQueue<EventMessage<?>> letters, String sequence, EventMessage<?> event) {
        String eventId = event.getIdentifier();
        if (!beingQueued.add(eventId)) {
            return;
        }
        unitOfWork.onCleanup(done -> beingQueued.remove(eventId));
        if (!queued(letters, sequence, eventId)) {
            letters.enqueue(sequence, new GenericDeadLetter<>(sequence, event));
        }
    }

    private static boolean queued(SequencedDeadLetterQueue<EventMessage<?>> letters, String sequence,
                                  String eventId) {
        for (var letter : letters.deadLetterSequence(sequence)) {
            if (letter.message().getIdentifier().equals(eventId)) {
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
