package org.subledger.kernel.collections;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Start a run of the definition now, selecting as of {@code asOf}. */
public record RequestCollectionRun(@TargetAggregateIdentifier String definitionId, String runId, LocalDate asOf) {
}
