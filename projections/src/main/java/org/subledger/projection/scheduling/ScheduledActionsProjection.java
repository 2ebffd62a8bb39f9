package org.subledger.projection.scheduling;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.scheduling.ScheduledActionCancelled;
import org.subledger.kernel.scheduling.ScheduledActionExecuted;
import org.subledger.kernel.scheduling.ScheduledActionFailed;
import org.subledger.kernel.scheduling.ScheduledActionStatus;
import org.subledger.kernel.scheduling.ScheduledBehaviour;
import org.subledger.kernel.scheduling.SubscriptionActionScheduled;

import java.sql.Date;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Builds {@code scheduled_action}: each scheduled subscription action with its date, behaviour code and status, what
 * a scheduled-actions run selects from. A statement only touches a row older than the event, so a redelivered event
 * changes nothing.
 */
@Component
@ProcessingGroup(ScheduledActionsProjection.PROCESSING_GROUP)
class ScheduledActionsProjection {

    static final String PROCESSING_GROUP = "scheduled-actions";

    private final JdbcTemplate jdbc;

    ScheduledActionsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SubscriptionActionScheduled event, @SequenceNumber long version, @Timestamp Instant at) {
        var behaviour = ScheduledBehaviour.of(event.command());
        jdbc.update("""
                insert into scheduled_action (scheduled_action_id, subscription_id, execute_on, behaviour_code, status,
                                              scheduled_at, version)
                values (?, ?, ?, ?, 'PENDING', ?, ?) on conflict (scheduled_action_id) do nothing""",
                event.scheduledActionId(), event.subscriptionId(), Date.valueOf(event.executeOn()),
                behaviour == null ? "UNKNOWN" : behaviour.name(), at.atOffset(ZoneOffset.UTC), version);
    }

    @EventHandler
    void on(ScheduledActionCancelled event, @SequenceNumber long version) {
        status(event.scheduledActionId(), ScheduledActionStatus.CANCELLED, version);
    }

    @EventHandler
    void on(ScheduledActionExecuted event, @SequenceNumber long version) {
        status(event.scheduledActionId(), ScheduledActionStatus.EXECUTED, version);
    }

    @EventHandler
    void on(ScheduledActionFailed event, @SequenceNumber long version) {
        status(event.scheduledActionId(), ScheduledActionStatus.FAILED, version);
    }

    private void status(String scheduledActionId, ScheduledActionStatus status, long version) {
        jdbc.update("update scheduled_action set status = ?, version = ? where scheduled_action_id = ? and version < ?",
                status.name(), version, scheduledActionId, version);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table scheduled_action");
    }
}
