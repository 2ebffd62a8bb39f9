package org.subledger.kernel.discount;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Remove a discount from a subscription: it reaches no bill for a period starting on or after {@code removedOn}. */
public record RemoveDiscount(@TargetAggregateIdentifier String subscriptionId,
                             String discountId,
                             LocalDate removedOn,
                             String reason) {
}
