package org.subledger.query.subscription;

import org.subledger.kernel.discount.SubscriptionDiscount;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.query.SubscriptionSummary;

import java.util.List;

/**
 * A subscription as one event of its audit trail left it: the summary its as-of read answers, and what it held then
 * (termed services, distributors, installed items, discounts with their applications).
 */
public record SubscriptionStateAfter(SubscriptionSummary summary,
                                     List<SubscriptionService> services,
                                     List<Distributor> distributors,
                                     List<InstalledItem> installedItems,
                                     List<SubscriptionDiscount> discounts) {
}
