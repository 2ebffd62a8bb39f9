package org.subledger.kernel.catalog;

import java.time.LocalDate;

/**
 * How long a discount runs once added: from its {@code start}, until {@code endDate} (inclusive), for
 * {@code period}, or indefinitely when neither is given.
 */
public record DiscountDuration(DurationStart start, LocalDate endDate, TimeSpan period) {

    public static DiscountDuration indefinitely(DurationStart start) {
        return new DiscountDuration(start, null, null);
    }
}
