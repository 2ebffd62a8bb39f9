package org.subledger.kernel.billing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record how many subscriptions a started bill run selected. */
public record RecordBillRunCandidates(@TargetAggregateIdentifier String runId, long subscriptionsTotal) {
}
