package org.subledger.kernel.subscription;

import org.subledger.kernel.event.DomainEvent;

/** Something that happened to a subscription, as the result of the subscription action it carries. */
public interface SubscriptionEvent extends DomainEvent {

    String subscriptionId();

    SubscriptionAction action();
}
