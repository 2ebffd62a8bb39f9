package org.subledger.command.process;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.SagaConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Retries the dead letters of a saga's processing group once their cause is fixed: each sequence in order, each
 * letter handed to the group's saga manager in a unit of work and transaction of its own; a letter handled is
 * removed, one that fails again stays (with the new cause) and holds its sequence's later letters behind it.
 * Axon's own dead-letter processor exists only for groups of event handlers, not of sagas.
 */
@Component
public class SagaDeadLetters {

    private static final ThreadLocal<Boolean> RETRYING = ThreadLocal.withInitial(() -> false);

    private final Configuration axon;
    private final TransactionManager transactionManager;

    SagaDeadLetters(@Lazy Configuration axon, TransactionManager transactionManager) {
        this.axon = axon;
        this.transactionManager = transactionManager;
    }

    static boolean isRetrying() {
        return RETRYING.get();
    }

    /** The processing groups of the sagas. */
    public java.util.List<String> sagaGroups() {
        return axon.eventProcessingConfiguration().sagaConfigurations().stream()
                .map(SagaConfiguration::processingGroup).sorted().toList();
    }

    /** Retries every saga group's dead letters; the number of sequences done. */
    public int retryAll() {
        return sagaGroups().stream().mapToInt(this::retry).sum();
    }

    /** Whether the processing group is a saga's, whose dead letters only this retries. */
    public boolean isSagaGroup(String processingGroup) {
        return sagaOf(processingGroup) != null;
    }

    /** Retries every sequence of the group's dead letters that can be handled now; the number of sequences done. */
    public int retry(String processingGroup) {
        SagaConfiguration<?> saga = sagaOf(processingGroup);
        var queue = axon.eventProcessingConfiguration().deadLetterQueue(processingGroup).orElse(null);
        if (saga == null || queue == null) {
            return 0;
        }
        int done = 0;
        long sequences = queue.amountOfSequences();
        RETRYING.set(true);
        try {
            // each sequence at most once a call: one that fails again stays, and must not be tried in a loop
            for (long tried = 0; tried < sequences; tried++) {
                if (queue.process(letter -> handle(saga, letter))) {
                    done++;
                }
            }
        } finally {
            RETRYING.remove();
        }
        return done;
    }

    private EnqueueDecision<EventMessage<?>> handle(SagaConfiguration<?> saga, DeadLetter<? extends EventMessage<?>> letter) {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(letter.message());
        unitOfWork.attachTransaction(transactionManager);
        var result = unitOfWork.executeWithResult(() -> {
            // every saga of the group may be concerned, whatever processor segment it lives in
            saga.manager().handle(letter.message(), Segment.ROOT_SEGMENT);
            return null;
        });
        return result.isExceptional() ? Decisions.requeue(result.exceptionResult()) : Decisions.evict();
    }

    private SagaConfiguration<?> sagaOf(String processingGroup) {
        return axon.eventProcessingConfiguration().sagaConfigurations().stream()
                .filter(saga -> saga.processingGroup().equals(processingGroup))
                .findFirst().orElse(null);
    }
}
