package org.subledger.kernel.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Reject a job discount pending approval: the caller must be one its definition authorises. */
public record RejectJobDiscount(@TargetAggregateIdentifier String jobId, String discountId, LocalDate rejectedOn,
                                String reason) {
}
