package org.subledger.kernel.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record on the job that the subscription refused to swap in the replacement delivered on line {@code lineId}, and
 * give its serial number back (sent by the job's repair process, not by users).
 */
public record RecordJobReplacementRefusal(@TargetAggregateIdentifier String jobId, String lineId, String code,
                                          String message) {
}
