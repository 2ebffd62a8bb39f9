package org.subledger.kernel.subscription;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An installed item was added to the subscription. */
@Revision("1")
public record InstalledItemAdded(String subscriptionId,
                                 InstalledItem item,
                                 LocalDate addedOn,
                                 SubscriptionAction action) implements SubscriptionEvent {
}
