package org.subledger.command.subscription;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.BillingDirective;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.rating.Rate;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.ServiceRemoved;
import org.subledger.kernel.usage.AddOneOffCharge;
import org.subledger.kernel.usage.BillingDirectiveSet;
import org.subledger.kernel.usage.OneOffChargeAdded;
import org.subledger.kernel.usage.SetBillingDirective;

import java.time.LocalDate;

import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.action;
import static org.subledger.command.subscription.SubscriptionFixtures.draft;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionFixtures.eur;
import static org.subledger.command.subscription.SubscriptionFixtures.refusal;

/**
 * One-off charges (hardware sold, a one-time service, an expense) and billing directives (bill, credit or ignore a
 * service) on a subscription.
 */
class SubscriptionChargesAndDirectivesTest {

    static final LocalDate IN_APRIL = LocalDate.of(2026, 4, 2);

    FakeSubscriptionLookup lookup;
    FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        lookup = SubscriptionFixtures.lookup().withRate("STANDARD", "DECODER", Rate.flat(eur("40.00")));
        fixture = SubscriptionUsageTest.fixture(lookup, new FakeUsageRecordIds());
    }

    static AddOneOffCharge charge(String chargeId, String productCode, long units) {
        return new AddOneOffCharge(ID, chargeId, productCode, units, IN_APRIL, "sold in the shop");
    }

    static OneOffChargeAdded added(String chargeId, String productCode, long units) {
        return new OneOffChargeAdded(ID, chargeId, productCode, units, IN_APRIL, "sold in the shop",
                action(BehaviourCode.ADD_ONE_OFF_CHARGE));
    }

    @Test
    void aPhysicalGoodWithARateIsChargedOnce() {
        fixture.given(effective())
                .when(charge("C1", "DECODER", 2))
                .expectEvents(added("C1", "DECODER", 2));
    }

    @Test
    void aChargeWithoutADateIsRatedAsOfToday() {
        fixture.given(effective())
                .when(new AddOneOffCharge(ID, "C1", "DECODER", 1, null, null))
                .expectEvents(new OneOffChargeAdded(ID, "C1", "DECODER", 1, LocalDate.of(2026, 4, 1), null,
                        action(BehaviourCode.ADD_ONE_OFF_CHARGE)));
    }

    @Test
    void aRepeatedChargeIdRecordsNothing() {
        fixture.given(effective(), added("C1", "DECODER", 2))
                .when(charge("C1", "DECODER", 2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aProductWithoutARateInThePricePlanIsRefused() {
        fixture.given(effective())
                .when(charge("C1", "ROUTER", 1))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "productCode"));
    }

    @Test
    void aTermedServiceIsNoOneOffCharge() {
        lookup.withRate("STANDARD", "GOLD", Rate.flat(eur("20.00")));
        fixture.given(effective())
                .when(charge("C1", "GOLD", 1))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "productCode"));
    }

    @Test
    void aProductTheSubscriptionTypeDoesNotAllowIsRefused() {
        lookup.withRate("STANDARD", "KIDS", Rate.flat(eur("5.00")));
        fixture.given(effective())
                .when(charge("C1", "KIDS", 1))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "productCode"));
    }

    @Test
    void aChargeNeedsAtLeastOneUnit() {
        fixture.given(effective())
                .when(charge("C1", "DECODER", 0))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "units"));
    }

    @Test
    void aDraftIsNotChargedYet() {
        fixture.given(draft())
                .when(charge("C1", "DECODER", 1))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.SUBSCRIPTION_STATE_INVALID));
    }

    @Test
    void aServiceIsSetToBeCredited() {
        fixture.given(effective())
                .when(new SetBillingDirective(ID, "GOLD", BillingDirective.CREDIT, "outage", IN_APRIL))
                .expectEvents(new BillingDirectiveSet(ID, "GOLD", BillingDirective.CREDIT, "outage", IN_APRIL,
                        action(BehaviourCode.SET_BILLING_DIRECTIVE)));
    }

    @Test
    void settingTheDirectiveAServiceHasRecordsNothing() {
        fixture.given(effective(), new BillingDirectiveSet(ID, "GOLD", BillingDirective.IGNORE, "trial", IN_APRIL,
                        action(BehaviourCode.SET_BILLING_DIRECTIVE)))
                .when(new SetBillingDirective(ID, "GOLD", BillingDirective.IGNORE, "still a trial", IN_APRIL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aServiceIsBilledUnlessToldOtherwise() {
        fixture.given(effective())
                .when(new SetBillingDirective(ID, "GOLD", BillingDirective.BILL, null, IN_APRIL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aServiceNotOnTheSubscriptionHasNoDirective() {
        fixture.given(effective())
                .when(new SetBillingDirective(ID, "EUROSPORT-1", BillingDirective.CREDIT, null, IN_APRIL))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.SUBSCRIPTION_RULE_VIOLATED, "productCode"));
    }

    @Test
    void aRemovedServiceHasNoDirective() {
        fixture.given(effective(), new ServiceRemoved(ID, "GOLD", IN_APRIL, action(BehaviourCode.REMOVE_SERVICE)))
                .when(new SetBillingDirective(ID, "GOLD", BillingDirective.CREDIT, null, IN_APRIL))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.SUBSCRIPTION_RULE_VIOLATED, "productCode"));
    }
}
