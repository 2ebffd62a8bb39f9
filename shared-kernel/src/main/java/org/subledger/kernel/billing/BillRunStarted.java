package org.subledger.kernel.billing;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.event.DomainEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * A bill run was requested: bill every effective subscription due on or before {@code billingDate}, optionally only
 * those of one billing frequency and/or one subscription type and/or the subscriptions of some accounts
 * ({@code null}: all). Revision 2 added {@code accountIds}; a revision 1 run was over every account.
 */
@Revision("2")
public record BillRunStarted(String runId,
                             LocalDate billingDate,
                             BillingFrequency billingFrequency,
                             String subscriptionTypeCode,
                             List<String> accountIds) implements DomainEvent {

    public BillRunStarted {
        accountIds = accountIds == null ? null : List.copyOf(accountIds);
    }

    public BillRunStarted(String runId, LocalDate billingDate, BillingFrequency billingFrequency,
                          String subscriptionTypeCode) {
        this(runId, billingDate, billingFrequency, subscriptionTypeCode, null);
    }
}
