package org.subledger.kernel.collections;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * When a run definition starts its runs: "every day at 04:00", "the first Monday of every month at 04:00". Times are
 * UTC, as every business date of the ledger's clock. {@code dayOfWeek} is for the weekly and first-weekday forms,
 * {@code dayOfMonth} for the monthly one.
 */
public record Recurrence(RecurrenceFrequency frequency, LocalTime at, DayOfWeek dayOfWeek, Integer dayOfMonth) {

    /** Why this recurrence cannot be used, if it cannot. */
    public Optional<String> problem() {
        if (frequency == null || at == null) {
            return Optional.of("frequency and at are required");
        }
        if ((frequency == RecurrenceFrequency.WEEKLY || frequency == RecurrenceFrequency.MONTHLY_FIRST_WEEKDAY)
                && dayOfWeek == null) {
            return Optional.of("dayOfWeek is required for " + frequency);
        }
        if (frequency == RecurrenceFrequency.MONTHLY && (dayOfMonth == null || dayOfMonth < 1 || dayOfMonth > 31)) {
            return Optional.of("dayOfMonth from 1 to 31 is required for MONTHLY");
        }
        boolean byWeekday = frequency == RecurrenceFrequency.WEEKLY
                || frequency == RecurrenceFrequency.MONTHLY_FIRST_WEEKDAY;
        if (!byWeekday && dayOfWeek != null) {
            return Optional.of("dayOfWeek is not for " + frequency);
        }
        if (frequency != RecurrenceFrequency.MONTHLY && dayOfMonth != null) {
            return Optional.of("dayOfMonth is not for " + frequency);
        }
        return Optional.empty();
    }

    /** The first occurrence strictly after {@code after}. */
    public Instant nextAfter(Instant after) {
        LocalDate day = LocalDateTime.ofInstant(after, ZoneOffset.UTC).toLocalDate();
        // at most a few months ahead: the first candidate on or after the day, then onwards until one is later
        for (int i = 0; i < 400; i++) {
            Instant candidate = occurrenceOnOrAfter(day).atTime(at).toInstant(ZoneOffset.UTC);
            if (candidate.isAfter(after)) {
                return candidate;
            }
            day = occurrenceOnOrAfter(day).plusDays(1);
        }
        throw new IllegalStateException("no occurrence of " + this + " after " + after);
    }

    private LocalDate occurrenceOnOrAfter(LocalDate day) {
        return switch (frequency) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.nextOrSame(dayOfWeek));
            case MONTHLY_FIRST_WEEKDAY -> {
                LocalDate first = day.with(TemporalAdjusters.firstInMonth(dayOfWeek));
                yield first.isBefore(day)
                        ? day.plusMonths(1).with(TemporalAdjusters.firstInMonth(dayOfWeek)) : first;
            }
            case MONTHLY -> {
                LocalDate inMonth = dayInMonth(day);
                yield inMonth.isBefore(day) ? dayInMonth(day.plusMonths(1).withDayOfMonth(1)) : inMonth;
            }
        };
    }

    private LocalDate dayInMonth(LocalDate day) {
        return day.withDayOfMonth(Math.min(dayOfMonth, day.lengthOfMonth()));
    }
}
