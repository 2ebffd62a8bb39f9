package org.subledger.kernel.discount;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionEvent;

import java.time.LocalDate;

/** An ad hoc discount pending approval was rejected: it never reaches a bill. Who rejected it is in the metadata. */
@Revision("1")
public record DiscountRejected(String subscriptionId,
                               String discountId,
                               LocalDate rejectedOn,
                               String reason,
                               SubscriptionAction action) implements SubscriptionEvent {
}
