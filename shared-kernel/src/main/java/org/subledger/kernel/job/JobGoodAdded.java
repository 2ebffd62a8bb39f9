package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;

/** A physical good was delivered through the job (a traceable one's serial number claimed with it). */
@Revision("1")
public record JobGoodAdded(String jobId, JobGood good) implements JobEvent {
}
