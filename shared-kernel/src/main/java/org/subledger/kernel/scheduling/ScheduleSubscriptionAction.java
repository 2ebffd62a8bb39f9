package org.subledger.kernel.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Run a subscription action on a future date: {@code command} (one of the {@link ScheduledCommand} types, its
 * action date already set) is sent when the ledger's clock reaches the start of {@code executeOn} (UTC).
 */
public record ScheduleSubscriptionAction(@TargetAggregateIdentifier String scheduledActionId,
                                         String subscriptionId,
                                         LocalDate executeOn,
                                         @ScheduledCommand Object command) {
}
