package org.subledger.kernel.rating;

import org.subledger.kernel.money.Money;

/**
 * One step of a rating's explanation: {@code units} priced at {@code unitAmount} each, from the level
 * {@code level} (its range, or "base" when no level applied).
 */
public record RatingLine(String level, long units, Money unitAmount, Money amount) {
}
