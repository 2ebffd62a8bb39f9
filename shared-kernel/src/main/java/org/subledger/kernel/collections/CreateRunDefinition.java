package org.subledger.kernel.collections;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Define a deactivation or reactivation run; it starts runs by itself only once activated. */
public record CreateRunDefinition(@TargetAggregateIdentifier String definitionId, RunSettings settings) {
}
