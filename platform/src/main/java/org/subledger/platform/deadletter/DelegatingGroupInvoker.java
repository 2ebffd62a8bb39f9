package org.subledger.platform.deadletter;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;

/**
 * A processing group's invoker that passes every call on to the group's own; the ledger's wrappers
 * ({@link GroupSavepoints}, {@link HandlerLookupCache}) override only what they change.
 */
abstract class DelegatingGroupInvoker implements EventHandlerInvoker {

    protected final EventHandlerInvoker group;

    protected DelegatingGroupInvoker(EventHandlerInvoker group) {
        this.group = group;
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        group.handle(message, segment);
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        return group.canHandle(eventMessage, segment);
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return group.canHandleType(payloadType);
    }

    @Override
    public boolean supportsReset() {
        return group.supportsReset();
    }

    @Override
    public void performReset() {
        group.performReset();
    }

    @Override
    public <R> void performReset(R resetContext) {
        group.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        group.segmentReleased(segment);
    }
}
