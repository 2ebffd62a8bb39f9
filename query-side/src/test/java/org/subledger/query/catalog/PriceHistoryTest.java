package org.subledger.query.catalog;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.RateClassification;
import org.subledger.kernel.catalog.query.PriceVersion;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.Rate;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PriceHistoryTest {

    private static final LocalDate JANUARY = LocalDate.of(2026, 1, 1);
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);

    private final PriceVersion first = version(1, JANUARY, APRIL);
    private final PriceVersion second = version(2, APRIL, JULY);
    private final PriceVersion third = version(3, JULY, null);
    private final List<PriceVersion> history = List.of(third, first, second);

    @Test
    void nothingIsInForceBeforeTheFirstVersion() {
        assertThat(PriceHistory.inForceOn(history, JANUARY.minusDays(1))).isEmpty();
        assertThat(PriceHistory.inForceOn(List.of(), JANUARY)).isEmpty();
    }

    @Test
    void aVersionIsInForceFromItsFirstDayUntilTheDayBeforeTheNextOne() {
        assertThat(PriceHistory.inForceOn(history, JANUARY)).contains(first);
        assertThat(PriceHistory.inForceOn(history, APRIL.minusDays(1))).contains(first);
        assertThat(PriceHistory.inForceOn(history, APRIL)).contains(second);
        assertThat(PriceHistory.inForceOn(history, JULY.minusDays(1))).contains(second);
    }

    @Test
    void theLatestVersionStaysInForceForGood() {
        assertThat(PriceHistory.inForceOn(history, JULY)).contains(third);
        assertThat(PriceHistory.inForceOn(history, LocalDate.of(2099, 12, 31))).contains(third);
    }

    @Test
    void startDatesDecideEvenWhereEndDatesAreNotSetYet() {
        var unclosed = List.of(version(1, JANUARY, null), version(2, APRIL, null));

        assertThat(PriceHistory.inForceOn(unclosed, JULY)).get().extracting(PriceVersion::version).isEqualTo(2);
        assertThat(PriceHistory.inForceOn(unclosed, JANUARY)).get().extracting(PriceVersion::version).isEqualTo(1);
    }

    @Test
    void agreesWithEachVersionsOwnDates() {
        for (LocalDate day = JANUARY.minusDays(3); day.isBefore(JULY.plusDays(3)); day = day.plusDays(1)) {
            LocalDate date = day;
            var expected = history.stream().filter(version -> version.inForceOn(date)).findFirst();
            assertThat(PriceHistory.inForceOn(history, date)).as(date.toString()).isEqualTo(expected);
        }
    }

    private static PriceVersion version(int number, LocalDate from, LocalDate to) {
        return new PriceVersion("STANDARD", "DECODER", number, RateClassification.PHYSICAL_GOOD, from, to,
                Rate.flat(Money.of(String.valueOf(10 + number), "EUR")));
    }
}
