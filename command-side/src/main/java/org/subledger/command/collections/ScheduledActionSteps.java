package org.subledger.command.collections;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.command.scheduling.KeyedSubscriptionCommands;
import org.subledger.kernel.collections.RunOutcome;
import org.subledger.kernel.error.RefusalDetails;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.scheduling.ExecuteScheduledAction;
import org.subledger.kernel.scheduling.ScheduledActionExecuted;
import org.subledger.kernel.scheduling.ScheduledActionFailed;

import java.util.Optional;

/**
 * Carries out one scheduled action for a scheduled-actions run, through the action itself (which sends its
 * subscription command, keyed by the action, and records the outcome), keyed by the run: a run resumed after its node
 * stopped between carrying an action out and recording the batch finds the action's outcome recorded under its key
 * and takes that, without asking again (the action would now answer that it is no longer pending).
 */
@Component
class ScheduledActionSteps {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledActionSteps.class);

    private final CommandGateway commands;
    private final EventStore eventStore;

    ScheduledActionSteps(@Lazy CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    /** Carries the action out unless this run did already ({@code mayHaveActed}: only then is it looked for). */
    RunOutcome execute(String runId, String scheduledActionId, boolean mayHaveActed) {
        if (mayHaveActed) {
            var recorded = recordedBy(runId, scheduledActionId);
            if (recorded.isPresent()) {
                LOG.info("Run {} had already carried out scheduled action {}: not asked again", runId,
                        scheduledActionId);
                return recorded.get();
            }
        }
        try {
            RefusalDetails refusal = commands.sendAndWait(CollectionRunCommands.message(runId,
                    new ExecuteScheduledAction(scheduledActionId)));
            return refusal == null ? RunOutcome.acted(scheduledActionId) : refused(scheduledActionId, refusal);
        } catch (RuntimeException failure) {
            return refused(scheduledActionId, KeyedSubscriptionCommands.refusal(failure));
        }
    }

    /** The outcome the action recorded when this run carried it out, if it did. */
    private Optional<RunOutcome> recordedBy(String runId, String scheduledActionId) {
        String key = CollectionRunCommands.idempotencyKey(runId);
        return eventStore.readEvents(scheduledActionId, 0).asStream()
                .filter(event -> key.equals(event.getMetaData().get(LedgerMetadata.IDEMPOTENCY_KEY)))
                .map(event -> event.getPayload() instanceof ScheduledActionFailed failed
                        ? RunOutcome.refused(scheduledActionId, failed.code() == null ? null : failed.code().name(),
                        failed.message())
                        : event.getPayload() instanceof ScheduledActionExecuted
                        ? RunOutcome.acted(scheduledActionId) : null)
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    private static RunOutcome refused(String scheduledActionId, RefusalDetails refusal) {
        return RunOutcome.refused(scheduledActionId, refusal.code().name(), refusal.message());
    }
}
