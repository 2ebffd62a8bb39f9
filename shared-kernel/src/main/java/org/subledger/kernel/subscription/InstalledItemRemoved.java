package org.subledger.kernel.subscription;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An installed item was taken off the subscription. */
@Revision("1")
public record InstalledItemRemoved(String subscriptionId,
                                   InstalledItem item,
                                   LocalDate removedOn,
                                   SubscriptionAction action) implements SubscriptionEvent {
}
