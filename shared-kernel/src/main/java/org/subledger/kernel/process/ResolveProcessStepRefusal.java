package org.subledger.kernel.process;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mark a refused process step as dealt with; resolving it again records nothing. */
public record ResolveProcessStepRefusal(@TargetAggregateIdentifier String refusalId, String resolution,
                                        String resolvedBy) {
}
