package org.subledger.kernel.collections;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Freeze the subscriptions the run acts on; a run records them once, a repeat is ignored. */
public record RecordCollectionRunCandidates(@TargetAggregateIdentifier String runId, List<String> subscriptionIds) {
}
