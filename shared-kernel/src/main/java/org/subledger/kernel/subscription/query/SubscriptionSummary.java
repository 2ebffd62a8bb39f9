package org.subledger.kernel.subscription.query;

import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.SubscriptionState;

import java.time.LocalDate;

/**
 * A subscription as it stands (or stood): its owner account, subscription type, life-cycle state, billing terms and
 * the business dates of its life cycle. {@code activatedOn}: when it became effective (its creation date when sold
 * as effective); {@code deactivatedOn}: set while it is deactivated; {@code terminatedOn}: once terminated.
 * {@code version}: sequence number of the last event of the subscription it reflects. {@code owningUnit}: the unit
 * that owns it ({@code null}: open to all staff).
 */
public record SubscriptionSummary(String subscriptionId,
                                  String accountId,
                                  String subscriptionTypeCode,
                                  SubscriptionState state,
                                  BillingTerms billingTerms,
                                  LocalDate createdOn,
                                  LocalDate activatedOn,
                                  LocalDate deactivatedOn,
                                  LocalDate terminatedOn,
                                  long version,
                                  String owningUnit) {
}
