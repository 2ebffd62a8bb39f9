package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;

/**
 * A good was taken off the job before it was billed (delivered by mistake, or returned); a traceable one's serial
 * number was released with it, so it may be delivered elsewhere.
 */
@Revision("1")
public record JobGoodRemoved(String jobId, JobGood good, String reason) implements JobEvent {
}
