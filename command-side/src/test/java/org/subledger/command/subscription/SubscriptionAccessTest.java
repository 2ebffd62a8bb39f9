package org.subledger.command.subscription;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.catalog.SubscriptionTypeDefinition;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.AmendBillingTerms;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.TerminateSubscription;

import java.util.List;
import java.util.Set;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.subledger.command.subscription.SubscriptionFixtures.ACCOUNT;
import static org.subledger.command.subscription.SubscriptionFixtures.ADDRESS;
import static org.subledger.command.subscription.SubscriptionFixtures.DAY_ONE;
import static org.subledger.command.subscription.SubscriptionFixtures.EUR;
import static org.subledger.command.subscription.SubscriptionFixtures.GOLD_TV;
import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.becomeSubscriber;
import static org.subledger.command.subscription.SubscriptionFixtures.draft;
import static org.subledger.command.subscription.SubscriptionFixtures.eur;
import static org.subledger.command.subscription.SubscriptionFixtures.fixture;
import static org.subledger.command.subscription.SubscriptionFixtures.lookup;
import static org.subledger.command.subscription.SubscriptionFixtures.refusal;
import static org.subledger.command.subscription.SubscriptionFixtures.service;

/**
 * Who may change a subscription (its owning unit's members, collaborators, super users, the ledger itself), and who
 * may select a restricted subscription type or price plan.
 */
class SubscriptionAccessTest {

    static final AccessScope SALES_AGENT = staff("sam", "SALES");
    static final AccessScope SERVICE_AGENT = staff("agnes", "CUSTOMER-SERVICE");
    static final AccessScope BILLING_AGENT = staff("bill", "BILLING-FINANCE");
    /** A Customer Service agent whose unit collaborates with Sales. */
    static final AccessScope COLLABORATING_AGENT = new AccessScope("carl", "CUSTOMER-SERVICE",
            Set.of("CUSTOMER-SERVICE", "SALES"), false, false, Set.of());
    static final AccessScope SUPER_USER = new AccessScope("admin", "SYSADMIN", Set.of("SYSADMIN"), true, false,
            Set.of());

