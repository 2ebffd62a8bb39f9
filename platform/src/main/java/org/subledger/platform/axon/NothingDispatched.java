package org.subledger.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Marks the units of work of an event processor whose handlers send no message (the read models, the business
 * metrics, the webhook queue: they write rows and count): {@link LedgerCorrelationDataProvider} then gives their
 * messages no correlation data. Axon creates one message per event handled there all the same (the result of the
 * handling, which nobody reads), and building its correlation data read the event's metadata and copied maps three
 * times: 4.6 % of the ledger's CPU samples taking usage over HTTP, for the read models, the metrics and the webhooks
 * together (issue 17, docs/benchmarks.md). A processor whose handlers send commands, events or deadlines (sagas,
 * the command side's process managers) must not be marked: what they send would lose its principal and correlation.
 */
public final class NothingDispatched implements MessageHandlerInterceptor<EventMessage<?>> {

    static final String RESOURCE = NothingDispatched.class.getName();

    public static final NothingDispatched INSTANCE = new NothingDispatched();

    private NothingDispatched() {
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        unitOfWork.resources().put(RESOURCE, Boolean.TRUE);
        return interceptorChain.proceed();
    }

    /** Whether the unit of work belongs to a processor that sends nothing. */
    static boolean marked(UnitOfWork<?> unitOfWork) {
        return unitOfWork.resources().containsKey(RESOURCE);
    }
}
