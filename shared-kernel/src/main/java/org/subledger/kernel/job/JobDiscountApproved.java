package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A job discount pending approval was approved: it reaches the job's bill. The approver is in the metadata. */
@Revision("1")
public record JobDiscountApproved(String jobId, String discountId, LocalDate approvedOn) implements JobEvent {
}
