package org.subledger.kernel.discount;

import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.SubscriptionAction;

import java.time.LocalDate;
import java.util.List;

/**
 * One discount application as recorded inside the bill's own {@code SubscriptionBilled} (revision 2 on): what a
 * {@link DiscountApplied} event said, without what the {@code SubscriptionBilled} around it already says (the
 * subscription, the bill, the action). Billing used to append one {@code DiscountApplied} per application beside the
 * bill; carrying them in the bill's event appends no event per application (issue 12: the bill run's cost of
 * discounts, see docs/benchmarks.md). The fields mean what {@link DiscountApplied}'s do.
 */
public record DiscountApplication(String discountId,
                                  String definitionCode,
                                  LocalDate periodStart,
                                  LocalDate periodEnd,
                                  Money amount,
                                  int applicationNumber,
                                  List<String> lines,
                                  List<String> criteria) {

    public DiscountApplication {
        lines = List.copyOf(lines == null ? List.of() : lines);
        criteria = List.copyOf(criteria == null ? List.of() : criteria);
    }

    /** The application as billing computed it (its subscription, bill and action are the bill's). */
    public static DiscountApplication of(DiscountApplied applied) {
        return new DiscountApplication(applied.discountId(), applied.definitionCode(), applied.periodStart(),
                applied.periodEnd(), applied.amount(), applied.applicationNumber(), applied.lines(),
                applied.criteria());
    }

    /**
     * The application in the shape every reader folds (the one of the stand-alone {@link DiscountApplied} events of
     * revision 1 bills): {@code subscriptionId}, {@code billId} and {@code action} are the bill's.
     */
    public DiscountApplied on(String subscriptionId, String billId, SubscriptionAction action) {
        return new DiscountApplied(subscriptionId, discountId, definitionCode, billId, periodStart, periodEnd, amount,
                applicationNumber, lines, criteria, action);
    }
}
