package org.subledger.kernel.catalog;

import java.time.LocalDate;

/**
 * When something may be used for new business: always (no dates), from a date on (no end), or for a period. Both
 * dates are inclusive.
 */
public record Validity(LocalDate from, LocalDate to) {

    public static final Validity ALWAYS = new Validity(null, null);

    public Validity {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("validity ends before it starts: " + from + " to " + to);
        }
    }

    public boolean contains(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
