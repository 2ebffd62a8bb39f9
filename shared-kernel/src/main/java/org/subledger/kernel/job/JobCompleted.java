package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The job was completed on {@code actualCompletion}; {@code late} when that is after the expected completion date
 * (job discounts look at it). It is billed next, once.
 */
@Revision("1")
public record JobCompleted(String jobId, String accountId, LocalDate actualCompletion, LocalDate expectedCompletion,
                           boolean late, String reason) implements JobEvent {
}
