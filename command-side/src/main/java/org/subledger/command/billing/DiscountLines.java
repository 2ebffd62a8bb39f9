package org.subledger.command.billing;

import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.billing.LineExplanation;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * What a subscription's and a job's bills share of discounting ({@link DiscountStep}, {@link JobDiscountStep}): the
 * order discounts are taken in, the discount line with its tax part and explanation, and the note a discounted line
 * carries. One place, so both bills read alike.
 */
final class DiscountLines {

    private DiscountLines() {
    }

    /** Free periods, then percentage levels 1-3 (each on what the levels before left), then amounts. */
    static int order(DiscountValue value) {
        return switch (value.kind()) {
            case FREE_PERIOD -> 0;
            case PERCENTAGE -> value.level() == null ? 1 : value.level();
            case AMOUNT -> 4;
        };
    }

    /**
     * The discount line for what one application took from the lines ({@code takes} by line number of
     * {@code numbered}): minus the amount, minus the tax part of each take at its line's rate (the rate shown when
     * all takes share one).
     */
    static BillLine line(int lineNo, String definitionCode, String discountId, String description, LocalDate from,
                         LocalDate to, Map<Integer, Money> takes, List<BillLine> numbered, Money amount,
                         Currency currency, String rateModel, List<String> facts) {
        Money tax = Money.zero(currency);
        BigDecimal rate = null;
        boolean oneRate = true;
        for (var take : takes.entrySet()) {
            BillLine line = numbered.get(take.getKey() - 1);
            tax = tax.plus(Proration.taxPart(take.getValue(), line.taxRatePercent()));
            oneRate &= rate == null || line.taxRatePercent() == null || rate.compareTo(line.taxRatePercent()) == 0;
            rate = rate == null ? line.taxRatePercent() : rate;
        }
        var explanation = new LineExplanation(null, rateModel, null, 1, List.of(), amount, null, null, null, null,
                null, facts);
        return new BillLine(lineNo, BillLineKind.DISCOUNT, definitionCode, description, from, to, 1,
                amount.negate(), tax.negate(), oneRate ? rate : null, discountId, explanation);
    }

    /** The line with the discounts it got noted in its explanation. */
    static BillLine withDiscounts(BillLine line, List<String> discounts) {
        LineExplanation e = line.explanation();
        var explanation = e == null ? new LineExplanation(null, null, null, line.quantity(), List.of(), line.amount(),
                null, null, null, null, null, discounts)
                : new LineExplanation(e.pricePlanCode(), e.rateModel(), e.tierBasis(), e.units(), e.tiers(),
                e.periodAmount(), e.daysCharged(), e.daysInPeriod(), e.maturityPeriod(), e.concurrentUsage(),
                e.directive(), discounts);
        return new BillLine(line.lineNo(), line.kind(), line.productCode(), line.description(), line.from(), line.to(),
                line.quantity(), line.amount(), line.taxAmount(), line.taxRatePercent(), line.reference(),
                explanation);
    }

    /**
     * Takes at most what is {@code left} of the line, never below zero, and adds it to the line's {@code takes};
     * returns what it took.
     */
    static Money take(Map<Integer, Money> left, Map<Integer, Money> takes, BillLine line, Money wanted) {
        Money remaining = left.get(line.lineNo());
        Money taken = wanted.isGreaterThan(remaining) ? remaining : wanted;
        if (!taken.isPositive()) {
            return Money.zero(remaining.currency());
        }
        left.put(line.lineNo(), remaining.minus(taken));
        takes.merge(line.lineNo(), taken, Money::plus);
        return taken;
    }
}
