package org.subledger.command.process;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.process.ProcessStepRefusalResolved;
import org.subledger.kernel.process.ProcessStepRefused;
import org.subledger.kernel.process.RecordProcessStepRefusal;
import org.subledger.kernel.process.ResolveProcessStepRefusal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One refused process step, from its refusal until someone resolves it. Its id is derived from the step's id, so a
 * step refused again (a redelivered event) is recorded once, and a resolved refusal stays resolved.
 */
@Aggregate
class ProcessStepRefusal {

    @AggregateIdentifier
    private String refusalId;
    private boolean resolved;

    ProcessStepRefusal() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordProcessStepRefusal command) {
        if (refusalId != null) {
            return; // the same step refused again: already on the list
        }
        apply(new ProcessStepRefused(command.refusalId(), command.process(), command.step(), command.stepId(),
                command.subjectId(), command.target(), command.command(), command.code(), command.reason()));
    }

    @CommandHandler
    void handle(ResolveProcessStepRefusal command) {
        if (!resolved) {
            apply(new ProcessStepRefusalResolved(refusalId, command.resolution(), command.resolvedBy()));
        }
    }

    @EventSourcingHandler
    void on(ProcessStepRefused event) {
        refusalId = event.refusalId();
    }

    @EventSourcingHandler
    void on(ProcessStepRefusalResolved event) {
        resolved = true;
    }
}
