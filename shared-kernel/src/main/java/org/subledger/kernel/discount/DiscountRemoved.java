package org.subledger.kernel.discount;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionEvent;

import java.time.LocalDate;

/** A discount was taken off the subscription: no billing period starting on or after {@code removedOn} gets it. */
@Revision("1")
public record DiscountRemoved(String subscriptionId,
                              String discountId,
                              LocalDate removedOn,
                              String reason,
                              SubscriptionAction action) implements SubscriptionEvent {
}
