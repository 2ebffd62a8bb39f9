package org.subledger.kernel.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deliver a physical good through the job (its serial number claimed for it when traceable). */
public record AddJobGood(@TargetAggregateIdentifier String jobId, JobGood good) {
}
