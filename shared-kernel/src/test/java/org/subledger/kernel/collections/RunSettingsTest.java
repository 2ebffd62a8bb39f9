package org.subledger.kernel.collections;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.BehaviourCode;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's definitions are accepted; a condition the run would not read is refused, never ignored. */
class RunSettingsTest {

    private static final Recurrence FIRST_MONDAY =
            new Recurrence(RecurrenceFrequency.MONTHLY_FIRST_WEEKDAY, LocalTime.of(4, 0), DayOfWeek.MONDAY, null);

    @Test
    void theSeedsNormalAndBadCreditorsDeactivationsAndItsReactivationAreAccepted() {
        assertThat(new RunSettings("Normal", RunKind.DEACTIVATION, Money.of("10.00", "EUR"), 10, null, null, null,
                List.of(), 1000, Duration.ofDays(1), null, FIRST_MONDAY, null).problems()).isEmpty();
        assertThat(new RunSettings("Bad creditors", RunKind.DEACTIVATION, null, 10, "CAA", null, null, null, 1000,
                null, null, FIRST_MONDAY, null).problems()).isEmpty();
        assertThat(new RunSettings("Egersville", RunKind.REACTIVATION, null, null, null, null, 1, List.of("EGERSVILLE"),
                500, null, null, new Recurrence(RecurrenceFrequency.DAILY, LocalTime.of(4, 0), null, null), null)
                .problems()).isEmpty();
    }

    @Test
    void aReactivationWithAnAmountConditionIsRefused() {
        assertThat(new RunSettings("Reactivation", RunKind.REACTIVATION, Money.of("10.00", "EUR"), null, null, null,
                1, null, 10, null, null, null, null).problems()).containsKey("amountAbove");
    }

    @Test
    void aDailyRecurrenceWithADayOfMonthIsRefused() {
        assertThat(new RunSettings("Nightly", RunKind.DEACTIVATION, null, null, "CAA", null, null, null, 10, null,
                null, new Recurrence(RecurrenceFrequency.DAILY, LocalTime.NOON, null, 3), null).problems())
                .containsKey("recurrence");
    }

    @Test
    void negativeAmountsAndOverlongPausesAreRefused() {
        var problems = new RunSettings("Normal", RunKind.DEACTIVATION, Money.of("-1.00", "EUR"), -1, null, null,
                null, null, 10, Duration.ofDays(4000), null, null, null).problems();
        assertThat(problems).containsKeys("amountAbove", "dueDaysAgo", "pauseBetweenBatches");
    }

    @Test
    void aScheduledActionsRunNeedsBehaviourCodesAndNoDeactivationConditions() {
        assertThat(new RunSettings("All but activations", RunKind.SCHEDULED_ACTIONS, null, null, null, null, null,
                null, 500, null, null, new Recurrence(RecurrenceFrequency.DAILY, LocalTime.of(0, 5), null, null),
                List.of(BehaviourCode.ADD_SERVICE, BehaviourCode.ADD_INSTALLED_ITEM)).problems()).isEmpty();
        assertThat(new RunSettings("Nothing", RunKind.SCHEDULED_ACTIONS, null, null, null, null, null, null, 500,
                null, null, null, List.of()).problems()).containsKey("behaviourCodes");
        assertThat(new RunSettings("Owing", RunKind.SCHEDULED_ACTIONS, null, 10, null, null, null, null, 500,
                null, null, null, List.of(BehaviourCode.DEACTIVATE)).problems()).containsKey("dueDaysAgo");
        assertThat(new RunSettings("Codes", RunKind.DEACTIVATION, null, null, "CAA", null, null, null, 500,
                null, null, null, List.of(BehaviourCode.DEACTIVATE)).problems()).containsKey("behaviourCodes");
    }
}
