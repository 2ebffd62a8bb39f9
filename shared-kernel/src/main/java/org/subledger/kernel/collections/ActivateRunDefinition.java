package org.subledger.kernel.collections;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let the definition start its runs by its recurrence. */
public record ActivateRunDefinition(@TargetAggregateIdentifier String definitionId) {
}
