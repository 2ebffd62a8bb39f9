package org.subledger.kernel.collections;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop the definition starting runs by itself; a run now is still possible. */
public record DeactivateRunDefinition(@TargetAggregateIdentifier String definitionId) {
}
