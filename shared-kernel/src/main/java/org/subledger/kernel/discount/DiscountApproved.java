package org.subledger.kernel.discount;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionEvent;

import java.time.LocalDate;

/** An ad hoc discount pending approval was approved: from now on it reaches bills. The approver is in the metadata. */
@Revision("1")
public record DiscountApproved(String subscriptionId,
                               String discountId,
                               LocalDate approvedOn,
                               SubscriptionAction action) implements SubscriptionEvent {
}
