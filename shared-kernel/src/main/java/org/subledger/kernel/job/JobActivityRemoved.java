package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;

/** An activity, with the one-time services it recorded, was taken off the job before it was billed. */
@Revision("1")
public record JobActivityRemoved(String jobId, String activityId, String reason) implements JobEvent {
}
