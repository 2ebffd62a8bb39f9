package org.subledger.kernel.discount;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.DiscountCriteria;

import org.subledger.kernel.subscription.Interruption;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DiscountCriteriaCheckTest {

    private static final DiscountCriteria LOYAL_ACCOUNTS = new DiscountCriteria(null, null,
            new DiscountCriteria.AccountCriteria(List.of("LOYAL"), List.of("AAA")), null, null, null);

    private static DiscountCriteriaCheck.Facts facts(String classification, String creditRating) {
        return new DiscountCriteriaCheck.Facts("RESIDENTIAL", true, BillingFrequency.MONTHLY, null, "GOLD",
                "STANDARD", Set.of("GOLD"), classification, creditRating);
    }

    @Test
    void anAccountWithoutAClassificationOrCreditRatingMeetsNoAccountCriterionInsteadOfFailingTheCheck() {
        var outcome = DiscountCriteriaCheck.check(LOYAL_ACCOUNTS, facts(null, null), false);
        assertThat(outcome.holds()).isFalse();
        assertThat(outcome.failed()).hasSize(1);
    }

    @Test
    void anAccountOfALoyalClassificationOrAnAaaRatingMeetsIt() {
        assertThat(DiscountCriteriaCheck.check(LOYAL_ACCOUNTS, facts("LOYAL", null), false).holds()).isTrue();
        assertThat(DiscountCriteriaCheck.check(LOYAL_ACCOUNTS, facts(null, "AAA"), false).holds()).isTrue();
        assertThat(DiscountCriteriaCheck.check(LOYAL_ACCOUNTS, facts("NEW", "B"), false).holds()).isFalse();
    }

    private static final DiscountCriteria MATURE = new DiscountCriteria(null, null, null, null, null, null, null,
            new DiscountCriteria.Maturity(60, 7), null);
    private static final LocalDate ACTIVATED = LocalDate.of(2026, 1, 1);

    private static DiscountCriteriaCheck.Facts history(LocalDate on, Interruption... interruptions) {
        return new DiscountCriteriaCheck.Facts("RESIDENTIAL", true, BillingFrequency.MONTHLY, null, "GOLD",
                "STANDARD", Set.of("GOLD"), null, null, ACTIVATED, List.of(interruptions), on);
    }

    @Test
    void maturityCountsTheDaysSinceTheActivationThroughShortInterruptions() {
        assertThat(DiscountCriteriaCheck.check(MATURE, history(ACTIVATED.plusDays(60)), false).holds()).isFalse();
        assertThat(DiscountCriteriaCheck.check(MATURE, history(ACTIVATED.plusDays(61)), false).held())
                .containsExactly("subscription matured above 60 days without an interruption over 7 days (61)");
        var week = new Interruption(ACTIVATED.plusDays(10), ACTIVATED.plusDays(17));
        assertThat(DiscountCriteriaCheck.check(MATURE, history(ACTIVATED.plusDays(61), week), false).holds())
                .isTrue();
    }

    @Test
    void aLongerInterruptionStartsTheCountAgainAndADeactivatedSubscriptionIsNotMature() {
        var eightDays = new Interruption(ACTIVATED.plusDays(10), ACTIVATED.plusDays(18));
        assertThat(DiscountCriteriaCheck.check(MATURE, history(ACTIVATED.plusDays(78), eightDays), false).holds())
                .isFalse();
        assertThat(DiscountCriteriaCheck.check(MATURE, history(ACTIVATED.plusDays(79), eightDays), false).holds())
                .isTrue();
        var open = new Interruption(ACTIVATED.plusDays(70), null);
        assertThat(DiscountCriteriaCheck.check(MATURE, history(ACTIVATED.plusDays(90), open), false).holds())
                .isFalse();
        // without the subscription's history (a job's facts) it does not hold
        assertThat(DiscountCriteriaCheck.check(MATURE, facts("LOYAL", null), false).holds()).isFalse();
    }

    @Test
    void usageCriteriaAdmitTheirCatalogsDaysAndATimeWindowAlsoPastMidnight() {
        var nights = new DiscountCriteria.UsageCriteria(List.of("NAGRA-VOD"), null, null, LocalTime.of(22, 0),
                LocalTime.of(6, 0));
        assertThat(nights.admits("NAGRA-VOD", null, LocalDateTime.parse("2026-01-10T23:30"))).isTrue();
        assertThat(nights.admits("NAGRA-VOD", null, LocalDateTime.parse("2026-01-11T05:59"))).isTrue();
        assertThat(nights.admits("NAGRA-VOD", null, LocalDateTime.parse("2026-01-11T06:00"))).isFalse();
        assertThat(nights.admits("OTHER", null, LocalDateTime.parse("2026-01-10T23:30"))).isFalse();
        var sundays = new DiscountCriteria.UsageCriteria(null, List.of("PPV"), List.of(DayOfWeek.SUNDAY), null, null);
        assertThat(sundays.admits(null, "PPV", LocalDateTime.parse("2026-01-11T12:00"))).isTrue();
        assertThat(sundays.admits(null, "PPV", LocalDateTime.parse("2026-01-12T12:00"))).isFalse();
        assertThat(sundays.admits(null, null, LocalDateTime.parse("2026-01-11T12:00"))).isFalse();
    }

    /**
     * Billing skips an auto-apply discount when {@code mayHold} says no: that must mean the full check fails on every
     * day, and a check that holds on some day must have {@code mayHold} say yes. Random criteria and facts (a fixed
     * seed), each section drawn empty, matching or not, and a maturity on some of them.
     */
    @Test
    void mayHoldSaysNoOnlyWhenTheCheckFailsOnEveryDayAndYesWhenItHoldsWithoutAMaturity() {
        var random = new java.util.Random(12);
        List<String> schemes = List.of("RESIDENTIAL", "BUSINESS");
        List<String> types = List.of("GOLD", "PLATINUM");
        List<String> plans = List.of("STANDARD", "PROMO");
        List<String> classes = List.of("LOYAL", "RESIDENTIAL");
        List<String> ratings = List.of("AAA", "B");
        List<String> products = List.of("PLATINUM", "EUROSPORT-1", "GOLD");
        int skipped = 0;
        for (int i = 0; i < 5_000; i++) {
            var criteria = new DiscountCriteria(new DiscountCriteria.BillingTermCriteria(some(random, schemes),
                    some(random, List.of(BillingFrequency.MONTHLY, BillingFrequency.ANNUAL)),
                    some(random, List.of(12, 24))), some(random, types),
                    new DiscountCriteria.AccountCriteria(some(random, classes), some(random, ratings)),
                    some(random, plans), some(random, products), List.of(), null,
                    random.nextBoolean() ? new DiscountCriteria.Maturity(random.nextInt(60), 7) : null, null);
            var interruptions = random.nextBoolean() ? List.<Interruption>of()
                    : List.of(new Interruption(ACTIVATED.plusDays(20), ACTIVATED.plusDays(20 + random.nextInt(15))));
            var facts = new DiscountCriteriaCheck.Facts(one(random, schemes), random.nextBoolean(),
                    random.nextBoolean() ? BillingFrequency.MONTHLY : BillingFrequency.ANNUAL,
                    random.nextBoolean() ? null : 12, one(random, types), one(random, plans),
                    Set.copyOf(some(random, products)), random.nextBoolean() ? null : one(random, classes),
                    random.nextBoolean() ? null : one(random, ratings), ACTIVATED, interruptions, null);
            boolean mayHold = DiscountCriteriaCheck.mayHold(criteria, facts);
            for (int day = 0; day < 120; day += 7) {
                boolean holds = DiscountCriteriaCheck.check(criteria, facts.on(ACTIVATED.plusDays(day)), false)
                        .holds();
                if (holds) {
                    assertThat(mayHold).as("criteria %s facts %s day %d", criteria, facts, day).isTrue();
                }
                if (criteria.maturity() == null) {
                    assertThat(holds).as("criteria %s facts %s", criteria, facts).isEqualTo(mayHold);
                }
            }
            skipped += mayHold ? 0 : 1;
        }
        // both answers were drawn many times
        assertThat(skipped).isBetween(500, 4_500);
    }

    private static <T> List<T> some(java.util.Random random, List<T> values) {
        // half of the sections not given at all, so that all of a criteria's sections hold often enough
        return random.nextBoolean() ? List.of() : values.stream().filter(value -> random.nextBoolean()).toList();
    }

    private static <T> T one(java.util.Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
