package org.subledger.kernel.rating;

import org.subledger.kernel.money.Money;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The price of one product in a price plan: a model, what its levels count, a base amount and optional levels.
 * Levels never overlap and all amounts share one currency.
 */
public record Rate(RateModel model, TierBasis basis, Money baseAmount, List<RateLevel> levels) {

    public Rate {
        if (model == null || basis == null || baseAmount == null) {
            throw new IllegalArgumentException("a rate has a model, a basis and a base amount");
        }
        if (baseAmount.isNegative()) {
            throw new IllegalArgumentException("the base amount is zero or more");
        }
        var sorted = new ArrayList<>(levels == null ? List.<RateLevel>of() : levels);
        sorted.sort(Comparator.comparingLong(RateLevel::from));
        for (int i = 0; i < sorted.size(); i++) {
            var level = sorted.get(i);
            if (!level.amount().currency().equals(baseAmount.currency())) {
                throw new IllegalArgumentException("level " + level.range() + " is in another currency");
            }
            if (i > 0) {
                var previous = sorted.get(i - 1);
                if (previous.to() == null || previous.to() >= level.from()) {
                    throw new IllegalArgumentException("levels " + previous.range() + " and " + level.range()
                            + " overlap");
                }
            }
        }
        levels = List.copyOf(sorted);
    }

    /** A single price with no levels (an expense such as a start-up fee). */
    public static Rate flat(Money amount) {
        return new Rate(RateModel.FLAT, TierBasis.QUANTITY, amount, List.of());
    }
}
