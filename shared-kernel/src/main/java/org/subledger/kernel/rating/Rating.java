package org.subledger.kernel.rating;

import org.subledger.kernel.money.Money;

import java.util.List;

/** The amount a rate gives for an input, and how it was reached. */
public record Rating(Money amount, List<RatingLine> explanation) {

    public Rating {
        explanation = List.copyOf(explanation);
    }
}
