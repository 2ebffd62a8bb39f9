package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The completed job, of a job type billed by the bill run, was not billed on completion: the next bill run whose
 * billing date is on or after {@code completedOn} bills it, once, for account {@code accountId}.
 */
@Revision("1")
public record JobBillingDeferred(String jobId, String accountId, LocalDate completedOn) implements JobEvent {
}
