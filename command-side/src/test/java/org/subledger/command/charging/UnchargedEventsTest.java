package org.subledger.command.charging;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.RatingLine;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionTerminated;
import org.subledger.kernel.usage.UsageRecorded;

import java.time.LocalDate;

import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.catalog.ChargeRecurrence;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a RECORD_USAGE (BILL) rule in the catalog, a usage record (a bill) never reaches the event-charge sagas;
 * every other event does.
 */
class UnchargedEventsTest {

    private static final LocalDate IN_MAY = LocalDate.of(2026, 5, 4);

    private static boolean reachesTheSagas(Object payload) throws Exception {
        return reachesTheSagas(payload, EventChargeSagaTest.START_UP_FEE_ONLY);
    }

    private static boolean reachesTheSagas(Object payload, EventChargeRuleBook rules) throws Exception {
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(payload));
        try {
            boolean[] proceeded = {false};
            new UnchargedEvents(rules).handle(unitOfWork, () -> proceeded[0] = true);
            return proceeded[0];
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void aUsageRecordStopsBeforeTheSagasAndATerminationGoesOn() throws Exception {
        var eur = Money.of("3.00", "EUR");
        var usage = new UsageRecorded("sub-1", "acc-1", "R1", "BRAVEHEART", "MOVIES", "PPV-MOVIES",
                IN_MAY.atTime(21, 30), eur, new RatingLine("base", 1, eur, eur), IN_MAY,
                SubscriptionAction.of(BehaviourCode.RECORD_USAGE, null));
        var terminated = new SubscriptionTerminated("sub-1", "acc-1", IN_MAY, null,
                SubscriptionAction.of(BehaviourCode.TERMINATE, null));

        assertThat(reachesTheSagas(usage)).isFalse();
        assertThat(reachesTheSagas(terminated)).isTrue();
        // once the catalog has a rule charging for usage, usage reaches the sagas again
        EventChargeRuleBook usageCharged = () -> List.of(new EventChargeRule("per-record",
                BehaviourCode.RECORD_USAGE, "PPV-MOVIES", null, ChargeRecurrence.EVERY_TIME));
        assertThat(reachesTheSagas(usage, usageCharged)).isTrue();
    }

    @Test
    void aBillStopsBeforeTheSagasUnlessARuleChargesForBilling() throws Exception {
        var billing = SubscriptionAction.of(BehaviourCode.BILL, null);
        var billed = new SubscriptionBilled("sub-1", "acc-1", "bill-1", "2026-000001", "run-1", IN_MAY,
                IN_MAY.plusMonths(1), IN_MAY.plusMonths(1), List.of(), List.of(), List.of(), billing);

        assertThat(reachesTheSagas(billed)).isFalse();
        EventChargeRuleBook billCharged = () -> List.of(new EventChargeRule("paper-bill", BehaviourCode.BILL,
                "PAPER-BILL", null, ChargeRecurrence.EVERY_TIME));
        assertThat(reachesTheSagas(billed, billCharged)).isTrue();
    }
}
