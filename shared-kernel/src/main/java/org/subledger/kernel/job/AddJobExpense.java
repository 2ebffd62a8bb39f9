package org.subledger.kernel.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add an expense to the job. */
public record AddJobExpense(@TargetAggregateIdentifier String jobId, JobExpense expense) {
}
