package org.subledger.kernel.process;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.subledger.kernel.error.ErrorCode;

/**
 * Record that a process step was refused (see {@link ProcessStepRefused}); recording the same refusal id again
 * records nothing.
 */
public record RecordProcessStepRefusal(@TargetAggregateIdentifier String refusalId, String process, String step,
                                       String stepId, String subjectId, String target, String command,
                                       ErrorCode code, String reason) {

    /** The refusal id of a step: one record per step, however often the step is refused. */
    public static String refusalId(String stepId) {
        return "refusal:" + stepId;
    }
}
