package org.subledger.command.subscription;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.subscription.AddInstalledItem;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.InstalledItemAdded;
import org.subledger.kernel.subscription.InstalledItemRemoved;
import org.subledger.kernel.subscription.InstalledItemSwapped;
import org.subledger.kernel.subscription.RemoveInstalledItem;
import org.subledger.kernel.subscription.SubscriptionDeactivated;
import org.subledger.kernel.subscription.SwapInstalledItem;

import java.time.LocalDate;

import static org.subledger.command.subscription.SubscriptionFixtures.DECODER;
import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.action;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionFixtures.fixture;
import static org.subledger.command.subscription.SubscriptionFixtures.lookup;
import static org.subledger.command.subscription.SubscriptionFixtures.refusal;

class InstalledItemsTest {

    static final LocalDate IN_MAY = LocalDate.of(2026, 5, 4);
    static final InstalledItem ROUTER = new InstalledItem("SN-0002", "ROUTER");
    static final InstalledItem NEW_DECODER = new InstalledItem("SN-0003", "DECODER");

    FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(lookup());
    }

    @Test
    void addsATraceableItemBySerialNumber() {
        fixture.given(effective())
                .when(new AddInstalledItem(ID, new InstalledItem(" SN-0002 ", "ROUTER"), IN_MAY, null))
                .expectEvents(new InstalledItemAdded(ID, ROUTER, IN_MAY, action(BehaviourCode.ADD_INSTALLED_ITEM)));
    }

    @Test
    void aSerialNumberAlreadyOnTheSubscriptionIsRefused() {
        fixture.given(effective())
                .when(new AddInstalledItem(ID, new InstalledItem("SN-0001", "ROUTER"), IN_MAY, null))
                .expectException(refusal(SubscriptionRules.SERIAL_IN_USE, "serialNumber"))
                .expectNoEvents();
    }

    @Test
    void anItemWithoutASerialNumberIsRefused() {
        fixture.given(effective())
                .when(new AddInstalledItem(ID, new InstalledItem(" ", "ROUTER"), IN_MAY, null))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "serialNumber"))
                .expectNoEvents();
    }

    @Test
    void aNonTraceableGoodIsNotAnInstalledItem() {
        fixture.given(effective())
                .when(new AddInstalledItem(ID, new InstalledItem("SN-0009", "ANTENNA"), IN_MAY, null))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "productCode"))
                .expectNoEvents();
    }

    @Test
    void aFaultyDecoderIsSwappedForAnother() {
        fixture.given(effective())
                .when(new SwapInstalledItem(ID, "SN-0001", NEW_DECODER, IN_MAY, null))
                .expectEvents(new InstalledItemSwapped(ID, DECODER, NEW_DECODER, IN_MAY,
                        action(BehaviourCode.SWAP_INSTALLED_ITEM)));
    }

    @Test
    void swappingToASerialNumberAlreadyOnTheSubscriptionIsRefused() {
        fixture.given(effective(), new InstalledItemAdded(ID, ROUTER, IN_MAY, action(BehaviourCode.ADD_INSTALLED_ITEM)))
                .when(new SwapInstalledItem(ID, "SN-0001", new InstalledItem("SN-0002", "DECODER"), IN_MAY, null))
                .expectException(refusal(SubscriptionRules.SERIAL_IN_USE, "serialNumber"))
                .expectNoEvents();
    }

    @Test
    void swappingAnItemNotOnTheSubscriptionIsRefused() {
        fixture.given(effective())
                .when(new SwapInstalledItem(ID, "SN-0404", NEW_DECODER, IN_MAY, null))
                .expectException(refusal(SubscriptionRules.RULE_VIOLATED, "serialNumber"))
                .expectNoEvents();
    }

    @Test
    void aReturnedItemIsRemovedEvenWhileTheSubscriptionIsDeactivated() {
        fixture.given(effective(), new SubscriptionDeactivated(ID, IN_MAY, action(BehaviourCode.DEACTIVATE)))
                .when(new RemoveInstalledItem(ID, "SN-0001", IN_MAY, null))
                .expectEvents(new InstalledItemRemoved(ID, DECODER, IN_MAY,
                        action(BehaviourCode.REMOVE_INSTALLED_ITEM)));
    }

    @Test
    void removingAnUnknownSerialNumberIsRefused() {
        fixture.given(effective())
                .when(new RemoveInstalledItem(ID, "SN-0404", IN_MAY, null))
                .expectException(refusal(SubscriptionRules.RULE_VIOLATED, "serialNumber"))
                .expectNoEvents();
    }

    @Test
    void aRemovedSerialNumberCanBeAddedAgain() {
        fixture.given(effective(), new InstalledItemRemoved(ID, DECODER, IN_MAY,
                        action(BehaviourCode.REMOVE_INSTALLED_ITEM)))
                .when(new AddInstalledItem(ID, DECODER, IN_MAY, null))
                .expectEvents(new InstalledItemAdded(ID, DECODER, IN_MAY, action(BehaviourCode.ADD_INSTALLED_ITEM)));
    }
}
