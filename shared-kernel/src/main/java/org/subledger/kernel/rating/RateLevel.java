package org.subledger.kernel.rating;

import org.subledger.kernel.money.Money;

/**
 * One level of a rate: units {@code from} to {@code to}, both inclusive ({@code to} null: unlimited), each priced
 * at {@code amount} (VAT inclusive).
 */
public record RateLevel(long from, Long to, Money amount) {

    public RateLevel {
        if (from < 1) {
            throw new IllegalArgumentException("a level starts at 1 or more, not " + from);
        }
        if (to != null && to < from) {
            throw new IllegalArgumentException("a level ends at or after its start: " + from + "-" + to);
        }
        if (amount == null || amount.isNegative()) {
            throw new IllegalArgumentException("a level's amount is zero or more");
        }
    }

    public static RateLevel of(long from, Long to, Money amount) {
        return new RateLevel(from, to, amount);
    }

    public boolean contains(long unit) {
        return unit >= from && (to == null || unit <= to);
    }

    /** How many of the units 1..{@code units} fall in this level. */
    long unitsWithin(long units) {
        long last = to == null ? units : Math.min(to, units);
        return Math.max(0, last - from + 1);
    }

    public String range() {
        return from + "-" + (to == null ? "unlimited" : to.toString());
    }
}
