package org.subledger.command.billing;

import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that states how billing periods are cut and how amounts are prorated and rounded.
 *
 * <ul>
 *   <li><b>Billing periods.</b> Period {@code k} of a subscription is [anchor + k&middot;m months,
 *       anchor + (k+1)&middot;m months), where the anchor is the date the subscription became effective and m the
 *       months of its billing frequency. Every boundary is computed from the anchor ({@code anchor.plusMonths(k*m)}),
 *       never chained from the previous boundary, so an anchor of Jan 31 gives Feb 28, Mar 31, Apr 30, ...</li>
 *   <li><b>Dates.</b> Every period and charged range is start inclusive, end exclusive. A service removed on day X
 *       is not billed from X on: X is the exclusive end of what it is charged for.</li>
 *   <li><b>Whole periods.</b> A whole period is charged the full-period amount, with no rounding.</li>
 *   <li><b>Parts of a period.</b> A part is charged full-period amount &times; days charged / days in that period,
 *       computed exactly and rounded once per line, {@link Money#ROUNDING} (half-up) at the currency's scale. A
 *       charged range crossing a period boundary is split at the boundary into one line per period.</li>
 *   <li><b>Tax.</b> Amounts are VAT inclusive; the tax part of an amount at rate r % is amount &times; r / (100 + r),
 *       rounded half-up at the currency's scale.</li>
 * </ul>
 */
public final class Proration {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Proration() {
    }

    /** The start of billing period {@code k}: {@code anchor.plusMonths(k * months)}. */
    public static LocalDate boundary(LocalDate anchor, int months, long k) {
        return anchor.plusMonths(k * months);
    }

    /** The number k of the billing period holding {@code date}: the largest k with boundary(k) &lt;= date. */
    public static long periodIndex(LocalDate anchor, int months, LocalDate date) {
        long k = Math.floorDiv(ChronoUnit.MONTHS.between(anchor, date), months);
        while (!boundary(anchor, months, k + 1).isAfter(date)) {
            k++;
        }
        while (boundary(anchor, months, k).isAfter(date)) {
            k--;
        }
        return k;
    }

    /** [from, to) split at the billing period boundaries: one piece per period it touches, in order. */
    public static List<Piece> split(LocalDate anchor, int months, LocalDate from, LocalDate to) {
        List<Piece> pieces = new ArrayList<>();
        LocalDate current = from;
        while (current.isBefore(to)) {
            long k = periodIndex(anchor, months, current);
            LocalDate periodStart = boundary(anchor, months, k);
            LocalDate periodEnd = boundary(anchor, months, k + 1);
            LocalDate end = periodEnd.isBefore(to) ? periodEnd : to;
            pieces.add(new Piece(current, end, k, periodStart, periodEnd));
            current = end;
        }
        return pieces;
    }

    /** What a piece of a period is charged: the full amount for a whole period, else the prorated part. */
    public static Money charge(Money periodAmount, Piece piece) {
        return piece.whole() ? periodAmount : prorate(periodAmount, piece.days(), piece.daysInPeriod());
    }

    /** periodAmount &times; days / daysInPeriod, rounded once, half-up at the currency's scale. */
    public static Money prorate(Money periodAmount, long days, long daysInPeriod) {
        BigDecimal exact = periodAmount.amount().multiply(BigDecimal.valueOf(days));
        BigDecimal rounded = exact.divide(BigDecimal.valueOf(daysInPeriod), Money.scaleOf(periodAmount.currency()),
                Money.ROUNDING);
        return Money.of(rounded, periodAmount.currency());
    }

    /** The tax part of a VAT-inclusive amount: amount &times; rate / (100 + rate), half-up ({@code null} rate: 0). */
    public static Money taxPart(Money amount, BigDecimal ratePercent) {
        if (ratePercent == null || ratePercent.signum() == 0) {
            return Money.zero(amount.currency());
        }
        BigDecimal tax = amount.amount().multiply(ratePercent).divide(HUNDRED.add(ratePercent),
                Money.scaleOf(amount.currency()), Money.ROUNDING);
        return Money.of(tax, amount.currency());
    }

    /**
     * A part of a charged range inside one billing period: [from, to) within period {@code periodIndex}, which is
     * [periodStart, periodEnd).
     */
    public record Piece(LocalDate from, LocalDate to, long periodIndex, LocalDate periodStart, LocalDate periodEnd) {

        public long days() {
            return ChronoUnit.DAYS.between(from, to);
        }

        public long daysInPeriod() {
            return ChronoUnit.DAYS.between(periodStart, periodEnd);
        }

        public boolean whole() {
            return from.equals(periodStart) && to.equals(periodEnd);
        }
    }
}
