package org.subledger.kernel.subscription;

import java.time.LocalDate;

/**
 * A time the subscription was deactivated: from {@code from} until it was reactivated on {@code to} (null while it
 * still is). Maturity criteria of discounts look at them.
 */
public record Interruption(LocalDate from, LocalDate to) {

    /** The days it lasted, up to {@code on} while it still lasts. */
    public long days(LocalDate on) {
        return java.time.temporal.ChronoUnit.DAYS.between(from, to == null || to.isAfter(on) ? on : to);
    }
}
