package org.subledger.command.process;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.subledger.kernel.error.RefusalDetails;
import org.subledger.kernel.process.RecordProcessStepRefusal;

import java.util.Map;
import java.util.Optional;

/**
 * The one failure contract of the process managers (sagas). A step's command is sent and waited for:
 * <ul>
 *     <li>done: the process goes on;</li>
 *     <li>refused for a business reason ({@link Refusals}): the refusal is recorded as a {@code ProcessStepRefused}
 *     (once per step id), listed as needing attention, and the process goes on with its next events; retrying a
 *     refused command would be refused again, and every later event of the processor's segment would wait;</li>
 *     <li>any other failure is thrown: the event's handling fails, and the saga's processing group retries it with
 *     back-off, then dead-letters it (the platform's dead-letter handling, given to every saga group).</li>
 * </ul>
 * A refused command records nothing and leaves the caller's transaction usable (a participating transaction is not
 * marked rollback-only by Axon's Spring transaction manager), so the refusal is recorded in the same transaction as
 * the saga's new state: both or neither.
 */
@Component
public class ProcessSteps {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessSteps.class);

    private final CommandGateway commandGateway;

    public ProcessSteps(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** Sends the step's command; {@code true} if done, {@code false} if refused (and recorded). */
    public boolean send(ProcessStep step, Object command) {
        return send(step, command, Map.of());
    }

    /** As {@link #send(ProcessStep, Object)}, the command carrying metadata (e.g. its {@code cause}). */
    public boolean send(ProcessStep step, Object command, Map<String, ?> metaData) {
        return attempt(step, command, metaData).isEmpty();
    }

    /**
     * As {@link #send(ProcessStep, Object, Map)}, for a process that compensates a refusal: empty if done, else the
     * refusal (recorded as needing attention like any other).
     */
    public Optional<RefusalDetails> attempt(ProcessStep step, Object command, Map<String, ?> metaData) {
        Optional<RefusalDetails> refusal;
        try {
            commandGateway.sendAndWait(metaData.isEmpty() ? command
                    : GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            return Optional.empty();
        } catch (RuntimeException failure) {
            refusal = Refusals.of(failure);
            if (refusal.isEmpty()) {
                throw failure;
            }
        }
        RefusalDetails details = refusal.get();
        LOG.warn("{} step {} ({}) refused by {}: {} {}", step.process(), step.step(), step.stepId(), step.target(),
                details.code(), details.message());
        commandGateway.sendAndWait(new RecordProcessStepRefusal(RecordProcessStepRefusal.refusalId(step.stepId()),
                step.process(), step.step(), step.stepId(), step.subjectId(), step.target(),
                command.getClass().getSimpleName(), details.code(), details.message()));
        return refusal;
    }
}
