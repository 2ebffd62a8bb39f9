package org.subledger.command.charging;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.billing.SubscriptionBillingFailed;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.usage.UsageRecorded;

import java.util.Map;

/**
 * Keeps the high-volume events of usage and billing from the event-charge sagas while no rule charges for their
 * behaviour: the saga would find, load and save the subscription's saga for each only to charge nothing. Under a
 * stream of usage batches that was about a fifth of the ledger's CPU (JFR, 2026-12-02, see docs/benchmarks.md), and a
 * bill run gives every subscription one to three such events. Reads only the payload's type, never the payload; the
 * catalog's rules are looked at again at most every second (a rule for usage or billing defined a moment ago reaches
 * the events processed from then on).
 */
final class UnchargedEvents implements MessageHandlerInterceptor<EventMessage<?>> {

    /** The events filtered, each with the behaviour its action always has. */
    private static final Map<Class<?>, BehaviourCode> FILTERED = Map.of(
            UsageRecorded.class, BehaviourCode.RECORD_USAGE,
            SubscriptionBilled.class, BehaviourCode.BILL,
            DiscountApplied.class, BehaviourCode.BILL,
            SubscriptionBillingFailed.class, BehaviourCode.BILL);

    private final EventChargeRuleBook rules;

    UnchargedEvents(EventChargeRuleBook rules) {
        this.rules = rules;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        BehaviourCode behaviour = FILTERED.get(unitOfWork.getMessage().getPayloadType());
        if (behaviour != null && !rules.mayCharge(behaviour)) {
            return null;
        }
        return interceptorChain.proceed();
    }
}
