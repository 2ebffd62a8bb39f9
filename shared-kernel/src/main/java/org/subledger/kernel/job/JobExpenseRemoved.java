package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;

/** An expense was taken off the job before it was billed. */
@Revision("1")
public record JobExpenseRemoved(String jobId, String lineId, String reason) implements JobEvent {
}
