package org.subledger.kernel.scheduling;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** A subscription action was scheduled to run at {@code dueAt} (the start of {@code executeOn}, UTC). */
@Revision("1")
public record SubscriptionActionScheduled(String scheduledActionId,
                                          String subscriptionId,
                                          LocalDate executeOn,
                                          Instant dueAt,
                                          @ScheduledCommand Object command) implements ScheduledActionEvent {
}
