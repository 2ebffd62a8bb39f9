package org.subledger.kernel.catalog;

import org.subledger.kernel.money.Money;

import java.math.BigDecimal;

/**
 * How much an additive discount gives. AMOUNT: {@code amount}, or for ad hoc discounts an {@code amountRange} the
 * agent picks from; PERCENTAGE: {@code percentage} (0-100), or for ad hoc discounts a {@code percentageRange}, and
 * the {@code level} (1-3) it is taken at; FREE_PERIOD: the {@code freePeriod} not charged.
 */
public record DiscountValue(DiscountKind kind,
                            Money amount,
                            MoneyRange amountRange,
                            BigDecimal percentage,
                            PercentageRange percentageRange,
                            Integer level,
                            TimeSpan freePeriod) {

    public static DiscountValue amount(Money amount) {
        return new DiscountValue(DiscountKind.AMOUNT, amount, null, null, null, null, null);
    }

    public static DiscountValue amountBetween(Money min, Money max) {
        return new DiscountValue(DiscountKind.AMOUNT, null, new MoneyRange(min, max), null, null, null, null);
    }

    public static DiscountValue percentage(BigDecimal percentage, int level) {
        return new DiscountValue(DiscountKind.PERCENTAGE, null, null, percentage, null, level, null);
    }

    public static DiscountValue freePeriod(int count, PeriodUnit unit) {
        return new DiscountValue(DiscountKind.FREE_PERIOD, null, null, null, null, null, new TimeSpan(count, unit));
    }
}
