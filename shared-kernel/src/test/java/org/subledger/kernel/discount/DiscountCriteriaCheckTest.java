package org.subledger.kernel.discount;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.DiscountCriteria;

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
}
