package org.subledger.kernel.subscription;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A service was removed from the subscription: it is neither provided nor billed any more. */
@Revision("1")
public record ServiceRemoved(String subscriptionId,
                             String productCode,
                             LocalDate removedOn,
                             SubscriptionAction action) implements SubscriptionEvent {
}
