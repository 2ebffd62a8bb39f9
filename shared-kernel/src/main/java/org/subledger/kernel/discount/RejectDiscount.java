package org.subledger.kernel.discount;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Reject an ad hoc discount pending approval: the caller must be one its definition authorises. */
public record RejectDiscount(@TargetAggregateIdentifier String subscriptionId,
                             String discountId,
                             LocalDate rejectedOn,
                             String reason) {
}
