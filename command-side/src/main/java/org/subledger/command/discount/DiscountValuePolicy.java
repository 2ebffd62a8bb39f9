package org.subledger.command.discount;

import org.subledger.kernel.catalog.DiscountKind;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.catalog.TimeSpan;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The one value an ad hoc discount gives, settled from its definition and the agent's pick: a definition of one
 * value gives that value (the agent may leave it out or repeat it); a definition with a range needs a pick inside it
 * (both ends inclusive). A pick of another kind, or a non-positive one, is {@code DISCOUNT_VALUE_INVALID}; one outside
 * the range {@code DISCOUNT_VALUE_OUT_OF_RANGE}. A percentage keeps the definition's level. Amounts arrive at their
 * currency's scale: the HTTP edge refuses more decimals than the currency has before they are rounded.
 */
public final class DiscountValuePolicy {

    /** Percentages are kept to four decimals (12.3456 %): finer picks are typing errors, not discounts. */
    static final int PERCENTAGE_SCALE = 4;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DiscountValuePolicy() {
    }

    public static DiscountValue settle(DiscountValue offered, DiscountValue picked) {
        if (offered == null || offered.kind() == null) {
            throw invalid("the definition gives no value");
        }
        if (picked == null || picked.amount() == null && picked.percentage() == null && picked.freePeriod() == null) {
            return single(offered).orElseThrow(() -> invalid("pick a value within the definition's range"));
        }
        if (picked.kind() != null && picked.kind() != offered.kind()) {
            throw invalid("the definition gives a " + offered.kind() + ", not a " + picked.kind());
        }
        return switch (offered.kind()) {
            case AMOUNT -> amount(offered, picked.amount());
            case PERCENTAGE -> percentage(offered, picked.percentage());
            case FREE_PERIOD -> freePeriod(offered, picked.freePeriod());
        };
    }

    private static Optional<DiscountValue> single(DiscountValue offered) {
        return Optional.ofNullable(switch (offered.kind()) {
            case AMOUNT -> offered.amount() == null ? null : DiscountValue.amount(offered.amount());
            case PERCENTAGE -> offered.percentage() == null ? null
                    : DiscountValue.percentage(offered.percentage(), level(offered));
            case FREE_PERIOD -> offered.freePeriod() == null ? null
                    : DiscountValue.freePeriod(offered.freePeriod().count(), offered.freePeriod().unit());
        });
    }

    private static DiscountValue amount(DiscountValue offered, Money amount) {
        if (amount == null) {
            throw invalid("the definition gives an amount");
        }
        if (!amount.isPositive()) {
            throw invalid("the amount must be positive");
        }
        Money min = offered.amountRange() != null ? offered.amountRange().min() : offered.amount();
        Money max = offered.amountRange() != null ? offered.amountRange().max() : offered.amount();
        if (min == null || max == null || !min.currency().equals(amount.currency())) {
            throw invalid("the amount must be in " + (min == null ? "the definition's currency"
                    : min.currency().getCurrencyCode()));
        }
        if (amount.compareTo(min) < 0 || amount.compareTo(max) > 0) {
            throw outOfRange(amount + " is not " + between(min, max));
        }
        return DiscountValue.amount(amount);
    }

    private static DiscountValue percentage(DiscountValue offered, BigDecimal percentage) {
        if (percentage == null) {
            throw invalid("the definition gives a percentage");
        }
        if (percentage.signum() <= 0 || percentage.compareTo(HUNDRED) > 0
                || percentage.stripTrailingZeros().scale() > PERCENTAGE_SCALE) {
            throw invalid("the percentage must be above 0 and at most 100, with at most " + PERCENTAGE_SCALE
                    + " decimals");
        }
        BigDecimal min = offered.percentageRange() != null ? offered.percentageRange().min() : offered.percentage();
        BigDecimal max = offered.percentageRange() != null ? offered.percentageRange().max() : offered.percentage();
        if (min == null || max == null || percentage.compareTo(min) < 0 || percentage.compareTo(max) > 0) {
            throw outOfRange(percentage.toPlainString() + " % is not " + between(min, max));
        }
        return DiscountValue.percentage(percentage, level(offered));
    }

    private static DiscountValue freePeriod(DiscountValue offered, TimeSpan period) {
        if (period == null || period.unit() == null) {
            throw invalid("the definition gives a free period");
        }
        if (period.count() < 1) {
            throw invalid("the free period must be at least 1 " + period.unit());
        }
        var range = offered.freePeriodRange();
        boolean within = range != null ? range.unit() == period.unit() && period.count() >= range.minCount()
                && period.count() <= range.maxCount() : period.equals(offered.freePeriod());
        if (!within) {
            throw outOfRange(period.count() + " " + period.unit() + " is not " + (range != null
                    ? between(range.minCount() + " " + range.unit(), range.maxCount() + " " + range.unit())
                    : "the definition's " + offered.freePeriod()));
        }
        return DiscountValue.freePeriod(period.count(), period.unit());
    }

    private static int level(DiscountValue offered) {
        return offered.level() == null ? 1 : offered.level();
    }

    private static String between(Object min, Object max) {
        return min.equals(max) ? "the definition's " + min : "between " + min + " and " + max;
    }

    private static LedgerRefusal invalid(String why) {
        return new LedgerRefusal(ErrorCode.DISCOUNT_VALUE_INVALID, "The discount's value is not valid: " + why,
                Map.of("value", why));
    }

    private static LedgerRefusal outOfRange(String why) {
        return new LedgerRefusal(ErrorCode.DISCOUNT_VALUE_OUT_OF_RANGE, "The discount's value is refused: " + why,
                Map.of("value", why));
    }
}
