package org.subledger.kernel.subscription;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A deactivated subscription was reactivated and is effective again. */
@Revision("1")
public record SubscriptionReactivated(String subscriptionId,
                                      LocalDate reactivatedOn,
                                      SubscriptionAction action) implements SubscriptionEvent {
}
