package org.subledger.kernel.rating;

import org.subledger.kernel.money.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a rate and a quantity, a duration or a maturity into money, with an explanation. Pure and deterministic:
 * no clock, no I/O, no framework. Every amount is at the currency's scale (see {@link Money}).
 *
 * <p>Maturity: rating {@code n} periods gives the total of periods 1 to n, each period priced at the amount of the
 * level its period number falls in; {@link #ratePeriod} prices the single period {@code n} (what a bill charges).
 */
public final class RatingEngine {

    private RatingEngine() {
    }

    /**
     * Rates {@code units} (a quantity, hours, or periods of maturity, as the rate's basis says).
     *
     * @throws IllegalArgumentException for a negative number of units
     */
    public static Rating rate(Rate rate, long units) {
        if (units < 0) {
            throw new IllegalArgumentException("units are zero or more, not " + units);
        }
        if (units == 0) {
            return new Rating(Money.zero(rate.baseAmount().currency()), List.of());
        }
        return rate.model() == RateModel.TIERED ? tiered(rate, units) : flat(rate, units);
    }

    /** The charge of the single billing period number {@code period} (1 = the first) of a maturity rate. */
    public static Rating ratePeriod(Rate rate, long period) {
        if (period < 1) {
            throw new IllegalArgumentException("periods are counted from 1, not " + period);
        }
        return rate.levels().stream().filter(level -> level.contains(period)).findFirst()
                .map(level -> new Rating(level.amount(), List.of(line(level.range(), 1, level.amount()))))
                .orElseGet(() -> new Rating(rate.baseAmount(), List.of(line("base", 1, rate.baseAmount()))));
    }

    private static Rating flat(Rate rate, long units) {
        var level = rate.levels().stream().filter(candidate -> candidate.contains(units)).findFirst();
        Money unitAmount = level.map(RateLevel::amount).orElse(rate.baseAmount());
        var line = line(level.map(RateLevel::range).orElse("base"), units, unitAmount);
        return new Rating(line.amount(), List.of(line));
    }

    private static Rating tiered(Rate rate, long units) {
        List<RatingLine> lines = new ArrayList<>();
        long next = 1;
        for (RateLevel level : rate.levels()) {
            if (next > units) {
                break;
            }
            if (level.from() > next) {
                long baseUnits = Math.min(level.from() - 1, units) - next + 1;
                lines.add(line("base", baseUnits, rate.baseAmount()));
                next += baseUnits;
            }
            long within = level.unitsWithin(units);
            if (within > 0) {
                lines.add(line(level.range(), within, level.amount()));
                next = level.from() + within;
            }
        }
        if (next <= units) {
            lines.add(line("base", units - next + 1, rate.baseAmount()));
        }
        Money total = lines.stream().map(RatingLine::amount)
                .reduce(Money.zero(rate.baseAmount().currency()), Money::plus);
        return new Rating(total, lines);
    }

    private static RatingLine line(String level, long units, Money unitAmount) {
        return new RatingLine(level, units, unitAmount, unitAmount.times(units));
    }
}
