package org.subledger.kernel.catalog;

import org.subledger.kernel.money.Money;

import java.math.BigDecimal;

/**
 * How much an additive discount gives: one value, or for ad hoc discounts a range the agent picks a value from.
 * AMOUNT: {@code amount} or {@code amountRange}; PERCENTAGE: {@code percentage} (0-100) or {@code percentageRange},
 * and the {@code level} (1-3) it is taken at; FREE_PERIOD: the {@code freePeriod} not charged, or a
 * {@code freePeriodRange}.
 */
public record DiscountValue(DiscountKind kind,
                            Money amount,
                            MoneyRange amountRange,
                            BigDecimal percentage,
                            PercentageRange percentageRange,
                            Integer level,
                            TimeSpan freePeriod,
                            FreePeriodRange freePeriodRange) {

    public static DiscountValue amount(Money amount) {
        return new DiscountValue(DiscountKind.AMOUNT, amount, null, null, null, null, null, null);
    }

    public static DiscountValue amountBetween(Money min, Money max) {
        return new DiscountValue(DiscountKind.AMOUNT, null, new MoneyRange(min, max), null, null, null, null, null);
    }

    public static DiscountValue percentage(BigDecimal percentage, int level) {
        return new DiscountValue(DiscountKind.PERCENTAGE, null, null, percentage, null, level, null, null);
    }

    public static DiscountValue freePeriod(int count, PeriodUnit unit) {
        return new DiscountValue(DiscountKind.FREE_PERIOD, null, null, null, null, null, new TimeSpan(count, unit), null);
    }
}
