package org.subledger.command.subscription;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.ActivateSubscription;
import org.subledger.kernel.subscription.AddDistributor;
import org.subledger.kernel.subscription.AddInstalledItem;
import org.subledger.kernel.subscription.AddService;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.DeactivateSubscription;
import org.subledger.kernel.subscription.DistributorAdded;
import org.subledger.kernel.subscription.InstalledItemAdded;
import org.subledger.kernel.subscription.ReactivateSubscription;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionActivated;
import org.subledger.kernel.subscription.SubscriptionDeactivated;
import org.subledger.kernel.subscription.SubscriptionReactivated;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.SubscriptionTerminated;
import org.subledger.kernel.subscription.TerminateSubscription;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.subledger.command.subscription.SubscriptionFixtures.ACCOUNT;
import static org.subledger.command.subscription.SubscriptionFixtures.ACTIVATION_DAY;
import static org.subledger.command.subscription.SubscriptionFixtures.BOX;
import static org.subledger.command.subscription.SubscriptionFixtures.DAY_ONE;
import static org.subledger.command.subscription.SubscriptionFixtures.DECODER;
import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.action;
import static org.subledger.command.subscription.SubscriptionFixtures.created;
import static org.subledger.command.subscription.SubscriptionFixtures.draft;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionFixtures.eur;
import static org.subledger.command.subscription.SubscriptionFixtures.fixture;
import static org.subledger.command.subscription.SubscriptionFixtures.lookup;
import static org.subledger.command.subscription.SubscriptionFixtures.recorded;
import static org.subledger.command.subscription.SubscriptionFixtures.refusal;
import static org.subledger.command.subscription.SubscriptionFixtures.service;

class SubscriptionLifeCycleTest {

    static final LocalDate IN_JUNE = LocalDate.of(2026, 6, 15);
    static final LocalDate AFTER_BINDING = DAY_ONE.plusMonths(12);

    FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(lookup());
    }

    static SubscriptionActivated activated(LocalDate on) {
        return new SubscriptionActivated(ID, on, List.of(recorded("GOLD", on, "box-1")),
                action(BehaviourCode.ACTIVATE));
    }

    static DistributorAdded boxForGold() {
        return new DistributorAdded(ID, BOX, Set.of("GOLD"), DAY_ONE, action(BehaviourCode.ADD_DISTRIBUTOR));
    }

    @Test
    void theCallCentreDraftIsActivatedByTheInstallerAndBilledFromActivationNotFromTheDraft() {
        // S5: draft, the installer adds the decoder and the box, then activates
        fixture.given(draft(), boxForGold(),
                        new InstalledItemAdded(ID, DECODER, ACTIVATION_DAY, action(BehaviourCode.ADD_INSTALLED_ITEM)))
                .when(new ActivateSubscription(ID, ACTIVATION_DAY, null))
                .expectEvents(activated(ACTIVATION_DAY));
    }

    @Test
    void theInstallersStepsAreRecordedAsTheirOwnActions() {
        fixture.given(draft(), boxForGold())
                .when(new AddInstalledItem(ID, DECODER, ACTIVATION_DAY, null))
                .expectEvents(new InstalledItemAdded(ID, DECODER, ACTIVATION_DAY,
                        action(BehaviourCode.ADD_INSTALLED_ITEM)));
        fixture.given(draft())
                .when(new AddDistributor(ID, BOX, Set.of("GOLD"), DAY_ONE, null))
                .expectEvents(boxForGold());
    }

    @Test
    void activationKeepsABillingStartAgreedForLaterThanTheActivation() {
        var august = LocalDate.of(2026, 8, 1);
        var freeUntilAugust = new SubscriptionService("GOLD", List.of(), DAY_ONE, august, august, Set.of("box-1"));
        fixture.given(created(SubscriptionState.DRAFT, List.of(BOX), List.of(freeUntilAugust), List.of()))
                .when(new ActivateSubscription(ID, ACTIVATION_DAY, null))
                .expectEvents(new SubscriptionActivated(ID, ACTIVATION_DAY, List.of(new SubscriptionService("GOLD",
                        List.of(), ACTIVATION_DAY, august, august, Set.of("box-1"))), action(BehaviourCode.ACTIVATE)));
    }

    @Test
    void aDraftWithoutADistributorCannotBeActivated() {
        fixture.given(draft())
                .when(new ActivateSubscription(ID, ACTIVATION_DAY, null))
                .expectException(refusal(SubscriptionRules.RULE_VIOLATED, "distributors"))
                .expectNoEvents();
    }

    @Test
    void anEffectiveSubscriptionCannotBeActivatedAgain() {
        fixture.given(effective())
                .when(new ActivateSubscription(ID, ACTIVATION_DAY, null))
                .expectException(refusal(SubscriptionRules.STATE_INVALID, "state"))
                .expectNoEvents();
    }

    @Test
    void anActionDatedBeforeTheSubscriptionWasCreatedIsRefused() {
        fixture.given(draft(), boxForGold())
                .when(new ActivateSubscription(ID, DAY_ONE.minusDays(1), null))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "actionDate"))
                .expectNoEvents();
    }

    @Test
    void anEffectiveSubscriptionIsDeactivatedWithTheActionsClassification() {
        fixture.given(effective())
                .when(new DeactivateSubscription(ID, IN_JUNE, new ActionClassification("DEBT", "DEACTIVATION-RUN",
                        "OVERDUE-10-DAYS")))
                .expectEvents(new SubscriptionDeactivated(ID, IN_JUNE, new SubscriptionAction(
                        BehaviourCode.DEACTIVATE, "DEBT", "DEACTIVATION-RUN", "OVERDUE-10-DAYS")));
    }

    @Test
    void aDraftCannotBeDeactivated() {
        fixture.given(draft())
                .when(new DeactivateSubscription(ID, IN_JUNE, null))
                .expectException(refusal(SubscriptionRules.STATE_INVALID))
                .expectNoEvents();
    }

    @Test
    void aDeactivatedSubscriptionIsReactivated() {
        fixture.given(effective(), new SubscriptionDeactivated(ID, IN_JUNE, action(BehaviourCode.DEACTIVATE)))
                .when(new ReactivateSubscription(ID, IN_JUNE.plusDays(3), null))
                .expectEvents(new SubscriptionReactivated(ID, IN_JUNE.plusDays(3), action(BehaviourCode.REACTIVATE)));
    }

    @Test
    void anEffectiveSubscriptionCannotBeReactivated() {
        fixture.given(effective())
                .when(new ReactivateSubscription(ID, IN_JUNE, null))
                .expectException(refusal(SubscriptionRules.STATE_INVALID))
                .expectNoEvents();
    }

    @Test
    void aDeactivatedSubscriptionTakesNoNewService() {
        fixture.given(effective(), new SubscriptionDeactivated(ID, IN_JUNE, action(BehaviourCode.DEACTIVATE)))
                .when(new AddService(ID, service("CINEMA", "box-1"), IN_JUNE, null))
                .expectException(refusal(SubscriptionRules.STATE_INVALID))
                .expectNoEvents();
    }

    @Test
    void terminatingInsideTheBindingPeriodRecordsTheEarlyTerminationPenalty() {
        fixture.given(effective())
                .when(new TerminateSubscription(ID, IN_JUNE, null))
                .expectEvents(new SubscriptionTerminated(ID, ACCOUNT, IN_JUNE, eur("100.00"),
                        action(BehaviourCode.TERMINATE)));
    }

    @Test
    void terminatingOnTheBindingEndDateCostsNothing() {
        fixture.given(effective())
                .when(new TerminateSubscription(ID, AFTER_BINDING, null))
                .expectEvents(new SubscriptionTerminated(ID, ACCOUNT, AFTER_BINDING, null,
                        action(BehaviourCode.TERMINATE)));
    }

    @Test
    void aDeactivatedSubscriptionCanBeTerminatedAndStillOwesThePenalty() {
        fixture.given(effective(), new SubscriptionDeactivated(ID, IN_JUNE, action(BehaviourCode.DEACTIVATE)))
                .when(new TerminateSubscription(ID, IN_JUNE.plusDays(30), null))
                .expectEvents(new SubscriptionTerminated(ID, ACCOUNT, IN_JUNE.plusDays(30), eur("100.00"),
                        action(BehaviourCode.TERMINATE)));
    }

    @Test
    void cancellingADraftThatNeverBecameEffectiveCostsNothing() {
        fixture.given(draft())
                .when(new TerminateSubscription(ID, ACTIVATION_DAY, null))
                .expectEvents(new SubscriptionTerminated(ID, ACCOUNT, ACTIVATION_DAY, null,
                        action(BehaviourCode.TERMINATE)));
    }

    @Test
    void aTerminatedSubscriptionTakesNoMoreActions() {
        var terminated = new SubscriptionTerminated(ID, ACCOUNT, IN_JUNE, eur("100.00"),
                action(BehaviourCode.TERMINATE));
        fixture.given(effective(), terminated)
                .when(new AddService(ID, service("CINEMA", "box-1"), IN_JUNE, null))
                .expectException(refusal(SubscriptionRules.STATE_INVALID, "state"))
                .expectNoEvents();
        fixture.given(effective(), terminated)
                .when(new TerminateSubscription(ID, IN_JUNE, null))
                .expectException(refusal(SubscriptionRules.STATE_INVALID, "state"))
                .expectNoEvents();
        fixture.given(effective(), terminated)
                .when(new ReactivateSubscription(ID, IN_JUNE, null))
                .expectException(refusal(SubscriptionRules.STATE_INVALID, "state"))
                .expectNoEvents();
    }
}
