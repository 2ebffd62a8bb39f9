package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A job discount pending approval was rejected: it never reaches a bill. Who rejected it is in the metadata. */
@Revision("1")
public record JobDiscountRejected(String jobId, String discountId, LocalDate rejectedOn, String reason)
        implements JobEvent {
}
