package org.subledger.platform.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Counts the events each event processor has handled since this node started ({@code ledger.events.handled}, tagged
 * with the processor: a processor that several groups share, such as the read models', counts each event once).
 * Operators see processing rates per processor; a node that restarts and finds its tokens starts from zero here
 * instead of re-handling the whole history.
 */
public class ProjectionMetricsInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    public static final String METRIC = "ledger.events.handled";

    private final Counter handled;

    public ProjectionMetricsInterceptor(MeterRegistry registry, String processorName) {
        this.handled = Counter.builder(METRIC).tag("processor", processorName)
                .description("events handled by this event processor since the node started")
                .register(registry);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        handled.increment();
        return result;
    }
}
