package org.subledger.query.pricing;

import org.subledger.kernel.rating.RatingLine;

import java.math.BigDecimal;

/** One step of a quote's explanation: {@code units} at {@code unitAmount} each, from {@code level} (or "base"). */
public record RatingLineView(String level, long units, BigDecimal unitAmount, BigDecimal amount) {

    static RatingLineView of(RatingLine line) {
        return new RatingLineView(line.level(), line.units(), line.unitAmount().amount(), line.amount().amount());
    }
}
