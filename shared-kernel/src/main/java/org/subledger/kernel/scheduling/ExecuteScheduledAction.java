package org.subledger.kernel.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Carry out a pending scheduled action now, for a scheduled-actions run (the seed's nightly batches by behaviour
 * code): as its own deadline would, its subscription command sent and the outcome recorded. Refused with
 * {@code SCHEDULED_ACTION_NOT_PENDING} when the action was cancelled or has run already; answers the refusal of the
 * subscription command when that was refused (recorded as the action's failure), null when it was carried out.
 */
public record ExecuteScheduledAction(@TargetAggregateIdentifier String scheduledActionId) {
}
