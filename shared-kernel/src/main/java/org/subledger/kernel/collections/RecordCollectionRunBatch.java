package org.subledger.kernel.collections;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Record the outcome of the run's next batch; a batch recorded already is ignored. */
public record RecordCollectionRunBatch(@TargetAggregateIdentifier String runId,
                                       int batchNo,
                                       List<RunOutcome> outcomes) {
}
