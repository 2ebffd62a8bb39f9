package org.subledger.kernel.collections;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change what a run definition selects and how it runs; runs already started keep their settings. */
public record ChangeRunDefinition(@TargetAggregateIdentifier String definitionId, RunSettings settings) {
}
