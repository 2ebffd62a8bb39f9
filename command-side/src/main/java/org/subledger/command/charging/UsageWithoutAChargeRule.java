package org.subledger.command.charging;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.subledger.kernel.usage.UsageRecorded;

/**
 * Keeps usage records from the event-charge sagas when no rule charges for RECORD_USAGE: the saga would find,
 * load and save the subscription's saga for each record only to charge nothing. Under a stream of usage batches
 * that was about a fifth of the ledger's CPU (JFR, 2026-12-02, see docs/benchmarks.md). Reads only the payload's
 * type, never the payload.
 */
final class UsageWithoutAChargeRule implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (UsageRecorded.class.equals(unitOfWork.getMessage().getPayloadType())) {
            return null;
        }
        return interceptorChain.proceed();
    }
}
