package org.subledger.kernel.discount;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Approve an ad hoc discount pending approval: the caller must be one its definition authorises. */
public record ApproveDiscount(@TargetAggregateIdentifier String subscriptionId,
                              String discountId,
                              LocalDate approvedOn) {
}
