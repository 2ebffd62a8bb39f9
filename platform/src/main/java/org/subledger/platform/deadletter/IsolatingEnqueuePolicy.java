package org.subledger.platform.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;

import java.sql.SQLException;

/**
 * Every failed event is dead-lettered (and a failed retry requeued) with a readable cause. Axon asks this policy
 * between catching the handler's failure and writing the dead letter, so this is where the event's savepoint is
 * rolled back: the failed statements are undone and the transaction takes the dead letter.
 */
final class IsolatingEnqueuePolicy implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        try {
            EventSavepoints.rollBackCurrent();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not undo the failed event's writes; the batch will be retried", e);
        }
        return Decisions.enqueue(FailureCauses.describe(cause));
    }
}
