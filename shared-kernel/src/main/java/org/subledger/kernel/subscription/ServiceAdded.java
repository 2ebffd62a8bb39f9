package org.subledger.kernel.subscription;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A termed service was added to the subscription. */
@Revision("1")
public record ServiceAdded(String subscriptionId,
                           SubscriptionService service,
                           LocalDate addedOn,
                           SubscriptionAction action) implements SubscriptionEvent {
}
