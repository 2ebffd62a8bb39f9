package org.subledger.command.scheduling;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.subledger.command.web.CommandSender;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.scheduling.CancelScheduledAction;
import org.subledger.kernel.scheduling.ScheduleSubscriptionAction;
import org.subledger.kernel.scheduling.ScheduledActionCancelled;
import org.subledger.kernel.scheduling.ScheduledActionExecuted;
import org.subledger.kernel.scheduling.ScheduledActionFailed;
import org.subledger.kernel.scheduling.ScheduledActionStatus;
import org.subledger.kernel.scheduling.SubscriptionActionScheduled;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Schedules, cancels and reads scheduled subscription actions. */
@Component
public class ScheduledActions {

    private final CommandSender commands;
    private final EventStore eventStore;
    private final SubscriptionOwners owners;

    ScheduledActions(CommandSender commands, EventStore eventStore, SubscriptionOwners owners) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.owners = owners;
    }

    /** Schedules {@code command} (its action date set) for {@code executeOn}; answers the scheduled action's id. */
    public String schedule(String subscriptionId, LocalDate executeOn, Object command) {
        String id = UUID.randomUUID().toString();
        commands.send(new ScheduleSubscriptionAction(id, subscriptionId, executeOn, command),
                ErrorCode.SCHEDULED_ACTION_NOT_FOUND, id);
        return id;
    }

    /**
     * The action, for a user who may read its subscription; to anyone else it answers as an unknown id does (and the
     * refusal is recorded for the audit trail).
     */
    public View readAs(String scheduledActionId, AccessScope scope) {
        return readAs(scheduledActionId, null, scope);
    }

    /** As {@link #readAs(String, AccessScope)}, as the action stood at {@code asOf} ({@code null}: now). */
    public View readAs(String scheduledActionId, Instant asOf, AccessScope scope) {
        View view = read(scheduledActionId);
        if (scope != null && !scope.mayRead(owners.owningUnitOf(view.subscriptionId()))) {
            throw outOfScope(scheduledActionId);
        }
        if (asOf == null) {
            return view;
        }
        View then = fold(scheduledActionId, asOf);
        if (then == null) {
            throw new LedgerRefusal(ErrorCode.SCHEDULED_ACTION_NOT_YET_SCHEDULED, "Scheduled action "
                    + scheduledActionId + " was scheduled after " + asOf + ".",
                    java.util.Map.of("asOf", "is before the action was scheduled"));
        }
        return then;
    }

    /** Cancels the action, for a user who may change its subscription; to anyone else it is unknown. */
    public void cancelAs(String scheduledActionId, AccessScope scope) {
        View view = read(scheduledActionId);
        if (scope != null && !scope.mayChange(owners.owningUnitOf(view.subscriptionId()))) {
            throw outOfScope(scheduledActionId);
        }
        cancel(scheduledActionId);
    }

    private static LedgerRefusal outOfScope(String scheduledActionId) {
        return LedgerRefusal.outOfScope(ErrorCode.SCHEDULED_ACTION_NOT_FOUND, "scheduled action", scheduledActionId,
                "No record with id " + scheduledActionId);
    }

    public void cancel(String scheduledActionId) {
        commands.send(new CancelScheduledAction(scheduledActionId), ErrorCode.SCHEDULED_ACTION_NOT_FOUND,
                scheduledActionId);
    }

    /** A consistent read: the action's own events from the event store. */
    public View read(String scheduledActionId) {
        View view = fold(scheduledActionId, null);
        if (view == null) {
            throw new LedgerRefusal(ErrorCode.SCHEDULED_ACTION_NOT_FOUND, "No record with id " + scheduledActionId);
        }
        return view;
    }

    /** The action as its events up to {@code asOf} ({@code null}: all) left it; {@code null} before it existed. */
    private View fold(String scheduledActionId, Instant asOf) {
        View view = null;
        var events = eventStore.readEvents(scheduledActionId);
        while (events.hasNext()) {
            var event = events.next();
            if (asOf != null && event.getTimestamp().isAfter(asOf)) {
                break;
            }
            Object payload = event.getPayload();
            if (payload instanceof SubscriptionActionScheduled scheduled) {
                view = new View(scheduled.scheduledActionId(), scheduled.subscriptionId(), scheduled.executeOn(),
                        scheduled.dueAt(), commandName(scheduled.command()), ScheduledActionStatus.PENDING, null,
                        null);
            } else if (view != null && payload instanceof ScheduledActionCancelled) {
                view = view.with(ScheduledActionStatus.CANCELLED, null, null);
            } else if (view != null && payload instanceof ScheduledActionExecuted) {
                view = view.with(ScheduledActionStatus.EXECUTED, null, null);
            } else if (view != null && payload instanceof ScheduledActionFailed failed) {
                view = view.with(ScheduledActionStatus.FAILED, failed.code() == null ? null : failed.code().name(),
                        failed.message());
            }
        }
        return view;
    }

    private static String commandName(Object command) {
        return command == null ? null : command.getClass().getSimpleName();
    }

    /** A scheduled action as the API shows it. */
    public record View(String scheduledActionId, String subscriptionId, LocalDate executeOn, Instant dueAt,
                       String action, ScheduledActionStatus status, String failureCode, String failureMessage) {

        View with(ScheduledActionStatus newStatus, String code, String message) {
            return new View(scheduledActionId, subscriptionId, executeOn, dueAt, action, newStatus, code, message);
        }
    }
}
