package org.subledger.kernel.collections;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class RecurrenceTest {

    private static final LocalTime FOUR = LocalTime.of(4, 0);

    @Test
    void everyDayAtFourIsTodayBeforeFourAndTomorrowAfter() {
        var daily = new Recurrence(RecurrenceFrequency.DAILY, FOUR, null, null);
        assertThat(daily.nextAfter(Instant.parse("2026-03-11T03:59:00Z"))).isEqualTo("2026-03-11T04:00:00Z");
        assertThat(daily.nextAfter(Instant.parse("2026-03-11T04:00:00Z"))).isEqualTo("2026-03-12T04:00:00Z");
    }

    @Test
    void theFirstMondayOfEveryMonth() {
        var firstMonday = new Recurrence(RecurrenceFrequency.MONTHLY_FIRST_WEEKDAY, FOUR, DayOfWeek.MONDAY, null);
        assertThat(firstMonday.nextAfter(Instant.parse("2026-03-01T00:00:00Z"))).isEqualTo("2026-03-02T04:00:00Z");
        assertThat(firstMonday.nextAfter(Instant.parse("2026-03-02T04:00:00Z"))).isEqualTo("2026-04-06T04:00:00Z");
        assertThat(firstMonday.nextAfter(Instant.parse("2026-12-15T00:00:00Z"))).isEqualTo("2027-01-04T04:00:00Z");
    }

    @Test
    void aMonthlyDayBeyondTheMonthIsItsLastDay() {
        var thirtyFirst = new Recurrence(RecurrenceFrequency.MONTHLY, FOUR, null, 31);
        assertThat(thirtyFirst.nextAfter(Instant.parse("2026-02-01T00:00:00Z"))).isEqualTo("2026-02-28T04:00:00Z");
        assertThat(thirtyFirst.nextAfter(Instant.parse("2026-02-28T05:00:00Z"))).isEqualTo("2026-03-31T04:00:00Z");
    }

    @Test
    void weeklyNeedsItsDay() {
        assertThat(new Recurrence(RecurrenceFrequency.WEEKLY, FOUR, null, null).problem()).isPresent();
        assertThat(new Recurrence(RecurrenceFrequency.WEEKLY, FOUR, DayOfWeek.FRIDAY, null)
                .nextAfter(Instant.parse("2026-03-11T09:00:00Z"))).isEqualTo("2026-03-13T04:00:00Z");
    }
}
