package org.subledger.command.collections;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.collections.CollectionRunBatchProcessed;
import org.subledger.kernel.collections.CollectionRunCandidatesSelected;
import org.subledger.kernel.collections.CollectionRunCompleted;
import org.subledger.kernel.collections.CollectionRunStarted;
import org.subledger.kernel.collections.CollectionRunState;
import org.subledger.kernel.collections.CompleteCollectionRun;
import org.subledger.kernel.collections.RecordCollectionRunBatch;
import org.subledger.kernel.collections.RecordCollectionRunCandidates;
import org.subledger.kernel.collections.StartCollectionRun;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A deactivation or reactivation run: started with its definition's settings, then its frozen candidates, then the
 * outcome of each batch in order, then its completion. Every step is recorded once: a repeat (a node resuming the
 * run after a crash, a second node) is ignored, so the counts stay exact. The acting itself is done by
 * {@link CollectionRunExecutor}.
 */
@Aggregate
class CollectionRun {

    @AggregateIdentifier
    private String runId;
    private CollectionRunState state = CollectionRunState.NONE;

    CollectionRun() {
        // for Axon's event sourcing
    }

    /** Asked for twice (a trigger delivered again), the run starts once. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartCollectionRun command) {
        if (!state.started()) {
            apply(new CollectionRunStarted(command.runId(), command.definitionId(), command.settings(),
                    command.asOf()));
        }
    }

    @CommandHandler
    void handle(RecordCollectionRunCandidates command) {
        if (!state.selected()) {
            apply(new CollectionRunCandidatesSelected(runId, command.subscriptionIds()));
        }
    }

    /** Only the next batch is recorded: the outcome of a batch recorded already is a repeat. */
    @CommandHandler
    void handle(RecordCollectionRunBatch command) {
        if (state.selected() && !state.completed() && command.batchNo() == state.batchesDone()
                && state.batchesDone() < state.batches()) {
            apply(new CollectionRunBatchProcessed(runId, command.batchNo(), command.outcomes()));
        }
    }

    @CommandHandler
    void handle(CompleteCollectionRun command) {
        if (state.selected() && !state.completed() && state.batchesDone() == state.batches()) {
            apply(new CollectionRunCompleted(runId, state.candidates().size(), state.acted(), state.failed(),
                    state.batchesDone()));
        }
    }

    @EventSourcingHandler
    void on(CollectionRunStarted event) {
        runId = event.runId();
        state = state.apply(event);
    }

    @EventSourcingHandler
    void on(CollectionRunCandidatesSelected event) {
        state = state.apply(event);
    }

    @EventSourcingHandler
    void on(CollectionRunBatchProcessed event) {
        state = state.apply(event);
    }

    @EventSourcingHandler
    void on(CollectionRunCompleted event) {
        state = state.apply(event);
    }
}
