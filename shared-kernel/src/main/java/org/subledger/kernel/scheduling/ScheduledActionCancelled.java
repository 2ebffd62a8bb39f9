package org.subledger.kernel.scheduling;

import org.axonframework.serialization.Revision;

/** A scheduled action was cancelled before it ran; it never runs. */
@Revision("1")
public record ScheduledActionCancelled(String scheduledActionId, String subscriptionId)
        implements ScheduledActionEvent {
}
