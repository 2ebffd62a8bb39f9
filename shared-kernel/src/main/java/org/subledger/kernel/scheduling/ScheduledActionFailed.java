package org.subledger.kernel.scheduling;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.error.ErrorCode;

import java.time.LocalDate;

/** A scheduled action ran but its subscription command was refused (or failed): nothing else was recorded. */
@Revision("1")
public record ScheduledActionFailed(String scheduledActionId, String subscriptionId, LocalDate executeOn,
                                    ErrorCode code, String message) implements ScheduledActionEvent {
}
