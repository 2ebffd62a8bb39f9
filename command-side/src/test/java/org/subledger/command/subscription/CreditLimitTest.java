package org.subledger.command.subscription;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.BillingTiming;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.subscription.ActivateSubscription;
import org.subledger.kernel.subscription.AddInstalledItem;
import org.subledger.kernel.subscription.AddService;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.RemoveService;
import org.subledger.kernel.subscription.ServiceAdded;
import org.subledger.kernel.subscription.ServiceRemoved;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.TerminateSubscription;

import java.time.LocalDate;
import java.util.List;

import static org.subledger.command.subscription.SubscriptionFixtures.ACCOUNT;
import static org.subledger.command.subscription.SubscriptionFixtures.ADDRESS;
import static org.subledger.command.subscription.SubscriptionFixtures.BOX;
import static org.subledger.command.subscription.SubscriptionFixtures.DAY_ONE;
import static org.subledger.command.subscription.SubscriptionFixtures.EUR;
import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.action;
import static org.subledger.command.subscription.SubscriptionFixtures.becomeSubscriber;
import static org.subledger.command.subscription.SubscriptionFixtures.draft;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionFixtures.eur;
import static org.subledger.command.subscription.SubscriptionFixtures.fixture;
import static org.subledger.command.subscription.SubscriptionFixtures.lookup;
import static org.subledger.command.subscription.SubscriptionFixtures.recorded;
import static org.subledger.command.subscription.SubscriptionFixtures.refusal;
import static org.subledger.command.subscription.SubscriptionFixtures.service;

/** S2 and S3: an account over its credit limit orders nothing new, unless its billing terms override the rule. */
class CreditLimitTest {

    static final LocalDate IN_APRIL = LocalDate.of(2026, 4, 1);

    static FakeSubscriptionLookup owing(String balance) {
        return lookup().with(new AccountFacts(ACCOUNT, CustomerType.PERSON, EUR, "RESIDENTIAL", "AAA", ADDRESS,
                false, eur(balance), eur("50.00")));
    }

    /** The residential scheme, with "override credit limit rules" set. */
    static FakeSubscriptionLookup overridden(FakeSubscriptionLookup lookup) {
        return lookup.with(new BillingTermSchemeDefinition("RESIDENTIAL", "Residential",
                List.of(BillingFrequency.MONTHLY, BillingFrequency.ANNUAL), 12, List.of("STANDARD", "VIP", "DOLLARS"),
                "STANDARD", true, true, BillingTiming.IN_ADVANCE, null, null, false));
    }

    static AddService addEurosport() {
        return new AddService(ID, service("EUROSPORT-1", "box-1"), IN_APRIL, null);
    }

    @Test
    void refusesANewSubscriptionWhileTheBalanceIsOverTheCreditLimit() {
        fixture(owing("80.00")).givenNoPriorActivity()
                .when(becomeSubscriber(SubscriptionState.EFFECTIVE, List.of(BOX), List.of(service("GOLD", "box-1")),
                        List.of()))
                .expectException(refusal(ErrorCode.CREDIT_LIMIT_EXCEEDED, "accountId"))
                .expectNoEvents();
    }

    @Test
    void refusesAddingAServiceWhileTheBalanceIsOverTheCreditLimit() {
        fixture(owing("80.00")).given(effective())
                .when(addEurosport())
                .expectException(refusal(ErrorCode.CREDIT_LIMIT_EXCEEDED))
                .expectNoEvents();
    }

    @Test
    void refusesAddingAnInstalledItemOrActivatingWhileOverTheCreditLimit() {
        fixture(owing("80.00")).given(effective())
                .when(new AddInstalledItem(ID, new InstalledItem("SN-0002", "ROUTER"), IN_APRIL, null))
                .expectException(refusal(ErrorCode.CREDIT_LIMIT_EXCEEDED))
                .expectNoEvents();
        fixture(owing("80.00")).given(draft())
                .when(new ActivateSubscription(ID, IN_APRIL, null))
                .expectException(refusal(ErrorCode.CREDIT_LIMIT_EXCEEDED))
                .expectNoEvents();
    }

    @Test
    void acceptsAddingAServiceWhenTheSchemeOverridesCreditLimitRules() {
        fixture(overridden(owing("80.00"))).given(effective())
                .when(addEurosport())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ServiceAdded(ID, recorded("EUROSPORT-1", IN_APRIL, "box-1"), IN_APRIL,
                        action(BehaviourCode.ADD_SERVICE)));
    }

    @Test
    void acceptsANewSubscriptionWhenTheSchemeOverridesCreditLimitRules() {
        fixture(overridden(owing("80.00"))).givenNoPriorActivity()
                .when(becomeSubscriber(SubscriptionState.DRAFT, List.of(), List.of(service("GOLD")), List.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aBalanceEqualToTheCreditLimitIsStillWithinIt() {
        fixture(owing("50.00")).given(effective())
                .when(addEurosport())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void removingAServiceOrTerminatingIsNeverBlocked() {
        fixture(owing("80.00")).given(effective(), new ServiceAdded(ID, recorded("CINEMA", DAY_ONE, "box-1"), DAY_ONE,
                        action(BehaviourCode.ADD_SERVICE)))
                .when(new RemoveService(ID, "CINEMA", IN_APRIL, null))
                .expectEvents(new ServiceRemoved(ID, "CINEMA", IN_APRIL, action(BehaviourCode.REMOVE_SERVICE)));
        fixture(owing("80.00")).given(effective())
                .when(new TerminateSubscription(ID, IN_APRIL, null))
                .expectSuccessfulHandlerExecution();
    }
}
