package org.subledger.kernel.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Approve a job discount pending approval: the caller must be one its definition authorises. */
public record ApproveJobDiscount(@TargetAggregateIdentifier String jobId, String discountId, LocalDate approvedOn) {
}
