package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Work on the job started (IN_PROGRESS), and why. */
@Revision("1")
public record JobStarted(String jobId, LocalDate startedOn, String reason) implements JobEvent {
}
