package org.subledger.command.collections;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.collections.ActivateRunDefinition;
import org.subledger.kernel.collections.ChangeRunDefinition;
import org.subledger.kernel.collections.CollectionRunRequested;
import org.subledger.kernel.collections.CreateRunDefinition;
import org.subledger.kernel.collections.DeactivateRunDefinition;
import org.subledger.kernel.collections.RequestCollectionRun;
import org.subledger.kernel.collections.RunDefinitionActivated;
import org.subledger.kernel.collections.RunDefinitionChanged;
import org.subledger.kernel.collections.RunDefinitionCreated;
import org.subledger.kernel.collections.RunDefinitionDeactivated;
import org.subledger.kernel.collections.RunSettings;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A deactivation or reactivation run definition. Once active, its recurrence is an Axon deadline kept by the
 * persistent scheduler (db-scheduler, in PostgreSQL), so its runs start by themselves and survive restarts; each
 * trigger asks for a run and sets the next one. A run asked for carries the settings of that moment: changing the
 * definition never changes a run under way.
 */
@Aggregate
class RunDefinition {

    static final String DEADLINE = "collection-run-due";

    @AggregateIdentifier
    private String definitionId;
    private RunSettings settings;
    private boolean active;
    private Instant lastScheduledRunAt;

    RunDefinition() {
        // for Axon's event sourcing
    }

    @CommandHandler
    RunDefinition(CreateRunDefinition command) {
        requireUsable(command.settings());
        apply(new RunDefinitionCreated(command.definitionId(), command.settings()));
    }

    @CommandHandler
    void handle(ChangeRunDefinition command, Clock clock, DeadlineManager deadlines) {
        requireUsable(command.settings());
        apply(new RunDefinitionChanged(definitionId, command.settings()));
        if (active) {
            // the recurrence may have changed: the next trigger is set anew
            deadlines.cancelAllWithinScope(DEADLINE);
            scheduleNext(clock.instant(), deadlines);
        }
    }

    @CommandHandler
    void handle(ActivateRunDefinition command, Clock clock, DeadlineManager deadlines) {
        if (active) {
            return;
        }
        Instant next = scheduleNext(clock.instant(), deadlines);
        apply(new RunDefinitionActivated(definitionId, next));
    }

    @CommandHandler
    void handle(DeactivateRunDefinition command, DeadlineManager deadlines) {
        if (!active) {
            return;
        }
        deadlines.cancelAllWithinScope(DEADLINE);
        apply(new RunDefinitionDeactivated(definitionId));
    }

    /** A run now, whether the definition is active or not: an operator's explicit request. */
    @CommandHandler
    void handle(RequestCollectionRun command, Clock clock) {
        LocalDate asOf = command.asOf() != null ? command.asOf() : LocalDate.now(clock);
        apply(new CollectionRunRequested(definitionId, command.runId(), settings, asOf, false));
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void due(RunDefinitionDue due, DeadlineManager deadlines) {
        Instant dueAt = due.dueAt();
        if (!active) {
            return; // deactivated after the trigger was set: its cancellation came too late
        }
        scheduleNext(due.dueAt(), deadlines);
        boolean tooSoon = lastScheduledRunAt != null && settings.startAgainAfter() != null
                && lastScheduledRunAt.plus(settings.startAgainAfter()).isAfter(dueAt);
        if (!tooSoon) {
            // keyed by the trigger: a deadline delivered twice asks for the same run, which starts once
            String runId = UUID.nameUUIDFromBytes((definitionId + "@" + dueAt).getBytes()).toString();
            apply(new CollectionRunRequested(definitionId, runId, settings,
                    LocalDate.ofInstant(dueAt, ZoneOffset.UTC), true));
        }
    }

    private Instant scheduleNext(Instant after, DeadlineManager deadlines) {
        if (settings.recurrence() == null) {
            return null;
        }
        Instant next = settings.recurrence().nextAfter(after);
        deadlines.schedule(next, DEADLINE, new RunDefinitionDue(definitionId, next));
        return next;
    }

    private static void requireUsable(RunSettings settings) {
        if (settings == null) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "settings: are required");
        }
        var problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "The run definition cannot be used: " + problems,
                    problems);
        }
    }

    @EventSourcingHandler
    void on(RunDefinitionCreated event) {
        definitionId = event.definitionId();
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(RunDefinitionChanged event) {
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(RunDefinitionActivated event) {
        active = true;
    }

    @EventSourcingHandler
    void on(RunDefinitionDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(CollectionRunRequested event, @Timestamp Instant at) {
        if (event.scheduled()) {
            lastScheduledRunAt = at;
        }
    }
}
