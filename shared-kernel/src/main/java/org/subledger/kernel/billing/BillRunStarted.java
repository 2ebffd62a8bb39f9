package org.subledger.kernel.billing;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.event.DomainEvent;

import java.time.LocalDate;

/**
 * A bill run was requested: bill every effective subscription due on or before {@code billingDate}, optionally only
 * those of one billing frequency and/or one subscription type ({@code null}: all).
 */
@Revision("1")
public record BillRunStarted(String runId,
                             LocalDate billingDate,
                             BillingFrequency billingFrequency,
                             String subscriptionTypeCode) implements DomainEvent {
}
