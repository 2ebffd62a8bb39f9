package org.subledger.command.subscription;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.subscription.AddInstalledItem;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.RemoveInstalledItem;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.SwapInstalledItem;
import org.subledger.kernel.subscription.TerminateSubscription;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.subscription.SubscriptionFixtures.BOX;
import static org.subledger.command.subscription.SubscriptionFixtures.DECODER;
import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.becomeSubscriber;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionFixtures.fixture;
import static org.subledger.command.subscription.SubscriptionFixtures.lookup;
import static org.subledger.command.subscription.SubscriptionFixtures.refusal;
import static org.subledger.command.subscription.SubscriptionFixtures.service;

/** A traceable item's serial number is installed on one subscription at a time. */
class SerialNumberOwnershipTest {

    static final String OTHER = "5f0c2a9e-7b3d-4c1e-8a6f-9d2b4e7c1a05";
    static final LocalDate IN_MAY = LocalDate.of(2026, 5, 4);
    static final InstalledItem ROUTER = new InstalledItem("SN-0002", "ROUTER");

    @Test
    void aSerialNumberOnAnotherSubscriptionCannotBeSold() {
        var serials = new FakeSerialNumbers().holding("SN-0001", OTHER);
        fixture(lookup(), serials).givenNoPriorActivity()
                .when(becomeSubscriber(SubscriptionState.EFFECTIVE, List.of(BOX), List.of(service("GOLD", "box-1")),
                        List.of(DECODER)))
                .expectException(refusal(ErrorCode.SERIAL_NUMBER_IN_USE))
                .expectNoEvents();
    }

    @Test
    void aSerialNumberOnAnotherSubscriptionCannotBeAddedOrSwappedIn() {
        var serials = new FakeSerialNumbers().holding("SN-0001", ID).holding("SN-0002", OTHER);
        fixture(lookup(), serials).given(effective())
                .when(new AddInstalledItem(ID, ROUTER, IN_MAY, null))
                .expectException(refusal(ErrorCode.SERIAL_NUMBER_IN_USE))
                .expectNoEvents();
        fixture(lookup(), serials).given(effective())
                .when(new SwapInstalledItem(ID, "SN-0001", new InstalledItem("SN-0002", "DECODER"), IN_MAY, null))
                .expectException(refusal(ErrorCode.SERIAL_NUMBER_IN_USE))
                .expectNoEvents();
        assertThat(serials.heldBy).isEqualTo(Map.of("SN-0001", ID, "SN-0002", OTHER));
    }

    @Test
    void sellingAndAddingClaimTheirSerialNumbers() {
        var serials = new FakeSerialNumbers();
        fixture(lookup(), serials).givenNoPriorActivity()
                .when(becomeSubscriber(SubscriptionState.EFFECTIVE, List.of(BOX), List.of(service("GOLD", "box-1")),
                        List.of(DECODER)))
                .expectSuccessfulHandlerExecution();
        fixture(lookup(), serials).given(effective())
                .when(new AddInstalledItem(ID, ROUTER, IN_MAY, null))
                .expectSuccessfulHandlerExecution();

        assertThat(serials.heldBy).isEqualTo(Map.of("SN-0001", ID, "SN-0002", ID));
    }

    @Test
    void swappingRemovingAndTerminatingReleaseTheirSerialNumbers() {
        var serials = new FakeSerialNumbers().holding("SN-0001", ID);
        fixture(lookup(), serials).given(effective())
                .when(new SwapInstalledItem(ID, "SN-0001", new InstalledItem("SN-0003", "DECODER"), IN_MAY, null))
                .expectSuccessfulHandlerExecution();
        assertThat(serials.heldBy).isEqualTo(Map.of("SN-0003", ID));

        serials = new FakeSerialNumbers().holding("SN-0001", ID);
        fixture(lookup(), serials).given(effective())
                .when(new RemoveInstalledItem(ID, "SN-0001", IN_MAY, null))
                .expectSuccessfulHandlerExecution();
        assertThat(serials.heldBy).isEmpty();

        serials = new FakeSerialNumbers().holding("SN-0001", ID);
        fixture(lookup(), serials).given(effective())
                .when(new TerminateSubscription(ID, IN_MAY, null))
                .expectSuccessfulHandlerExecution();
        assertThat(serials.heldBy).isEmpty();
    }
}
