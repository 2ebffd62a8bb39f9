package org.subledger.kernel.subscription;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A distributor (device) was removed from the subscription; no service is provided on it any more. */
@Revision("1")
public record DistributorRemoved(String subscriptionId,
                                 String distributorId,
                                 LocalDate removedOn,
                                 SubscriptionAction action) implements SubscriptionEvent {
}
