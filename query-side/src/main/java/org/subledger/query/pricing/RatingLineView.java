package org.subledger.query.pricing;

import org.subledger.kernel.rating.RatingLine;

import org.subledger.kernel.money.Money;

/** One step of a quote's explanation: {@code units} at {@code unitAmount} each, from {@code level} (or "base"). */
public record RatingLineView(String level, long units, Money unitAmount, Money amount) {

    static RatingLineView of(RatingLine line) {
        return new RatingLineView(line.level(), line.units(), line.unitAmount(), line.amount());
    }
}
