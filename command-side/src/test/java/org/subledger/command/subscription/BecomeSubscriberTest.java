package org.subledger.command.subscription;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.BecomeSubscriber;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.ConcurrentUsage;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.subscription.SubscriptionFixtures.ACCOUNT;
import static org.subledger.command.subscription.SubscriptionFixtures.ADDRESS;
import static org.subledger.command.subscription.SubscriptionFixtures.BOX;
import static org.subledger.command.subscription.SubscriptionFixtures.CLOSED_ACCOUNT;
import static org.subledger.command.subscription.SubscriptionFixtures.DAY_ONE;
import static org.subledger.command.subscription.SubscriptionFixtures.DECODER;
import static org.subledger.command.subscription.SubscriptionFixtures.EUR;
import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.SECOND_BOX;
import static org.subledger.command.subscription.SubscriptionFixtures.VIP_ACCOUNT;
import static org.subledger.command.subscription.SubscriptionFixtures.action;
import static org.subledger.command.subscription.SubscriptionFixtures.becomeSubscriber;
import static org.subledger.command.subscription.SubscriptionFixtures.bundle;
import static org.subledger.command.subscription.SubscriptionFixtures.created;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionFixtures.eur;
import static org.subledger.command.subscription.SubscriptionFixtures.fixture;
import static org.subledger.command.subscription.SubscriptionFixtures.lookup;
import static org.subledger.command.subscription.SubscriptionFixtures.recorded;
import static org.subledger.command.subscription.SubscriptionFixtures.refusal;
import static org.subledger.command.subscription.SubscriptionFixtures.requestedTerms;
import static org.subledger.command.subscription.SubscriptionFixtures.service;
import static org.subledger.command.subscription.SubscriptionFixtures.termsFrom;

class BecomeSubscriberTest {

    FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(lookup());
    }

    static BecomeSubscriber withTerms(BillingTerms terms) {
        return new BecomeSubscriber(ID, ACCOUNT, "GOLD-TV", terms, null, null, SubscriptionState.DRAFT, List.of(),
                List.of(service("GOLD")), List.of(), DAY_ONE, null);
    }

    @Nested
    class DraftAndEffective {

        @Test
        void theCallCentreRegistersADraftWithItsServicesAndNoDeviceYet() {
            fixture.givenNoPriorActivity()
                    .when(becomeSubscriber(SubscriptionState.DRAFT, List.of(), List.of(service("GOLD")), List.of()))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(created(SubscriptionState.DRAFT, List.of(), List.of(recorded("GOLD", DAY_ONE)),
                            List.of()));
        }

        @Test
        void aRetailShopSaleIsEffectiveAtOnceWithItsDistributorServicesAndInstalledItems() {
            fixture.givenNoPriorActivity()
                    .when(becomeSubscriber(SubscriptionState.EFFECTIVE, List.of(BOX), List.of(service("GOLD",
                            "box-1")), List.of(DECODER)))
                    .expectEvents(effective());
        }

        @Test
        void settlesTheDefaultPlanTheBindingYearAndTheAccountsAddressAndRecordsTheActionsClassification() {
            var classified = new ActionClassification("NORMAL", "SHOP-SALE", " ");
            var command = new BecomeSubscriber(ID, ACCOUNT, "GOLD-TV", requestedTerms(), null, "PO Box 1",
                    SubscriptionState.DRAFT, List.of(), List.of(), List.of(), DAY_ONE, classified);
            fixture.givenNoPriorActivity().when(command)
                    .expectEvents(new SubscriptionCreated(ID, ACCOUNT, "GOLD-TV", SubscriptionState.DRAFT,
                            termsFrom(DAY_ONE), ADDRESS, "PO Box 1", List.of(), List.of(), List.of(), DAY_ONE,
                            new SubscriptionAction(BehaviourCode.BECOME_SUBSCRIBER, "NORMAL", "SHOP-SALE", null)));
        }

        @Test
        void anEffectiveSubscriptionWithoutADistributorIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(becomeSubscriber(SubscriptionState.EFFECTIVE, List.of(), List.of(service("GOLD")),
                            List.of()))
                    .expectException(refusal(SubscriptionRules.RULE_VIOLATED, "distributors"))
                    .expectNoEvents();
        }

        @Test
        void anEffectiveSubscriptionProvidesEachServiceOnADistributor() {
            fixture.givenNoPriorActivity()
                    .when(becomeSubscriber(SubscriptionState.EFFECTIVE, List.of(BOX), List.of(service("GOLD")),
                            List.of()))
                    .expectException(refusal(SubscriptionRules.RULE_VIOLATED, "services"))
                    .expectNoEvents();
        }

        @Test
        void aServiceIsProvidedOnlyOnDistributorsOfTheSubscription() {
            fixture.givenNoPriorActivity()
                    .when(becomeSubscriber(SubscriptionState.EFFECTIVE, List.of(BOX), List.of(service("GOLD",
                            "box-9")), List.of()))
                    .expectException(refusal(SubscriptionRules.RULE_VIOLATED, "distributorIds"))
                    .expectNoEvents();
        }

        @Test
        void aServiceOnTwoDistributorsHasAQuantityOfTwo() {
            var gold = recorded("GOLD", DAY_ONE, "box-1", "box-2");
            fixture.givenNoPriorActivity()
                    .when(becomeSubscriber(SubscriptionState.EFFECTIVE, List.of(BOX, SECOND_BOX),
                            List.of(service("GOLD", "box-1", "box-2")), List.of()))
                    .expectEvents(created(SubscriptionState.EFFECTIVE, List.of(BOX, SECOND_BOX), List.of(gold),
                            List.of()));
            assertThat(gold.quantity()).isEqualTo(2);
        }

        @Test
        void onlyDraftOrEffectiveAreInitialStates() {
            fixture.givenNoPriorActivity()
                    .when(becomeSubscriber(SubscriptionState.DEACTIVATED, List.of(BOX), List.of(), List.of()))
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED, "initialState"))
                    .expectNoEvents();
        }

        @Test
        void aSecondBecomeSubscriberWithTheSameIdIsRefused() {
            fixture.given(effective())
                    .when(becomeSubscriber(SubscriptionState.EFFECTIVE, List.of(BOX), List.of(), List.of()))
                    .expectException(refusal(SubscriptionRules.SUBSCRIPTION_EXISTS))
                    .expectNoEvents();
        }

        @Test
        void anIdAlreadyUsedByAnotherAggregateIsRefusedByAxonAndNothingIsRecorded() {
            // accounts and subscriptions share the event store: the id's history is an account's, which Axon
            // refuses to source a Subscription from
            var account = new AccountOpened(ID, CustomerType.PERSON, new PersonDetails("Maria", "Georgiou", null),
                    null, ContactDetails.none(), EUR, eur("50.00"), null, "RESIDENTIAL", "agent");
            fixture.given(account)
                    .when(becomeSubscriber(SubscriptionState.DRAFT, List.of(), List.of(), List.of()))
                    .expectException(IncompatibleAggregateException.class)
                    .expectNoEvents();
        }

        @Test
        void theSubscriptionIdMustBeAUuid() {
            var command = new BecomeSubscriber("sub-1", ACCOUNT, "GOLD-TV", requestedTerms(), null, null,
                    SubscriptionState.DRAFT, List.of(), List.of(), List.of(), DAY_ONE, null);
            fixture.givenNoPriorActivity().when(command)
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED, "subscriptionId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Owner {

        @Test
        void aSubscriptionWithoutAnAccountIsRefused() {
            var command = new BecomeSubscriber(ID, " ", "GOLD-TV", requestedTerms(), null, null,
                    SubscriptionState.DRAFT, List.of(), List.of(), List.of(), DAY_ONE, null);
            fixture.givenNoPriorActivity().when(command)
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED, "accountId"))
                    .expectNoEvents();
        }

        @Test
        void anUnknownAccountIsRefused() {
            var command = new BecomeSubscriber(ID, "acc-404", "GOLD-TV", requestedTerms(), null, null,
                    SubscriptionState.DRAFT, List.of(), List.of(), List.of(), DAY_ONE, null);
            fixture.givenNoPriorActivity().when(command)
                    .expectException(refusal(ErrorCode.ACCOUNT_NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void aClosedAccountTakesNoNewSubscription() {
            var command = new BecomeSubscriber(ID, CLOSED_ACCOUNT, "GOLD-TV", requestedTerms(), null, null,
                    SubscriptionState.DRAFT, List.of(), List.of(), List.of(), DAY_ONE, null);
            fixture.givenNoPriorActivity().when(command)
                    .expectException(refusal(ErrorCode.ACCOUNT_CLOSED))
                    .expectNoEvents();
        }
    }

    @Nested
    class TypeAndBillingTerms {

        @Test
        void anUnknownSubscriptionTypeIsRefused() {
            var command = new BecomeSubscriber(ID, ACCOUNT, "SILVER-TV", requestedTerms(), null, null,
                    SubscriptionState.DRAFT, List.of(), List.of(), List.of(), DAY_ONE, null);
            fixture.givenNoPriorActivity().when(command)
                    .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "subscriptionTypeCode"))
                    .expectNoEvents();
        }

        @Test
        void aSchemeTheTypeDoesNotAllowIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(withTerms(new BillingTerms("CORPORATE", null, BillingFrequency.MONTHLY, null, null, null,
                            null, null)))
                    .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "billingTermSchemeCode"))
                    .expectNoEvents();
        }

        @Test
        void aBillingFrequencyTheSchemeDoesNotAllowIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(withTerms(new BillingTerms("RESIDENTIAL", null, BillingFrequency.QUARTERLY, null, null,
                            null, null, null)))
                    .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "billingFrequency"))
                    .expectNoEvents();
        }

        @Test
        void billingTermsNeedABillingFrequency() {
            fixture.givenNoPriorActivity()
                    .when(withTerms(new BillingTerms("RESIDENTIAL", null, null, null, null, null, null, null)))
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED, "billingFrequency"))
                    .expectNoEvents();
        }

        @Test
        void aConditionalPlanIsChosenWhenItsSelectConditionsHoldForTheAccount() {
            var vipTerms = new BillingTerms("RESIDENTIAL", "VIP", BillingFrequency.ANNUAL, LocalDate.of(2026, 2, 27),
                    null, null, null, null);
            var command = new BecomeSubscriber(ID, VIP_ACCOUNT, "GOLD-TV", vipTerms, "Villa 3", "Villa 3",
                    SubscriptionState.DRAFT, List.of(), List.of(), List.of(), DAY_ONE, null);
            var settled = new BillingTerms("RESIDENTIAL", "VIP", BillingFrequency.ANNUAL, LocalDate.of(2026, 2, 27),
                    LocalDate.of(2026, 2, 27), LocalDate.of(2027, 2, 27), null, null);
            fixture.givenNoPriorActivity().when(command)
                    .expectEvents(new SubscriptionCreated(ID, VIP_ACCOUNT, "GOLD-TV", SubscriptionState.DRAFT,
                            settled, "Villa 3", "Villa 3", List.of(), List.of(), List.of(), DAY_ONE,
                            action(BehaviourCode.BECOME_SUBSCRIBER)));
        }

        @Test
        void aConditionalPlanWhoseSelectConditionsFailIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(withTerms(new BillingTerms("RESIDENTIAL", "VIP", BillingFrequency.MONTHLY, null, null,
                            null, null, null)))
                    .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "pricePlanCode", "select conditions"))
                    .expectNoEvents();
        }

        @Test
        void aPlanInAnotherCurrencyThanTheAccountsIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(withTerms(new BillingTerms("RESIDENTIAL", "DOLLARS", BillingFrequency.MONTHLY, null, null,
                            null, null, null)))
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH, "pricePlanCode"))
                    .expectNoEvents();
        }

        @Test
        void givenBindingDatesAreKept() {
            var terms = new BillingTerms("RESIDENTIAL", "STANDARD", BillingFrequency.MONTHLY, DAY_ONE,
                    LocalDate.of(2026, 4, 1), LocalDate.of(2027, 9, 30), eur("50"), null);
            fixture.givenNoPriorActivity().when(withTerms(terms))
                    .expectEvents(new SubscriptionCreated(ID, ACCOUNT, "GOLD-TV", SubscriptionState.DRAFT, terms,
                            ADDRESS, ADDRESS, List.of(), List.of(recorded("GOLD", DAY_ONE)), List.of(), DAY_ONE,
                            action(BehaviourCode.BECOME_SUBSCRIBER)));
        }

        @Test
        void aBindingEndBeforeItsStartIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(withTerms(new BillingTerms("RESIDENTIAL", null, BillingFrequency.MONTHLY, null,
                            LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 31), null, null)))
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED, "bindingEndDate"))
                    .expectNoEvents();
        }

        @Test
        void concurrentUsageForPublicUseIsKeptForBilling() {
            var hotel = new ConcurrentUsage(5, new BigDecimal("30"));
            var terms = new BillingTerms("RESIDENTIAL", null, BillingFrequency.MONTHLY, null, null, null, null,
                    hotel);
            var settled = new BillingTerms("RESIDENTIAL", "STANDARD", BillingFrequency.MONTHLY, DAY_ONE, DAY_ONE,
                    DAY_ONE.plusMonths(12), null, hotel);
            fixture.givenNoPriorActivity().when(withTerms(terms))
                    .expectEvents(new SubscriptionCreated(ID, ACCOUNT, "GOLD-TV", SubscriptionState.DRAFT, settled,
                            ADDRESS, ADDRESS, List.of(), List.of(recorded("GOLD", DAY_ONE)), List.of(), DAY_ONE,
                            action(BehaviourCode.BECOME_SUBSCRIBER)));
        }

        @Test
        void concurrentUsageAtMoreThanAHundredPercentIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(withTerms(new BillingTerms("RESIDENTIAL", null, BillingFrequency.MONTHLY, null, null, null,
                            null, new ConcurrentUsage(5, new BigDecimal("130")))))
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED, "concurrentUsage.ratePercent"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Offering {

        void refused(BecomeSubscriber command, ErrorCode code, String field) {
            fixture.givenNoPriorActivity().when(command).expectException(refusal(code, field)).expectNoEvents();
        }

        BecomeSubscriber draftWith(SubscriptionService service) {
            return becomeSubscriber(SubscriptionState.DRAFT, List.of(), List.of(service), List.of());
        }

        @Test
        void aProductTheTypeDoesNotAllowIsRefused() {
            refused(draftWith(service("KIDS")), ErrorCode.CATALOG_RULE_VIOLATED, "productCode");
        }

        @Test
        void aUsageServiceIsNotATermedService() {
            refused(draftWith(service("BRAVEHEART")), ErrorCode.CATALOG_RULE_VIOLATED, "productCode");
        }

        @Test
        void aProductNoLongerValidIsRefused() {
            refused(draftWith(service("RETIRED")), ErrorCode.CATALOG_RULE_VIOLATED, "productCode");
        }

        @Test
        void aBillableStartBeforeTheEffectiveDateIsRefused() {
            refused(draftWith(new SubscriptionService("GOLD", List.of(), DAY_ONE, DAY_ONE.minusDays(1), null,
                    Set.of())), ErrorCode.VALIDATION_FAILED, "billablePeriodStartDate");
        }

        @Test
        void aLaterBillableStartIsKept() {
            var august = LocalDate.of(2026, 8, 1);
            var gold = new SubscriptionService("GOLD", List.of(), null, august, null, Set.of());
            fixture.givenNoPriorActivity().when(draftWith(gold))
                    .expectEvents(created(SubscriptionState.DRAFT, List.of(), List.of(new SubscriptionService("GOLD",
                            List.of(), DAY_ONE, august, august, Set.of())), List.of()));
        }

        @Test
        void theSameServiceTwiceIsRefused() {
            refused(becomeSubscriber(SubscriptionState.DRAFT, List.of(), List.of(service("GOLD"), service("GOLD")),
                    List.of()), SubscriptionRules.RULE_VIOLATED, "services");
        }

        @Test
        void aFixedBundleExpandsToItsComponents() {
            fixture.givenNoPriorActivity().when(draftWith(service("SPORTS-COMBO")))
                    .expectEvents(created(SubscriptionState.DRAFT, List.of(), List.of(new SubscriptionService(
                            "SPORTS-COMBO", List.of("EUROSPORT-1", "CINEMA"), DAY_ONE, DAY_ONE, DAY_ONE, Set.of())),
                            List.of()));
        }

        @Test
        void aFixedBundleTakesNoOtherComponentsThanTheCatalogs() {
            refused(draftWith(bundle("SPORTS-COMBO", List.of("EUROSPORT-1"))), ErrorCode.CATALOG_RULE_VIOLATED,
                    "components");
        }

        @Test
        void aFlexibleBundleHoldsTheComponentsTheCustomerChoseWithinItsRules() {
            var chosen = List.of("EUROSPORT-1", "KIDS");
            fixture.givenNoPriorActivity().when(draftWith(bundle("BOUQUET", chosen)))
                    .expectEvents(created(SubscriptionState.DRAFT, List.of(), List.of(new SubscriptionService(
                            "BOUQUET", chosen, DAY_ONE, DAY_ONE, DAY_ONE, Set.of())), List.of()));
        }

        @Test
        void aFlexibleBundleRefusesAComponentItsRulesDoNotAllow() {
            refused(draftWith(bundle("BOUQUET", List.of("EUROSPORT-1", "PLATINUM"))), ErrorCode.CATALOG_RULE_VIOLATED,
                    "components");
        }

        @Test
        void aFlexibleBundleTakesProductsFromNoMoreFamiliesThanItsRulesAllow() {
            fixture.givenNoPriorActivity()
                    .when(draftWith(bundle("BOUQUET", List.of("EUROSPORT-1", "KIDS", "CINEMA"))))
                    .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "components", "at most 2 families"))
                    .expectNoEvents();
        }

        @Test
        void aFlexibleBundleTakesProductsOfNoMoreTypesThanItsRulesAllow() {
            fixture.givenNoPriorActivity()
                    .when(draftWith(bundle("BOUQUET", List.of("EUROSPORT-1", "GOLD"))))
                    .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "components", "at most 1 types"))
                    .expectNoEvents();
        }

        @Test
        void aFlexibleBundleNeedsItsChosenComponents() {
            refused(draftWith(bundle("BOUQUET", List.of())), ErrorCode.CATALOG_RULE_VIOLATED, "components");
        }

        @Test
        void aFlatServiceHasNoComponents() {
            refused(draftWith(bundle("GOLD", List.of("CINEMA"))), ErrorCode.CATALOG_RULE_VIOLATED, "components");
        }

        @Test
        void aNonTraceableGoodIsNotAnInstalledItem() {
            refused(becomeSubscriber(SubscriptionState.DRAFT, List.of(), List.of(),
                    List.of(new InstalledItem("SN-9", "ANTENNA"))), ErrorCode.CATALOG_RULE_VIOLATED, "productCode");
        }

        @Test
        void theSameSerialNumberTwiceIsRefused() {
            refused(becomeSubscriber(SubscriptionState.DRAFT, List.of(), List.of(),
                            List.of(DECODER, new InstalledItem("SN-0001", "ROUTER"))), SubscriptionRules.SERIAL_IN_USE,
                    "serialNumber");
        }

        @Test
        void aDistributorOfAProviderTheTypeDoesNotAllowIsRefused() {
            refused(becomeSubscriber(SubscriptionState.EFFECTIVE, List.of(new Distributor("box-1", "ACME")),
                            List.of(service("GOLD", "box-1")), List.of()), ErrorCode.CATALOG_RULE_VIOLATED,
                    "providerCode");
        }
    }
}
