package org.subledger.kernel.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assign a job to a unit or an installer company (a third-party unit), whose users then see and work on it. */
public record AssignJob(@TargetAggregateIdentifier String jobId, String assignedUnit, String reason) {
}
