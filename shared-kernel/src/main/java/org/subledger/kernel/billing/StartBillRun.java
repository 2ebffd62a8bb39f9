package org.subledger.kernel.billing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.subledger.kernel.catalog.BillingFrequency;

import java.time.LocalDate;

/** Start a bill run for {@code billingDate}, optionally only for one billing frequency and/or subscription type. */
public record StartBillRun(@TargetAggregateIdentifier String runId,
                           LocalDate billingDate,
                           BillingFrequency billingFrequency,
                           String subscriptionTypeCode) {
}
