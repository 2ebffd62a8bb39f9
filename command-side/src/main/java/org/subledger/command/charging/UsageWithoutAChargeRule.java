package org.subledger.command.charging;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.usage.UsageRecorded;

/**
 * Keeps usage records from the event-charge sagas while no rule charges for RECORD_USAGE: the saga would find,
 * load and save the subscription's saga for each record only to charge nothing. Under a stream of usage batches
 * that was about a fifth of the ledger's CPU (JFR, 2026-12-02, see docs/benchmarks.md). Reads only the payload's
 * type, never the payload; the catalog's rules are looked at again at most every second (a rule for usage defined
 * a moment ago reaches records processed from then on).
 */
final class UsageWithoutAChargeRule implements MessageHandlerInterceptor<EventMessage<?>> {

    private final EventChargeRuleBook rules;

    UsageWithoutAChargeRule(EventChargeRuleBook rules) {
        this.rules = rules;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (UsageRecorded.class.equals(unitOfWork.getMessage().getPayloadType())
                && !rules.mayCharge(BehaviourCode.RECORD_USAGE)) {
            return null;
        }
        return interceptorChain.proceed();
    }
}
