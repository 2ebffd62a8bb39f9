package org.subledger.kernel.rating;

import org.subledger.kernel.money.Money;

import java.time.LocalTime;
import java.util.List;

/**
 * The rate of a usage service (a PPV event, a VOD title): a base amount, and amounts in force during times of day
 * (e.g. 2.00 from 00:01 to 06:59). A window may run past midnight (22:00 to 02:00).
 */
public record UsageRate(Money baseAmount, List<TimeOfDayRate> timeOfDayRates) {

    public UsageRate {
        timeOfDayRates = List.copyOf(timeOfDayRates == null ? List.of() : timeOfDayRates);
    }

    /** An amount in force from {@code from} to {@code to}, both inclusive, local time of the usage. */
    public record TimeOfDayRate(LocalTime from, LocalTime to, Money amount) {

        public boolean covers(LocalTime time) {
            return from.isAfter(to)
                    ? !time.isBefore(from) || !time.isAfter(to)
                    : !time.isBefore(from) && !time.isAfter(to);
        }
    }

    /** The amount of one usage at the given local time: the first time-of-day rate covering it, else the base. */
    public Rating rate(LocalTime usedAt) {
        return timeOfDayRates.stream().filter(rate -> rate.covers(usedAt)).findFirst()
                .map(rate -> new Rating(rate.amount(), List.of(new RatingLine(
                        rate.from() + "-" + rate.to(), 1, rate.amount(), rate.amount()))))
                .orElseGet(() -> new Rating(baseAmount, List.of(new RatingLine("base", 1, baseAmount, baseAmount))));
    }
}
