package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;

/** An activity was recorded on the job, with each service's billed minutes as settled by its activity type. */
@Revision("1")
public record JobActivityAdded(String jobId, JobActivity activity) implements JobEvent {
}
