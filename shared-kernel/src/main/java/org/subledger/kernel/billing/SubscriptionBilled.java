package org.subledger.kernel.billing;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.discount.DiscountApplication;
import org.subledger.kernel.discount.DiscountApplied;
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
 * <p>Revision 2 added {@code discounts}: the discount applications on this subscription's part of the bill, in the
 * order billing computed them (before, each was a {@link DiscountApplied} event appended after this one; those stay
 * on the streams that have them and every reader still folds them). Revision 1 events read back with none
 * ({@code SubscriptionBilledDiscountsUpcaster}). Readers take them through {@link #discountsApplied()}.
 *
 * <p>Revision 3 added {@code usageBilledByDay}: the usage records it billed counted and summed per day they were used,
 * so a reader that does not hold the records (the Subscription aggregate loaded from its snapshot, which carries
 * totals, not records) still knows how much usage is left unbilled. Null on earlier revisions (written before it
 * existed, {@code SubscriptionBilledUsageTallyUpcaster}): a reader then counts the records it holds.
 */
@Revision("3")
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
                                 List<DiscountApplication> discounts,
                                 SortedMap<LocalDate, UsageTally> usageBilledByDay) implements SubscriptionEvent {
    public SubscriptionBilled {
        services = List.copyOf(services == null ? List.of() : services);
        usageRecordIds = List.copyOf(usageRecordIds == null ? List.of() : usageRecordIds);
        oneOffChargeIds = List.copyOf(oneOffChargeIds == null ? List.of() : oneOffChargeIds);
        discounts = List.copyOf(discounts == null ? List.of() : discounts);
        usageBilledByDay = usageBilledByDay == null ? null : Collections.unmodifiableSortedMap(
                new TreeMap<>(usageBilledByDay));
    }

    /**
     * A bill as revision 1 recorded it: no discount applied, no tallies of its usage (tests of histories that predate
     * them, and readers that hold every record they bill).
     */
    public SubscriptionBilled(String subscriptionId, String accountId, String billId, String billNumber, String runId,
                              LocalDate billedOn, LocalDate billedThrough, LocalDate nextBillingDate,
                              List<ServiceCharged> services, List<String> usageRecordIds,
                              List<String> oneOffChargeIds, SubscriptionAction action) {
        this(subscriptionId, accountId, billId, billNumber, runId, billedOn, billedThrough, nextBillingDate, services,
                usageRecordIds, oneOffChargeIds, action, List.of(), null);
    }

    /** A bill with discounts as revision 2 recorded it, without the tallies of its usage. */
    public SubscriptionBilled(String subscriptionId, String accountId, String billId, String billNumber, String runId,
                              LocalDate billedOn, LocalDate billedThrough, LocalDate nextBillingDate,
                              List<ServiceCharged> services, List<String> usageRecordIds,
                              List<String> oneOffChargeIds, SubscriptionAction action,
                              List<DiscountApplication> discounts) {
        this(subscriptionId, accountId, billId, billNumber, runId, billedOn, billedThrough, nextBillingDate, services,
                usageRecordIds, oneOffChargeIds, action, discounts, null);
    }

    /** A bill with the tallies of its usage and no discount applied. */
    public SubscriptionBilled(String subscriptionId, String accountId, String billId, String billNumber, String runId,
                              LocalDate billedOn, LocalDate billedThrough, LocalDate nextBillingDate,
                              List<ServiceCharged> services, List<String> usageRecordIds,
                              List<String> oneOffChargeIds, SubscriptionAction action,
                              SortedMap<LocalDate, UsageTally> usageBilledByDay) {
        this(subscriptionId, accountId, billId, billNumber, runId, billedOn, billedThrough, nextBillingDate, services,
                usageRecordIds, oneOffChargeIds, action, List.of(), usageBilledByDay);
    }

    /**
     * The discount applications recorded with this bill, each in the shape of a {@link DiscountApplied} (this
     * subscription, this bill, this action), so that a reader folds them exactly as the stand-alone events older
     * bills have.
     */
    public List<DiscountApplied> discountsApplied() {
        if (discounts.isEmpty()) {
            return List.of();
        }
        return discounts.stream().map(applied -> applied.on(subscriptionId, billId, action)).toList();
    }
}
