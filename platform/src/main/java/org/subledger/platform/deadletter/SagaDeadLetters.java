package org.subledger.platform.deadletter;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.SagaConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Retries the dead letters of a saga's processing group: a sequence from its first letter, in order, each letter
 * handed to the group's saga manager in a unit of work and transaction of its own; a letter handled is removed, one
 * that fails again stays (with the new cause) and holds its sequence's later letters behind it. Axon's own
 * dead-letter processor, which {@link DeadLetters} uses for the other groups, exists only for event handlers.
 */
class SagaDeadLetters {

    private static final ThreadLocal<Boolean> RETRYING = ThreadLocal.withInitial(() -> false);

    private final Configuration axon;
    private final TransactionManager transactionManager;

    SagaDeadLetters(Configuration axon, TransactionManager transactionManager) {
        this.axon = axon;
        this.transactionManager = transactionManager;
    }

    /** Whether this thread is retrying a letter, whose outcome then decides whether it stays. */
    static boolean isRetrying() {
        return RETRYING.get();
    }

    /** The processing groups of the sagas. */
    List<String> sagaGroups() {
        return axon.eventProcessingConfiguration().sagaConfigurations().stream()
                .map(SagaConfiguration::processingGroup).sorted().toList();
    }

    boolean isSagaGroup(String processingGroup) {
        return sagaOf(processingGroup).isPresent();
    }

    /** Retries the sequence; whether it was handled to its end. */
    boolean retrySequence(String processingGroup, String sequenceIdentifier) {
        return retry(processingGroup, letter -> letter instanceof JdbcDeadLetter<?> stored
                && stored.getSequenceIdentifier().equals(sequenceIdentifier));
    }

    /** Retries the group's least recently tried sequence; whether it was handled to its end. */
    boolean retryAny(String processingGroup) {
        return retry(processingGroup, letter -> true);
    }

    private boolean retry(String processingGroup, Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter) {
        SagaConfiguration<?> saga = sagaOf(processingGroup).orElseThrow();
        var queue = axon.eventProcessingConfiguration().deadLetterQueue(processingGroup).orElseThrow();
        RETRYING.set(true);
        try {
            return queue.process(sequenceFilter, letter -> handle(saga, letter));
        } finally {
            RETRYING.remove();
        }
    }

    private EnqueueDecision<EventMessage<?>> handle(SagaConfiguration<?> saga,
                                                    DeadLetter<? extends EventMessage<?>> letter) {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(letter.message());
        unitOfWork.attachTransaction(transactionManager);
        var result = unitOfWork.executeWithResult(() -> {
            // every saga of the group may be concerned, whatever processor segment it lives in
            saga.manager().handle(letter.message(), Segment.ROOT_SEGMENT);
            return null;
        });
        return result.isExceptional() ? Decisions.requeue(result.exceptionResult()) : Decisions.evict();
    }

    private Optional<SagaConfiguration<?>> sagaOf(String processingGroup) {
        return axon.eventProcessingConfiguration().sagaConfigurations().stream()
                .filter(saga -> saga.processingGroup().equals(processingGroup))
                .<SagaConfiguration<?>>map(saga -> saga)
                .findFirst();
    }
}
