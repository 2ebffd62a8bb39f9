package org.subledger.kernel.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Call off a job that is not completed; its claimed serial numbers are released. */
public record CancelJob(@TargetAggregateIdentifier String jobId, String reason) {
}
