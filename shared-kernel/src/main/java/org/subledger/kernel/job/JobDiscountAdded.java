package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.discount.DiscountStatus;

import java.time.LocalDate;

/**
 * An ad hoc additive discount was added to the job: its single {@code value} (an amount or a percentage with its
 * level). {@code status} is PENDING_APPROVAL when the definition requires approval, else APPROVED; only an APPROVED
 * one reaches the job's bill, and only if its criteria hold for the job as completed. Who added it is in the
 * metadata.
 */
@Revision("1")
public record JobDiscountAdded(String jobId,
                               String discountId,
                               String definitionCode,
                               DiscountValue value,
                               LocalDate addedOn,
                               DiscountStatus status,
                               String note) implements JobEvent {
}
