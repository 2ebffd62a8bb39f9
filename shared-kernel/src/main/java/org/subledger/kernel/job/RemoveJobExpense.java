package org.subledger.kernel.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take an expense off the job before it is billed. */
public record RemoveJobExpense(@TargetAggregateIdentifier String jobId, String lineId, String reason) {
}
