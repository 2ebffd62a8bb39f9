package org.subledger.kernel.billing;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionEvent;

import org.subledger.kernel.subscription.UsageTally;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The subscription was billed (recorded on its own stream, with the bill): the bill, the date billed on, the termed
 * services' billing state after it, the usage records and one-off charges it billed, and the subscription's billing
 * position: termed services are billed through {@code billedThrough} (exclusive) and the subscription is next due on
 * {@code nextBillingDate}. A bill run never bills what a {@code SubscriptionBilled} already billed.
 *
 * <p>{@code usageBilledByDay}: the usage records it billed counted and summed per day they were used, so a reader
 * that does not hold the records (the Subscription aggregate loaded from its snapshot, which carries totals, not
 * records) still knows how much usage is left unbilled. Null on revision 1 (written before it existed,
 * {@code SubscriptionBilledUsageTallyUpcaster}): a reader then counts the records it holds.
 */
@Revision("2")
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
                                 SubscriptionAction action,
                                 SortedMap<LocalDate, UsageTally> usageBilledByDay) implements SubscriptionEvent {
    public SubscriptionBilled {
        services = List.copyOf(services == null ? List.of() : services);
        usageRecordIds = List.copyOf(usageRecordIds == null ? List.of() : usageRecordIds);
        oneOffChargeIds = List.copyOf(oneOffChargeIds == null ? List.of() : oneOffChargeIds);
        usageBilledByDay = usageBilledByDay == null ? null : Collections.unmodifiableSortedMap(
                new TreeMap<>(usageBilledByDay));
    }

    /**
     * A bill as revision 1 recorded it, without the tallies of its usage (tests of histories that predate them, and
     * readers that hold every record they bill).
     */
    public SubscriptionBilled(String subscriptionId, String accountId, String billId, String billNumber, String runId,
                              LocalDate billedOn, LocalDate billedThrough, LocalDate nextBillingDate,
                              List<ServiceCharged> services, List<String> usageRecordIds, List<String> oneOffChargeIds,
                              SubscriptionAction action) {
        this(subscriptionId, accountId, billId, billNumber, runId, billedOn, billedThrough, nextBillingDate, services,
                usageRecordIds, oneOffChargeIds, action, (SortedMap<LocalDate, UsageTally>) null);
    }
}
