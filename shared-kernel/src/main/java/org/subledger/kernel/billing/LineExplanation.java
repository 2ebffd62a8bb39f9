package org.subledger.kernel.billing;

import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.RatingLine;
import org.subledger.kernel.subscription.ConcurrentUsage;

import java.util.List;

/**
 * How a bill line's amount was reached, so a bill explains itself: the price plan whose rate applied (a conditional
 * plan's apply conditions held, or its base plan), the rate's model and basis, the units rated (quantity, hours,
 * maturity period), the rating's tiers, the full-period amount before proration, the days charged out of the days in
 * the billing period ({@code null} for lines that are not prorated), the maturity period number, the concurrent usage
 * applied, the service's billing directive, and {@code discounts}: on a discounted line, each additive discount that
 * took from it ({@code "<definition code> -<amount>"}, the discount itself being a DISCOUNT line of the bill); on a
 * DISCOUNT line, its definition, value, the lines it discounted, the criteria that held and the application counted.
 */
public record LineExplanation(String pricePlanCode,
                              String rateModel,
                              String tierBasis,
                              long units,
                              List<RatingLine> tiers,
                              Money periodAmount,
                              Long daysCharged,
                              Long daysInPeriod,
                              Integer maturityPeriod,
                              ConcurrentUsage concurrentUsage,
                              BillingDirective directive,
                              List<String> discounts) {
    public LineExplanation {
        tiers = List.copyOf(tiers == null ? List.of() : tiers);
        discounts = List.copyOf(discounts == null ? List.of() : discounts);
    }
}
