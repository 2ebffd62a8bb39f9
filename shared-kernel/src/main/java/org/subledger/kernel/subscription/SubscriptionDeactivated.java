package org.subledger.kernel.subscription;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The subscription was deactivated (disconnected): its services are not provided. */
@Revision("1")
public record SubscriptionDeactivated(String subscriptionId,
                                      LocalDate deactivatedOn,
                                      SubscriptionAction action) implements SubscriptionEvent {
}
