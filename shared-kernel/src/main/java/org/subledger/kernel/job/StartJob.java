package org.subledger.kernel.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start work on a pending job. */
public record StartJob(@TargetAggregateIdentifier String jobId, String reason) {
}
