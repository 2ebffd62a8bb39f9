package org.subledger.kernel.collections;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close the run once every batch is recorded. */
public record CompleteCollectionRun(@TargetAggregateIdentifier String runId) {
}
