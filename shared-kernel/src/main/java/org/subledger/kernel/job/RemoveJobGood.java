package org.subledger.kernel.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take a good off the job before it is billed, named by its line id or, for a traceable good, its serial number
 * (which is released).
 */
public record RemoveJobGood(@TargetAggregateIdentifier String jobId, String lineIdOrSerial, String reason) {
}
