package org.subledger.platform.projectioncheck;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays the stored events, oldest first, through fresh instances of projections' event handlers, as their event
 * processor would: a batch per unit of work and transaction, so the handlers' unit-of-work buffers write as they do
 * live. The handlers write wherever their {@code JdbcTemplate} points (the scratch schema); nothing else is touched:
 * no token, no dead letter, no live table.
 */
final class ScratchReplay {

    /** A stored event no rebuilt handler could take: the check cannot say whether the projection is right. */
    static final class ReplayFailed extends RuntimeException {
        ReplayFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final List<AnnotationEventHandlerAdapter> handlers;
    private final TransactionTemplate transactions;
    private final int batchSize;

    ScratchReplay(List<Object> handlers, TransactionTemplate transactions, int batchSize) {
        this.handlers = handlers.stream().map(AnnotationEventHandlerAdapter::new).toList();
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /** Replays every event up to global position {@code head}; answers how many events were read. */
    long replay(EventStorageEngine storage, long head) {
        TrackingToken token = null;
        long read = 0;
        List<EventMessage<?>> batch = new ArrayList<>();
        boolean done = false;
        while (!done) {
            long before = read;
            // a non-blocking read may end before the head (a batch short of gaps): read on from the last token
            try (var events = storage.readEvents(token, false)) {
                var iterator = events.iterator();
                while (iterator.hasNext()) {
                    TrackedEventMessage<?> event = iterator.next();
                    if (event.trackingToken().position().orElse(Long.MAX_VALUE) > head) {
                        done = true;
                        break;
                    }
                    token = event.trackingToken();
                    batch.add(event);
                    read++;
                    if (batch.size() == batchSize) {
                        handle(batch);
                        batch = new ArrayList<>();
                    }
                }
            }
            done = done || read == before;
        }
        if (!batch.isEmpty()) {
            handle(batch);
        }
        return read;
    }

    private void handle(List<EventMessage<?>> batch) {
        transactions.executeWithoutResult(status -> {
            var unitOfWork = new BatchingUnitOfWork<>(batch);
            var result = unitOfWork.executeWithResult(() -> {
                EventMessage<?> event = unitOfWork.getMessage();
                for (var handler : handlers) {
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                    }
                }
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            unitOfWork.getExecutionResults().forEach((event, outcome) -> {
                if (outcome.isExceptionResult()) {
                    throw new ReplayFailed("event " + event.getIdentifier() + " ("
                            + ((EventMessage<?>) event).getPayloadType().getSimpleName() + ") failed: "
                            + outcome.getExceptionResult().getMessage(), outcome.getExceptionResult());
                }
            });
            if (result.isExceptional()) {
                throw new ReplayFailed("a batch of " + batch.size() + " events failed to commit: "
                        + result.exceptionResult().getMessage(), result.exceptionResult());
            }
        });
    }
}
