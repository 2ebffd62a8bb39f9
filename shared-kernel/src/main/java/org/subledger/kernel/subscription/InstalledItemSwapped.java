package org.subledger.kernel.subscription;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An installed item of the subscription was replaced by another one. */
@Revision("1")
public record InstalledItemSwapped(String subscriptionId,
                                   InstalledItem previousItem,
                                   InstalledItem item,
                                   LocalDate swappedOn,
                                   SubscriptionAction action) implements SubscriptionEvent {
}
