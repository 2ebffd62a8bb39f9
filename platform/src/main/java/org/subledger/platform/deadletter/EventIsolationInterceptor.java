package org.subledger.platform.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.subledger.kernel.processing.EventIsolation;

import java.util.function.BooleanSupplier;

/**
 * Decides, once per batch of a streaming processor, whether its events are handled in isolation: each in a savepoint
 * of its own, with buffered writes going out per event ({@link EventIsolation}). That happens when the segment's
 * previous batch failed (so the faulty event is found and dead-lettered, and the rest commits) and when a dead letter
 * is retried; otherwise a batch runs as one transaction without savepoints, which is what makes replays fast. It also
 * records every batch's outcome in {@link ProcessingFailures}, which health reports.
 *
 * <p>Groups without a dead-letter queue (sagas, the {@code lookup-} groups in the command's transaction) are never
 * isolated: their failure must propagate, to be retried or to roll the command back.
 */
final class EventIsolationInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String processor;
    private final String segmentKey;
    private final String decidedKey;
    private final BooleanSupplier deadLettered;
    private final ProcessingFailures failures;
    private final EventSavepoints savepoints;
    private volatile Boolean hasDeadLetterQueue;

    EventIsolationInterceptor(String processor, BooleanSupplier deadLettered, ProcessingFailures failures,
                              EventSavepoints savepoints) {
        this.processor = processor;
        // the key under which Axon's pooled streaming processor puts the segment of the batch in its unit of work
        this.segmentKey = "Processor[" + processor + "]/SegmentId";
        this.decidedKey = EventIsolationInterceptor.class.getName() + "[" + processor + "]";
        this.deadLettered = deadLettered;
        this.failures = failures;
        this.savepoints = savepoints;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        Object decided = root.resources().get(decidedKey);
        boolean isolated;
        if (decided instanceof Boolean known) {
            isolated = known;
        } else {
            isolated = decide(unitOfWork, root);
            root.resources().put(decidedKey, isolated);
        }
        return isolated ? savepoints.around(unitOfWork, chain::proceed) : chain.proceed();
    }

    private boolean decide(UnitOfWork<?> unitOfWork, UnitOfWork<?> root) {
        boolean isolated;
        if (unitOfWork.resources().containsKey(DeadLetter.class.getName())) {
            isolated = hasDeadLetterQueue();
        } else if (root.getResource(segmentKey) instanceof Integer segment) {
            root.onRollback(failed -> failures.failed(processor, segment,
                    failed.getExecutionResult() == null ? null : failed.getExecutionResult().getExceptionResult()));
            root.afterCommit(committed -> failures.succeeded(processor, segment));
            isolated = hasDeadLetterQueue() && failures.isFailing(processor, segment);
        } else {
            isolated = false;
        }
        if (isolated) {
            root.resources().put(EventIsolation.RESOURCE_KEY, Boolean.TRUE);
        }
        return isolated;
    }

    private boolean hasDeadLetterQueue() {
        if (hasDeadLetterQueue == null) {
            hasDeadLetterQueue = deadLettered.getAsBoolean();
        }
        return hasDeadLetterQueue;
    }
}
