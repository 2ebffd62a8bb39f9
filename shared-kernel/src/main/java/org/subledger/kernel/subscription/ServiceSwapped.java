package org.subledger.kernel.subscription;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A service of the subscription was replaced by another. */
@Revision("1")
public record ServiceSwapped(String subscriptionId,
                             String previousProductCode,
                             SubscriptionService service,
                             LocalDate swappedOn,
                             SubscriptionAction action) implements SubscriptionEvent {
}
