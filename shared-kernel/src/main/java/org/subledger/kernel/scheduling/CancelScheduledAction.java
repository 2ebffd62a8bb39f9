package org.subledger.kernel.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel a scheduled action that has not run yet. */
public record CancelScheduledAction(@TargetAggregateIdentifier String scheduledActionId) {
}
