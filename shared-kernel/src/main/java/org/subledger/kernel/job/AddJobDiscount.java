package org.subledger.kernel.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.subledger.kernel.catalog.DiscountValue;

import java.time.LocalDate;

/**
 * Add an ad hoc job discount to a job before it is billed: the definition's value, or the one the agent picked inside
 * its range ({@code value} null takes the definition's single value). {@code discountId} is the server's.
 */
public record AddJobDiscount(@TargetAggregateIdentifier String jobId,
                             String discountId,
                             String definitionCode,
                             DiscountValue value,
                             LocalDate addedOn,
                             String note) {
}
