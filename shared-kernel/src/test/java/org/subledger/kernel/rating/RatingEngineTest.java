package org.subledger.kernel.rating;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The worked examples P1-P10 and U1-U2 of the operator's pricing manual, and properties of the engine. */
class RatingEngineTest {

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static RateLevel level(long from, Long to, String amount) {
        return RateLevel.of(from, to, eur(amount));
    }

    static final List<RateLevel> HOURS = List.of(level(1, 1L, "20"), level(2, 5L, "15"), level(6, null, "10"));
    static final List<RateLevel> HARDWARE = List.of(level(1, 1L, "10"), level(2, 2L, "9"), level(3, 3L, "8"),
            level(4, null, "7"));
    static final List<RateLevel> DISTRIBUTORS = List.of(level(1, 1L, "5"), level(2, 2L, "4"), level(3, 3L, "3"),
            level(4, null, "2"));
    static final List<RateLevel> MODEL_TEXT = List.of(level(1, 1L, "10"), level(2, null, "8"));

    @Nested
    class WorkedExamples {

        @Test
        void p1StartUpFeeIsOneFlatAmount() {
            assertThat(RatingEngine.rate(Rate.flat(eur("5.00")), 1).amount()).isEqualTo(eur("5.00"));
        }

        @Test
        void p2RepairsFlatByDurationPricesAllHoursAtTheLevelReached() {
            var rating = RatingEngine.rate(new Rate(RateModel.FLAT, TierBasis.DURATION_HOURS, eur("20"), HOURS), 5);
            assertThat(rating.amount()).isEqualTo(eur("75.00"));
            assertThat(rating.explanation()).containsExactly(new RatingLine("2-5", 5, eur("15"), eur("75")));
        }

        @Test
        void p3InstallationTieredByDurationAddsUpTheLevels() {
            var rating = RatingEngine.rate(new Rate(RateModel.TIERED, TierBasis.DURATION_HOURS, eur("20"), HOURS), 5);
            assertThat(rating.amount()).isEqualTo(eur("80.00"));
            assertThat(rating.explanation()).containsExactly(new RatingLine("1-1", 1, eur("20"), eur("20")),
                    new RatingLine("2-5", 4, eur("15"), eur("60")));
        }

        @Test
        void p4AntennaFlatByQuantity() {
            assertThat(RatingEngine.rate(new Rate(RateModel.FLAT, TierBasis.QUANTITY, eur("10"), HARDWARE), 3)
                    .amount()).isEqualTo(eur("24.00"));
        }

        @Test
        void p5DecoderTieredByQuantity() {
            assertThat(RatingEngine.rate(new Rate(RateModel.TIERED, TierBasis.QUANTITY, eur("10"), HARDWARE), 3)
                    .amount()).isEqualTo(eur("27.00"));
        }

        @Test
        void p6GoldTieredByMaturityIsFreeForThreeMonthsOfTwelve() {
            var gold = new Rate(RateModel.TIERED, TierBasis.MATURITY_PERIODS, eur("20"),
                    List.of(level(1, 3L, "0"), level(4, null, "20")));
            assertThat(RatingEngine.rate(gold, 12).amount()).isEqualTo(eur("180.00"));

            Money billedMonthByMonth = eur("0");
            for (int month = 1; month <= 12; month++) {
                billedMonthByMonth = billedMonthByMonth.plus(RatingEngine.ratePeriod(gold, month).amount());
            }
            assertThat(billedMonthByMonth).isEqualTo(eur("180.00"));
            assertThat(RatingEngine.ratePeriod(gold, 3).amount()).isEqualTo(eur("0.00"));
            assertThat(RatingEngine.ratePeriod(gold, 4).amount()).isEqualTo(eur("20.00"));
        }

        @Test
        void p7EurosportFlatByDistributors() {
            assertThat(RatingEngine.rate(new Rate(RateModel.FLAT, TierBasis.QUANTITY, eur("5"), DISTRIBUTORS), 4)
                    .amount()).isEqualTo(eur("8.00"));
        }

        @Test
        void p8PpvServiceTieredByDistributors() {
            assertThat(RatingEngine.rate(new Rate(RateModel.TIERED, TierBasis.QUANTITY, eur("5"), DISTRIBUTORS), 4)
                    .amount()).isEqualTo(eur("14.00"));
        }

        @ParameterizedTest(name = "P9 flat, quantity {0} -> {1}")
        @CsvSource({"1, 10.00", "2, 16.00", "3, 24.00"})
        void p9FlatModelText(long quantity, String expected) {
            assertThat(RatingEngine.rate(new Rate(RateModel.FLAT, TierBasis.QUANTITY, eur("10"), MODEL_TEXT),
                    quantity).amount()).isEqualTo(eur(expected));
        }

        @ParameterizedTest(name = "P10 tiered, quantity {0} -> {1}")
        @CsvSource({"1, 10.00", "2, 18.00", "3, 26.00"})
        void p10TieredModelText(long quantity, String expected) {
            assertThat(RatingEngine.rate(new Rate(RateModel.TIERED, TierBasis.QUANTITY, eur("10"), MODEL_TEXT),
                    quantity).amount()).isEqualTo(eur(expected));
        }

        final UsageRate movies = new UsageRate(eur("3.00"),
                List.of(new UsageRate.TimeOfDayRate(LocalTime.of(0, 1), LocalTime.of(6, 59), eur("2.00"))));

