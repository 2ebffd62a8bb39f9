package org.subledger.kernel.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take an activity off the job before it is billed. */
public record RemoveJobActivity(@TargetAggregateIdentifier String jobId, String activityId, String reason) {
}
