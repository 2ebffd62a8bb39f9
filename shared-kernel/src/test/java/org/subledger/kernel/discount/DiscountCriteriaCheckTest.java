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
}
