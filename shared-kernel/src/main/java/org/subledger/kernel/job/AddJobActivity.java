package org.subledger.kernel.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record an activity of the job with the one-time services it delivered and the time each took. */
public record AddJobActivity(@TargetAggregateIdentifier String jobId, JobActivity activity) {
}
