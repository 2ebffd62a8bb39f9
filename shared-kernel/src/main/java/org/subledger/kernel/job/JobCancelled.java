package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The job was called off, and why; nothing of it is billed. */
@Revision("1")
public record JobCancelled(String jobId, LocalDate cancelledOn, String reason) implements JobEvent {
}