        @Test
        void u1BraveheartOrderedAt2130PaysTheBaseRate() {
            assertThat(movies.rate(LocalTime.of(21, 30)).amount()).isEqualTo(eur("3.00"));
        }

        @Test
        void u2SerendipityOrderedAt0215PaysTheNightRate() {
            assertThat(movies.rate(LocalTime.of(2, 15)).amount()).isEqualTo(eur("2.00"));
        }
    }

    @Nested
    class Rules {

        @Test
        void aQuantityOutsideEveryLevelIsPricedAtTheBase() {
            var rate = new Rate(RateModel.FLAT, TierBasis.QUANTITY, eur("10"), List.of(level(3, null, "7")));
            assertThat(RatingEngine.rate(rate, 2).amount()).isEqualTo(eur("20.00"));
            var tiered = new Rate(RateModel.TIERED, TierBasis.QUANTITY, eur("10"), List.of(level(3, null, "7")));
            assertThat(RatingEngine.rate(tiered, 4).amount()).isEqualTo(eur("34.00"));
        }

        @Test
        void aTimeOfDayWindowMayRunPastMidnight() {
            var late = new UsageRate(eur("3"), List.of(new UsageRate.TimeOfDayRate(LocalTime.of(22, 0),
                    LocalTime.of(2, 0), eur("1"))));
            assertThat(late.rate(LocalTime.of(23, 30)).amount()).isEqualTo(eur("1.00"));
            assertThat(late.rate(LocalTime.of(1, 0)).amount()).isEqualTo(eur("1.00"));
            assertThat(late.rate(LocalTime.of(12, 0)).amount()).isEqualTo(eur("3.00"));
        }

        @Test
        void overlappingLevelsAreRefused() {
            assertThatThrownBy(() -> new Rate(RateModel.TIERED, TierBasis.QUANTITY, eur("1"),
                    List.of(level(1, 3L, "1"), level(3, null, "1")))).hasMessageContaining("overlap");
        }

        @Test
        void levelsInAnotherCurrencyAreRefused() {
            assertThatThrownBy(() -> new Rate(RateModel.FLAT, TierBasis.QUANTITY, eur("1"),
                    List.of(RateLevel.of(1, null, Money.of("1", "USD"))))).hasMessageContaining("currency");
        }

        @Test
        void zeroUnitsCostNothing() {
            assertThat(RatingEngine.rate(new Rate(RateModel.TIERED, TierBasis.QUANTITY, eur("10"), HARDWARE), 0)
                    .amount()).isEqualTo(eur("0"));
        }
    }

    @Nested
    class Properties {

        final Random random = new Random();

        Rate randomRate(RateModel model) {
            List<RateLevel> levels = new ArrayList<>();
            long from = 1 + random.nextInt(3);
            int count = random.nextInt(5);
            for (int i = 0; i < count; i++) {
                boolean last = i == count - 1 && random.nextBoolean();
                Long to = last ? null : from + random.nextInt(4);
                levels.add(RateLevel.of(from, to, Money.of(BigDecimal.valueOf(random.nextInt(10_000), 2), eurCurrency())));
                if (to == null) {
                    break;
                }
                from = to + 1 + random.nextInt(2);
            }
            return new Rate(model, TierBasis.QUANTITY, Money.of(BigDecimal.valueOf(random.nextInt(10_000), 3),
                    eurCurrency()), levels);
        }

        java.util.Currency eurCurrency() {
            return java.util.Currency.getInstance("EUR");
        }

        @RepeatedTest(200)
        void tieredTotalsNeverDecreaseAsTheQuantityGrows() {
            Rate rate = randomRate(RateModel.TIERED);
            Money previous = eur("0");
            for (long quantity = 0; quantity <= 30; quantity++) {
                Money amount = RatingEngine.rate(rate, quantity).amount();
                assertThat(amount.compareTo(previous)).as("quantity " + quantity + " of " + rate)
                        .isGreaterThanOrEqualTo(0);
                previous = amount;
            }
        }

        @RepeatedTest(100)
        void flatAndTieredAgreeWithOneOpenLevel() {
            Money amount = Money.of(BigDecimal.valueOf(random.nextInt(10_000), 2), eurCurrency());
            var levels = List.of(RateLevel.of(1, null, amount));
            long quantity = random.nextInt(50);
            assertThat(RatingEngine.rate(new Rate(RateModel.FLAT, TierBasis.QUANTITY, eur("9.99"), levels), quantity)
                    .amount()).isEqualTo(RatingEngine.rate(new Rate(RateModel.TIERED, TierBasis.QUANTITY, eur("9.99"),
                    levels), quantity).amount());
        }

        @RepeatedTest(100)
        void everyAmountIsAtTheCurrencysScaleAndTheExplanationAddsUp() {
            Rate rate = randomRate(random.nextBoolean() ? RateModel.FLAT : RateModel.TIERED);
            var rating = RatingEngine.rate(rate, random.nextInt(40));
            assertThat(rating.amount().amount().scale()).isEqualTo(2);
            Money sum = rating.explanation().stream().map(RatingLine::amount).reduce(eur("0"), Money::plus);
            assertThat(sum).isEqualTo(rating.amount());
            assertThat(rating.explanation()).allSatisfy(line ->
                    assertThat(line.amount().amount().scale()).isEqualTo(2));
        }
    }
}