    FakeSubscriptionLookup lookup;
    FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        lookup = lookup();
        fixture = fixture(lookup);
    }

    static AccessScope staff(String name, String unit) {
        return new AccessScope(name, unit, Set.of(unit), false, false, Set.of());
    }

    static MetaData as(AccessScope scope) {
        return MetaData.with(LedgerMetadata.ACCESS_SCOPE, scope);
    }

    static SubscriptionCreated draftOwnedBy(String unit) {
        var draft = draft();
        return new SubscriptionCreated(draft.subscriptionId(), draft.accountId(), draft.subscriptionTypeCode(),
                draft.state(), draft.billingTerms(), draft.location(), draft.billingAddress(), draft.distributors(),
                draft.services(), draft.installedItems(), draft.createdOn(), draft.action(), unit);
    }

    static Object aDraft() {
        return becomeSubscriber(SubscriptionState.DRAFT, List.of(), List.of(service("GOLD")), List.of());
    }

    static TerminateSubscription terminate() {
        return new TerminateSubscription(ID, DAY_ONE.plusDays(3), ActionClassification.none());
    }

    @Nested
    class Creating {
        @Test
        void aSubscriptionIsOwnedByTheUnitItsCreatorActsFor() {
            fixture.givenNoPriorActivity()
                    .when(aDraft(), as(SALES_AGENT))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(Matchers.predicate(event ->
                            event instanceof SubscriptionCreated created && "SALES".equals(created.owningUnit())),
                            andNoMore())));
        }

        @Test
        void anAccountOutsideTheCreatorsScopeIsAnsweredAsUnknownAndNothingIsRecorded() {
            lookup.with(new AccountFacts(ACCOUNT, CustomerType.PERSON, EUR, "RESIDENTIAL", "AAA", ADDRESS, false,
                    eur("0.00"), eur("50.00"), "SALES"));

            fixture.givenNoPriorActivity()
                    .when(aDraft(), as(SERVICE_AGENT))
                    .expectNoEvents()
                    .expectException(Matchers.predicate(exception -> exception instanceof LedgerRefusal refusal
                            && refusal.code() == ErrorCode.ACCOUNT_NOT_FOUND && refusal.refusedRecord() != null
                            && refusal.fields().containsKey("accountId")));
        }
    }

    @Nested
    class GivenASubscriptionOwnedBySales {
        @Test
        void aCustomerServiceAgentIsAnsweredAsIfItDidNotExistAndNothingIsRecorded() {
            fixture.given(draftOwnedBy("SALES"))
                    .when(terminate(), as(SERVICE_AGENT))
                    .expectNoEvents()
                    .expectException(Matchers.predicate(exception -> exception instanceof LedgerRefusal refusal
                            && refusal.code() == ErrorCode.SUBSCRIPTION_NOT_FOUND
                            && refusal.getMessage().equals("No record with id " + ID)));
        }

        @Test
        void anAgentOfACollaboratingUnitChangesIt() {
            fixture.given(draftOwnedBy("SALES"))
                    .when(terminate(), as(COLLABORATING_AGENT))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aSuperUserAndTheLedgerItselfChangeIt() {
            fixture.given(draftOwnedBy("SALES"))
                    .when(terminate(), as(SUPER_USER))
                    .expectSuccessfulHandlerExecution();
            fixture.given(draftOwnedBy("SALES"))
                    .when(terminate())
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class ControlledSelection {
        @BeforeEach
        void standardIsRestrictedToBillingAndFinance() {
            lookup.with(new PricePlanDefinition("STANDARD", "Standard", PricePlanKind.BASE, null, "EUR", List.of(),
                    List.of(), List.of("BILLING-FINANCE")));
        }

        @Test
        void aSalesAgentMayNotSelectAPricePlanOfBillingAndFinance() {
            fixture.givenNoPriorActivity()
                    .when(aDraft(), as(SALES_AGENT))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CATALOG_ENTRY_NOT_ALLOWED, "pricePlanCode"));
        }

        @Test
        void aBillingAndFinanceAgentAndASuperUserMay() {
            fixture.givenNoPriorActivity()
                    .when(aDraft(), as(BILLING_AGENT))
                    .expectSuccessfulHandlerExecution();
            fixture.givenNoPriorActivity()
                    .when(aDraft(), as(SUPER_USER))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aSubscriptionTypeRestrictedToSalesIsRefusedToCustomerService() {
            lookup.with(new SubscriptionTypeDefinition(GOLD_TV.code(), GOLD_TV.name(),
                    GOLD_TV.allowedBillingTermSchemes(), GOLD_TV.allowedProviders(), GOLD_TV.allowedProducts(),
                    List.of("SALES")));

            fixture.givenNoPriorActivity()
                    .when(aDraft(), as(staff("agnes", "CUSTOMER-SERVICE")))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CATALOG_ENTRY_NOT_ALLOWED, "subscriptionTypeCode"));
        }

        @Test
        void changingToARestrictedPlanIsRefusedButKeepingItIsNot() {
            lookup.with(new PricePlanDefinition("STANDARD", "Standard", PricePlanKind.BASE, null, "EUR", List.of(),
                    List.of(), List.of()));
            lookup.with(new PricePlanDefinition("VIP", "VIP", PricePlanKind.BASE, null, "EUR", List.of(),
                    List.of(), List.of("BILLING-FINANCE")));
            var toVip = new AmendBillingTerms(ID, new BillingTerms("RESIDENTIAL", "VIP", BillingFrequency.MONTHLY,
                    null, null, null, eur("100.00"), null), DAY_ONE.plusDays(1), ActionClassification.none());

            fixture.given(draftOwnedBy("SALES"))
                    .when(toVip, as(SALES_AGENT))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.CATALOG_ENTRY_NOT_ALLOWED, "pricePlanCode"));
        }
    }
}
