package org.subledger.command.discount;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.DiscountCriteria;
import org.subledger.kernel.catalog.MonthRange;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every section must hold, within a section one entry; an empty section does not restrict. */
class DiscountCriteriaCheckTest {

    static final SubscriptionFacts PLATINUM_YEAR = new SubscriptionFacts("RESIDENTIAL", BillingFrequency.ANNUAL, 12,
            "PLATINUM", "LOYAL", "AAA", "STANDARD", Set.of("PLATINUM", "DECODER"), null);

    static DiscountCriteria criteria(DiscountCriteria.BillingTermCriteria terms, List<String> types,
                                     DiscountCriteria.AccountCriteria account, List<String> plans,
                                     List<String> products, List<MonthRange> bought) {
        return new DiscountCriteria(terms, types, account, plans, products, bought);
    }

    @Test
    void noCriteriaHoldWithNothingNamed() {
        assertThat(DiscountCriteriaCheck.check(DiscountCriteria.NONE, PLATINUM_YEAR)).contains(List.of());
    }

    @Test
    void everySectionHoldsAndNamesTheEntryThatHeld() {
        var all = criteria(new DiscountCriteria.BillingTermCriteria(List.of("CORPORATE", "RESIDENTIAL"),
                        List.of(BillingFrequency.ANNUAL), List.of(12, 24)), List.of("PLATINUM"),
                new DiscountCriteria.AccountCriteria(List.of("LOYAL"), List.of("AAA")), List.of("STANDARD"),
                List.of("PLATINUM", "DECODER"), null);

        assertThat(DiscountCriteriaCheck.check(all, PLATINUM_YEAR)).contains(List.of(
                "billing term scheme RESIDENTIAL", "billing frequency ANNUAL", "binding period 12",
                "subscription type PLATINUM", "account classification LOYAL", "credit rating AAA",
                "price plan STANDARD", "product PLATINUM", "product DECODER"));
    }

    @Test
    void oneSectionFailingFailsAll() {
        assertThat(DiscountCriteriaCheck.check(criteria(new DiscountCriteria.BillingTermCriteria(null,
                List.of(BillingFrequency.MONTHLY), null), null, null, null, null, null), PLATINUM_YEAR)).isEmpty();
        assertThat(DiscountCriteriaCheck.check(criteria(null, null, new DiscountCriteria.AccountCriteria(null,
                List.of("C")), null, null, null), PLATINUM_YEAR)).isEmpty();
        // every product listed must be on the subscription
        assertThat(DiscountCriteriaCheck.check(criteria(null, null, null, null, List.of("PLATINUM", "GOLD"), null),
                PLATINUM_YEAR)).isEmpty();
    }

    @Test
    void aBuyInAdvanceDurationHoldsOnlyForAPeriodBoughtThatLong() {
        var yearAhead = criteria(null, null, null, null, null, List.of(new MonthRange(12, 12)));

        assertThat(DiscountCriteriaCheck.check(yearAhead, PLATINUM_YEAR)).isEmpty();
        assertThat(DiscountCriteriaCheck.check(yearAhead, PLATINUM_YEAR.boughtInAdvance(6))).isEmpty();
        assertThat(DiscountCriteriaCheck.check(yearAhead, PLATINUM_YEAR.boughtInAdvance(12)))
                .contains(List.of("buy-in-advance duration 12-12 months"));
    }
}
