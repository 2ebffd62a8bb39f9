package org.subledger.kernel.collections;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Start a run with the settings of its definition at the time it was requested. */
public record StartCollectionRun(@TargetAggregateIdentifier String runId,
                                 String definitionId,
                                 RunSettings settings,
                                 LocalDate asOf) {
}
