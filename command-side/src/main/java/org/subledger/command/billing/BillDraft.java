package org.subledger.command.billing;

import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.ServiceCharged;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.UsageTally;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A bill as the calculator worked it out, before it has a number and an id: everything {@code BillIssued} and
 * {@code SubscriptionBilled} record, and the discounts it applies (recorded as {@code DiscountApplied} with the bill,
 * their bill id left to the writer), with its usage records' tallies per day ({@code SubscriptionBilled} records
 * them). Pure data; the same draft is what the preview shows and what a run issues.
 */
public record BillDraft(String subscriptionId,
                        String accountId,
                        BillKind kind,
                        LocalDate billedOn,
                        LocalDate periodFrom,
                        LocalDate periodTo,
                        List<BillLine> lines,
                        Money total,
                        Money taxTotal,
                        LocalDate dueDate,
                        LocalDate billedThrough,
                        LocalDate nextBillingDate,
                        List<ServiceCharged> services,
                        List<String> usageRecordIds,
                        List<String> oneOffChargeIds,
                        List<DiscountApplied> discounts,
                        SortedMap<LocalDate, UsageTally> usageBilledByDay) {
    public BillDraft {
        lines = List.copyOf(lines);
        services = List.copyOf(services);
        usageRecordIds = List.copyOf(usageRecordIds);
        oneOffChargeIds = List.copyOf(oneOffChargeIds);
        discounts = List.copyOf(discounts == null ? List.of() : discounts);
        usageBilledByDay = new TreeMap<>(usageBilledByDay == null ? new TreeMap<>() : usageBilledByDay);
    }
}
