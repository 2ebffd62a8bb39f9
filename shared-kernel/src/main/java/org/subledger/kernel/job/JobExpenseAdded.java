package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;

/** An expense was added to the job. */
@Revision("1")
public record JobExpenseAdded(String jobId, JobExpense expense) implements JobEvent {
}
