package org.subledger.kernel.discount;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.subledger.kernel.catalog.DiscountValue;

import java.time.LocalDate;

/**
 * Add an ad hoc additive discount to a subscription: the definition's value, or the one the agent picked inside its
 * range ({@code value} a single amount, percentage or free period; null takes the definition's single value).
 * {@code discountId} is the server's (derived from the request's idempotency key when there is one).
 */
public record AddDiscount(@TargetAggregateIdentifier String subscriptionId,
                          String discountId,
                          String definitionCode,
                          DiscountValue value,
                          LocalDate addedOn,
                          String note) {
}
