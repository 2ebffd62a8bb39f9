package org.subledger.kernel.subscription;

import org.subledger.kernel.money.Money;

/**
 * How much usage a subscription had billed: the number of usage records and their rated amount. What a discount's
 * usage totals per unit of time count ({@code DiscountCriteria.UsageTotal}).
 */
public record UsageTally(long records, Money amount) {

    public UsageTally plus(UsageTally other) {
        return other == null ? this : new UsageTally(records + other.records, amount.plus(other.amount));
    }
}
