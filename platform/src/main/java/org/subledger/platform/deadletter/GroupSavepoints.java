package org.subledger.platform.deadletter;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.subledger.kernel.processing.EventIsolation;

import java.util.List;

/**
 * One savepoint per event and processing group, for processors that several groups share. The isolation of a batch
 * ({@link EventIsolationInterceptor}) wraps each event in a savepoint of the processor's transaction; a group whose
 * handler fails rolls its savepoint back before its dead letter is written. Shared by several groups, that savepoint
 * would also undo what the groups before it wrote for the event, which they count as handled: the shared token moves
 * on and their read models would miss it. So inside a shared processor each group handles an isolated event in a
 * savepoint of its own, nested in the event's.
 */
final class GroupSavepoints extends DelegatingGroupInvoker {

    private final EventSavepoints savepoints;

    private GroupSavepoints(EventHandlerInvoker group, EventSavepoints savepoints) {
        super(group);
        this.savepoints = savepoints;
    }

    /** The processor's invoker with a savepoint per group around isolated events; one group's is left as it is. */
    static EventHandlerInvoker perGroup(EventHandlerInvoker invoker, EventSavepoints savepoints) {
        if (!(invoker instanceof MultiEventHandlerInvoker multi) || multi.delegates().size() < 2) {
            return invoker;
        }
        List<EventHandlerInvoker> groups = multi.delegates().stream()
                .map(group -> (EventHandlerInvoker) new GroupSavepoints(group, savepoints)).toList();
        return new MultiEventHandlerInvoker(groups);
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        if (!CurrentUnitOfWork.isStarted()
                || !CurrentUnitOfWork.get().root().resources().containsKey(EventIsolation.RESOURCE_KEY)) {
            group.handle(message, segment);
            return;
        }
        savepoints.around(CurrentUnitOfWork.get(), () -> {
            group.handle(message, segment);
            return null;
        });
    }
}
