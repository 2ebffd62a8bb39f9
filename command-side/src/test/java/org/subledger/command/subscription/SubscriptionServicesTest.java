package org.subledger.command.subscription;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.AddDistributor;
import org.subledger.kernel.subscription.AddService;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.DistributorAdded;
import org.subledger.kernel.subscription.DistributorRemoved;
import org.subledger.kernel.subscription.RemoveDistributor;
import org.subledger.kernel.subscription.RemoveService;
import org.subledger.kernel.subscription.ServiceAdded;
import org.subledger.kernel.subscription.ServiceRemoved;
import org.subledger.kernel.subscription.ServiceSwapped;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SwapService;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.subledger.command.subscription.SubscriptionFixtures.DAY_ONE;
import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.SECOND_BOX;
import static org.subledger.command.subscription.SubscriptionFixtures.action;
import static org.subledger.command.subscription.SubscriptionFixtures.bundle;
import static org.subledger.command.subscription.SubscriptionFixtures.draft;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionFixtures.fixture;
import static org.subledger.command.subscription.SubscriptionFixtures.lookup;
import static org.subledger.command.subscription.SubscriptionFixtures.recorded;
import static org.subledger.command.subscription.SubscriptionFixtures.refusal;
import static org.subledger.command.subscription.SubscriptionFixtures.service;

class SubscriptionServicesTest {

    static final LocalDate IN_APRIL = LocalDate.of(2026, 4, 1);

    FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(lookup());
    }

    static DistributorAdded secondBoxFor(String... services) {
        return new DistributorAdded(ID, SECOND_BOX, Set.of(services), IN_APRIL,
                action(BehaviourCode.ADD_DISTRIBUTOR));
    }

    @Nested
    class Adding {

        @Test
        void addsATermedServiceOnTheChosenDistributorsRecordingTheBusinessClassification() {
            var prepaid = new ActionClassification("PREPAID", null, null);
            fixture.given(effective(), secondBoxFor())
                    .when(new AddService(ID, service("EUROSPORT-1", "box-1", "box-2"), IN_APRIL, prepaid))
                    .expectEvents(new ServiceAdded(ID, recorded("EUROSPORT-1", IN_APRIL, "box-1", "box-2"), IN_APRIL,
                            new SubscriptionAction(BehaviourCode.ADD_SERVICE, "PREPAID", null, null)));
        }

        @Test
        void aDraftTakesAServiceNotYetOnAnyDistributor() {
            fixture.given(draft())
                    .when(new AddService(ID, service("CINEMA"), DAY_ONE, null))
                    .expectEvents(new ServiceAdded(ID, recorded("CINEMA", DAY_ONE), DAY_ONE,
                            action(BehaviourCode.ADD_SERVICE)));
        }

        @Test
        void anEffectiveSubscriptionRefusesAServiceOnNoDistributor() {
            fixture.given(effective())
                    .when(new AddService(ID, service("CINEMA"), IN_APRIL, null))
                    .expectException(refusal(SubscriptionRules.RULE_VIOLATED, "services"))
                    .expectNoEvents();
        }

        @Test
        void aServiceOnADistributorTheSubscriptionDoesNotHaveIsRefused() {
            fixture.given(effective())
                    .when(new AddService(ID, service("CINEMA", "box-2"), IN_APRIL, null))
                    .expectException(refusal(SubscriptionRules.RULE_VIOLATED, "distributorIds"))
                    .expectNoEvents();
        }

        @Test
        void aServiceAlreadyOnTheSubscriptionIsRefused() {
            fixture.given(effective())
                    .when(new AddService(ID, service("GOLD", "box-1"), IN_APRIL, null))
                    .expectException(refusal(SubscriptionRules.RULE_VIOLATED, "productCode"))
                    .expectNoEvents();
        }

        @Test
        void aProductTheSubscriptionTypeDoesNotAllowIsRefused() {
            fixture.given(effective())
                    .when(new AddService(ID, service("KIDS", "box-1"), IN_APRIL, null))
                    .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "productCode"))
                    .expectNoEvents();
        }

        @Test
        void aFlexibleBundleAddedLaterKeepsToItsRestrictions() {
            fixture.given(effective())
                    .when(new AddService(ID, bundle("BOUQUET", List.of("CINEMA", "KIDS", "EUROSPORT-1"), "box-1"),
                            IN_APRIL, null))
                    .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "components", "families"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RemovingAndSwapping {

        @Test
        void removesAService() {
            fixture.given(effective())
                    .when(new RemoveService(ID, "GOLD", IN_APRIL, null))
                    .expectEvents(new ServiceRemoved(ID, "GOLD", IN_APRIL, action(BehaviourCode.REMOVE_SERVICE)));
        }

        @Test
        void removingAServiceNotOnTheSubscriptionIsRefused() {
            fixture.given(effective())
                    .when(new RemoveService(ID, "PLATINUM", IN_APRIL, null))
                    .expectException(refusal(SubscriptionRules.RULE_VIOLATED, "productCode"))
                    .expectNoEvents();
        }

        @Test
        void swappingAServiceKeepsTheDistributorsOfTheServiceItReplaces() {
            fixture.given(effective())
                    .when(new SwapService(ID, "GOLD", service("PLATINUM"), IN_APRIL, null))
                    .expectEvents(new ServiceSwapped(ID, "GOLD", recorded("PLATINUM", IN_APRIL, "box-1"), IN_APRIL,
                            action(BehaviourCode.SWAP_SERVICE)));
        }

        @Test
        void aSwappedServiceMayNameItsOwnDistributors() {
            fixture.given(effective(), secondBoxFor())
                    .when(new SwapService(ID, "GOLD", service("PLATINUM", "box-2"), IN_APRIL, null))
                    .expectEvents(new ServiceSwapped(ID, "GOLD", recorded("PLATINUM", IN_APRIL, "box-2"), IN_APRIL,
                            action(BehaviourCode.SWAP_SERVICE)));
        }

        @Test
        void swappingToAProductTheTypeDoesNotAllowIsRefused() {
            fixture.given(effective())
                    .when(new SwapService(ID, "GOLD", service("KIDS"), IN_APRIL, null))
                    .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "productCode"))
                    .expectNoEvents();
        }

        @Test
        void swappingAServiceForItselfIsRefused() {
            fixture.given(effective())
                    .when(new SwapService(ID, "GOLD", service("GOLD"), IN_APRIL, null))
                    .expectException(refusal(SubscriptionRules.RULE_VIOLATED, "replacement.productCode"))
                    .expectNoEvents();
        }

        @Test
        void swappingAServiceNotOnTheSubscriptionIsRefused() {
            fixture.given(effective())
                    .when(new SwapService(ID, "CINEMA", service("PLATINUM"), IN_APRIL, null))
                    .expectException(refusal(SubscriptionRules.RULE_VIOLATED, "productCode"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Distributors {

        @Test
        void aSecondDeviceProvidesTheNamedServicesToo() {
            fixture.given(effective())
                    .when(new AddDistributor(ID, SECOND_BOX, Set.of("GOLD"), IN_APRIL, null))
                    .expectEvents(secondBoxFor("GOLD"));
        }

        @Test
        void theSecondDeviceRaisesTheServicesQuantityForRating() {
            // after box-2 joins Gold, swapping keeps both: Platinum is provided on two distributors
            fixture.given(effective(), secondBoxFor("GOLD"))
                    .when(new SwapService(ID, "GOLD", service("PLATINUM"), IN_APRIL, null))
                    .expectEvents(new ServiceSwapped(ID, "GOLD", recorded("PLATINUM", IN_APRIL, "box-1", "box-2"),
                            IN_APRIL, action(BehaviourCode.SWAP_SERVICE)));
        }

        @Test
        void aDistributorIdIsUsedOnce() {
            fixture.given(effective())
                    .when(new AddDistributor(ID, new Distributor("box-1", "NAGRA"), Set.of(), IN_APRIL, null))
                    .expectException(refusal(SubscriptionRules.RULE_VIOLATED, "distributorId"))
                    .expectNoEvents();
        }

        @Test
        void aDistributorProvidesOnlyServicesOfTheSubscription() {
            fixture.given(effective())
                    .when(new AddDistributor(ID, SECOND_BOX, Set.of("CINEMA"), IN_APRIL, null))
                    .expectException(refusal(SubscriptionRules.RULE_VIOLATED, "services"))
                    .expectNoEvents();
        }

        @Test
        void removingADeviceTakesItsServicesOffIt() {
            fixture.given(effective(), secondBoxFor("GOLD"))
                    .when(new RemoveDistributor(ID, "box-2", IN_APRIL, null))
                    .expectEvents(new DistributorRemoved(ID, "box-2", IN_APRIL,
                            action(BehaviourCode.REMOVE_DISTRIBUTOR)));
        }

        @Test
        void theLastDistributorOfAnEffectiveSubscriptionStays() {
            fixture.given(effective())
                    .when(new RemoveDistributor(ID, "box-1", IN_APRIL, null))
                    .expectException(refusal(SubscriptionRules.RULE_VIOLATED, "distributors"))
                    .expectNoEvents();
        }

        @Test
        void aDeviceThatAServiceIsOnlyProvidedOnStays() {
            fixture.given(effective(), secondBoxFor())
                    .when(new RemoveDistributor(ID, "box-1", IN_APRIL, null))
                    .expectException(refusal(SubscriptionRules.RULE_VIOLATED, "services"))
                    .expectNoEvents();
        }

        @Test
        void aServiceKeepsTheDistributorsLeftAfterOneIsRemoved() {
            fixture.given(effective(), secondBoxFor("GOLD"), new DistributorRemoved(ID, "box-2", IN_APRIL,
                            action(BehaviourCode.REMOVE_DISTRIBUTOR)))
                    .when(new SwapService(ID, "GOLD", service("PLATINUM"), IN_APRIL, null))
                    .expectEvents(new ServiceSwapped(ID, "GOLD", recorded("PLATINUM", IN_APRIL, "box-1"), IN_APRIL,
                            action(BehaviourCode.SWAP_SERVICE)));
        }
    }
}
