package org.subledger.command.subscription;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.AmendBillingTerms;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.BillingTermsAmended;
import org.subledger.kernel.subscription.ConcurrentUsage;
import org.subledger.kernel.subscription.SubscriptionDeactivated;
import org.subledger.kernel.subscription.SubscriptionTerminated;
import org.subledger.kernel.subscription.TerminateSubscription;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.subledger.command.subscription.SubscriptionFixtures.ACCOUNT;
import static org.subledger.command.subscription.SubscriptionFixtures.DAY_ONE;
import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.action;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionFixtures.eur;
import static org.subledger.command.subscription.SubscriptionFixtures.fixture;
import static org.subledger.command.subscription.SubscriptionFixtures.lookup;
import static org.subledger.command.subscription.SubscriptionFixtures.refusal;
import static org.subledger.command.subscription.SubscriptionFixtures.termsFrom;

class BillingTermsAmendmentTest {

    static final LocalDate IN_JULY = LocalDate.of(2026, 7, 1);

    FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(lookup());
    }

    @Test
    void anAnnualRenewalIsANewAgreementThatRestartsTheBindingPeriod() {
        var annual = new BillingTerms("RESIDENTIAL", "STANDARD", BillingFrequency.ANNUAL, null, null, null,
                eur("150.00"), null);
        var settled = new BillingTerms("RESIDENTIAL", "STANDARD", BillingFrequency.ANNUAL, IN_JULY, IN_JULY,
                IN_JULY.plusMonths(12), eur("150.00"), null);
        fixture.given(effective())
                .when(new AmendBillingTerms(ID, annual, IN_JULY, null))
                .expectEvents(new BillingTermsAmended(ID, settled, IN_JULY, action(BehaviourCode.AMEND_BILLING_TERMS)));
    }

    @Test
    void theAmendedPenaltyAndBindingApplyOnTermination() {
        var amended = new BillingTerms("RESIDENTIAL", "STANDARD", BillingFrequency.ANNUAL, IN_JULY, IN_JULY,
                IN_JULY.plusMonths(12), eur("150.00"), null);
        fixture.given(effective(), new BillingTermsAmended(ID, amended, IN_JULY,
                        action(BehaviourCode.AMEND_BILLING_TERMS)))
                .when(new TerminateSubscription(ID, DAY_ONE.plusMonths(13), null))
                .expectEvents(new SubscriptionTerminated(ID, ACCOUNT, DAY_ONE.plusMonths(13), eur("150.00"),
                        action(BehaviourCode.TERMINATE)));
    }

    @Test
    void amendingToTheSameTermsRecordsNothing() {
        fixture.given(effective())
                .when(new AmendBillingTerms(ID, termsFrom(DAY_ONE), IN_JULY, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPlanTheSchemeDoesNotAllowIsRefused() {
        var terms = new BillingTerms("RESIDENTIAL", "GOLDEN-OLDIES", BillingFrequency.MONTHLY, null, null, null,
                null, null);
        fixture.given(effective())
                .when(new AmendBillingTerms(ID, terms, IN_JULY, null))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "pricePlanCode"))
                .expectNoEvents();
    }

    @Test
    void aConditionalPlanIsRefusedWhenTheAccountDoesNotMeetItsSelectConditions() {
        var terms = new BillingTerms("RESIDENTIAL", "VIP", BillingFrequency.MONTHLY, null, null, null, null, null);
        fixture.given(effective())
                .when(new AmendBillingTerms(ID, terms, IN_JULY, null))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "pricePlanCode"))
                .expectNoEvents();
    }

    @Test
    void aPenaltyInAnotherCurrencyIsRefused() {
        var terms = new BillingTerms("RESIDENTIAL", null, BillingFrequency.MONTHLY, null, null, null,
                Money.of("100", "USD"), null);
        fixture.given(effective())
                .when(new AmendBillingTerms(ID, terms, IN_JULY, null))
                .expectException(refusal(ErrorCode.CURRENCY_MISMATCH, "earlyTerminationPenalty"))
                .expectNoEvents();
    }

    @Test
    void aRestaurantAgreesConcurrentUsageLater() {
        var usage = new ConcurrentUsage(5, new BigDecimal("30"));
        var terms = new BillingTerms("RESIDENTIAL", "STANDARD", BillingFrequency.MONTHLY, DAY_ONE, DAY_ONE,
                DAY_ONE.plusMonths(12), eur("100.00"), usage);
        fixture.given(effective())
                .when(new AmendBillingTerms(ID, terms, IN_JULY, null))
                .expectEvents(new BillingTermsAmended(ID, terms, IN_JULY, action(BehaviourCode.AMEND_BILLING_TERMS)));
    }

    @Test
    void aDeactivatedSubscriptionsTermsAreNotAmended() {
        fixture.given(effective(), new SubscriptionDeactivated(ID, IN_JULY, action(BehaviourCode.DEACTIVATE)))
                .when(new AmendBillingTerms(ID, termsFrom(DAY_ONE), IN_JULY, null))
                .expectException(refusal(SubscriptionRules.STATE_INVALID))
                .expectNoEvents();
    }
}
