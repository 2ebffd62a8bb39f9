package org.subledger.kernel.billing;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * The subscription was billed (recorded on its own stream, with the bill): the bill, the date billed on, the termed
 * services' billing state after it, the usage records and one-off charges it billed, and the subscription's billing
 * position: termed services are billed through {@code billedThrough} (exclusive) and the subscription is next due on
 * {@code nextBillingDate}. A bill run never bills what a {@code SubscriptionBilled} already billed.
 */
@Revision("1")
public record SubscriptionBilled(String subscriptionId,
                                 String accountId,
                                 String billId,
                                 String billNumber,
                                 String runId,
                                 LocalDate billedOn,
                                 LocalDate billedThrough,
                                 LocalDate nextBillingDate,
                                 List<ServiceCharged> services,
                                 List<String> usageRecordIds,
                                 List<String> oneOffChargeIds,
                                 SubscriptionAction action) implements SubscriptionEvent {
    public SubscriptionBilled {
        services = List.copyOf(services == null ? List.of() : services);
        usageRecordIds = List.copyOf(usageRecordIds == null ? List.of() : usageRecordIds);
        oneOffChargeIds = List.copyOf(oneOffChargeIds == null ? List.of() : oneOffChargeIds);
    }
}
