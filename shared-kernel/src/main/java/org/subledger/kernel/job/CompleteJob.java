package org.subledger.kernel.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Complete a job in progress on its actual completion date (today when left out); it is then billed. */
public record CompleteJob(@TargetAggregateIdentifier String jobId, LocalDate actualCompletion, String reason) {
}
