package org.subledger.kernel.billing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.subledger.kernel.catalog.BillingFrequency;

import java.time.LocalDate;
import java.util.List;

/**
 * Start a bill run for {@code billingDate}, optionally only for one billing frequency and/or subscription type and/or
 * the subscriptions of some accounts ({@code accountIds}; {@code null}: every account).
 */
public record StartBillRun(@TargetAggregateIdentifier String runId,
                           LocalDate billingDate,
                           BillingFrequency billingFrequency,
                           String subscriptionTypeCode,
                           List<String> accountIds) {

    public StartBillRun(String runId, LocalDate billingDate, BillingFrequency billingFrequency,
                        String subscriptionTypeCode) {
        this(runId, billingDate, billingFrequency, subscriptionTypeCode, null);
    }
}
