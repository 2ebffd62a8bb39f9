package org.subledger.kernel.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record on the job that the subscription it ordered was refused (sent by the job's process, not by users). */
public record RecordJobSubscriptionRefusal(@TargetAggregateIdentifier String jobId, String subscriptionId,
                                           String code, String message) {
}
