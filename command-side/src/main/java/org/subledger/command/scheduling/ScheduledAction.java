package org.subledger.command.scheduling;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.error.RefusalDetails;
import org.subledger.kernel.scheduling.ExecuteScheduledAction;
import org.subledger.kernel.scheduling.CancelScheduledAction;
import org.subledger.kernel.scheduling.ScheduleSubscriptionAction;
import org.subledger.command.access.CommandScopes;
import org.subledger.kernel.access.AccessScope;
import org.axonframework.messaging.MetaData;
import org.subledger.kernel.scheduling.ScheduledActionCancelled;
import org.subledger.kernel.scheduling.ScheduledActionExecuted;
import org.subledger.kernel.scheduling.ScheduledActionFailed;
import org.subledger.kernel.scheduling.ScheduledActionStatus;
import org.subledger.kernel.scheduling.SubscriptionActionScheduled;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A subscription action submitted for a future date. Scheduling it sets an Axon deadline at the start of
 * {@code executeOn} (UTC, the ledger's clock); the deadline manager keeps it in PostgreSQL (db-scheduler), so it
 * survives a restart. When due, the subscription command is sent and the outcome recorded (executed, or failed with
 * the refusal's code); a cancelled action's deadline is cancelled and, should it fire anyway, it does nothing. A
 * scheduled-actions run may carry a pending action out too ({@link ExecuteScheduledAction}), once its date has come:
 * whichever comes first runs it, the other finds it no longer pending. With
 * {@code ledger.scheduled-actions.run-when-due=false} only the runs do (the seed's nightly batches by behaviour code).
 */
@Aggregate
public class ScheduledAction {

    /** The name of the deadline that runs the action. */
    public static final String DEADLINE = "execute-scheduled-action";

    @AggregateIdentifier
    private String scheduledActionId;
    private String subscriptionId;
    private LocalDate executeOn;
    private Object command;
    private ScheduledActionStatus status;

    protected ScheduledAction() {
    }

    @CommandHandler
    public ScheduledAction(ScheduleSubscriptionAction command, Clock clock, DeadlineManager deadlines,
                           SubscriptionOwners owners, MetaData metaData) {
        if (command.command() == null || command.executeOn() == null || command.subscriptionId() == null) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "a scheduled action needs a command and a date");
        }
        // the action runs later as the ledger's own work: whoever may not act on the subscription now may not schedule
        AccessScope scope = CommandScopes.of(metaData);
        if (scope != null && !scope.mayChange(owners.owningUnitOf(command.subscriptionId()))) {
            throw LedgerRefusal.outOfScope(ErrorCode.SUBSCRIPTION_NOT_FOUND, "subscription", command.subscriptionId(),
                    "No record with id " + command.subscriptionId());
        }
        if (!command.executeOn().isAfter(LocalDate.now(clock))) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "executeOn: must be a future date",
                    Map.of("executeOn", "must be a future date"));
        }
        Instant dueAt = dueAt(command.executeOn());
        apply(new SubscriptionActionScheduled(command.scheduledActionId(), command.subscriptionId(),
                command.executeOn(), dueAt, command.command()));
        deadlines.schedule(dueAt, DEADLINE, new ScheduledActionDue(command.scheduledActionId()));
    }

    /** Due at the start of the day, UTC: the ledger's business dates are UTC dates of its clock. */
    static Instant dueAt(LocalDate executeOn) {
        return executeOn.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @CommandHandler
    public void handle(CancelScheduledAction command, DeadlineManager deadlines) {
        if (status != ScheduledActionStatus.PENDING) {
            throw new LedgerRefusal(ErrorCode.SCHEDULED_ACTION_NOT_PENDING,
                    "The scheduled action is " + status + " and can no longer be cancelled");
        }
        deadlines.cancelAllWithinScope(DEADLINE);
        apply(new ScheduledActionCancelled(scheduledActionId, subscriptionId));
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    public void execute(ScheduledActionDue due, ScheduledActionRunner runner) {
        if (status != ScheduledActionStatus.PENDING) {
            return; // cancelled, or already run and its outcome recorded: never runs again
        }
        if (!runner.runsWhenDue()) {
            return; // the ledger leaves its actions to the scheduled-actions runs, by behaviour code
        }
        carryOut(runner);
    }

    /**
     * A scheduled-actions run carries the action out (whatever the ledger does when it is due). Answers the refusal
     * of the subscription command (the action failed), null when it was carried out.
     */
    @CommandHandler
    public RefusalDetails handle(ExecuteScheduledAction command, ScheduledActionRunner runner) {
        if (status != ScheduledActionStatus.PENDING) {
            throw new LedgerRefusal(ErrorCode.SCHEDULED_ACTION_NOT_PENDING,
                    "The scheduled action is " + status + " and does not run again");
        }
        return carryOut(runner);
    }

    private RefusalDetails carryOut(ScheduledActionRunner runner) {
        // a repeat while still pending (the command ran, the outcome was not recorded) is told apart by the runner,
        // from the command's key on the subscription's stream
        var refusal = runner.run(scheduledActionId, subscriptionId, command);
        if (refusal == null) {
            apply(new ScheduledActionExecuted(scheduledActionId, subscriptionId, executeOn));
        } else {
            apply(new ScheduledActionFailed(scheduledActionId, subscriptionId, executeOn, refusal.code(),
                    refusal.message()));
        }
        return refusal;
    }

    @EventSourcingHandler
    void on(SubscriptionActionScheduled event) {
        scheduledActionId = event.scheduledActionId();
        subscriptionId = event.subscriptionId();
        executeOn = event.executeOn();
        command = event.command();
        status = ScheduledActionStatus.PENDING;
    }

    @EventSourcingHandler
    void on(ScheduledActionCancelled event) {
        status = ScheduledActionStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(ScheduledActionExecuted event) {
        status = ScheduledActionStatus.EXECUTED;
    }

    @EventSourcingHandler
    void on(ScheduledActionFailed event) {
        status = ScheduledActionStatus.FAILED;
    }
}
