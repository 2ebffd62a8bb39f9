package org.subledger.kernel.scheduling;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A scheduled action ran: its subscription command was accepted. */
@Revision("1")
public record ScheduledActionExecuted(String scheduledActionId, String subscriptionId, LocalDate executeOn)
        implements ScheduledActionEvent {
}
