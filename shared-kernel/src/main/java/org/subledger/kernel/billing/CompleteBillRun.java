package org.subledger.kernel.billing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a bill run finished, with its counts. */
public record CompleteBillRun(@TargetAggregateIdentifier String runId,
                              long subscriptionsTotal,
                              long billed,
                              long skipped,
                              long failed) {
}
