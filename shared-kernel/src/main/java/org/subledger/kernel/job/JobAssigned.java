package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;

/** The job was assigned to a unit or an installer company, whose users see and work on it from now on. */
@Revision("1")
public record JobAssigned(String jobId, String assignedUnit, String reason) implements JobEvent {
}
