package org.subledger.command.collections;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.collections.ActivateRunDefinition;
import org.subledger.kernel.collections.AmountBasis;
import org.subledger.kernel.collections.ChangeRunDefinition;
import org.subledger.kernel.collections.CollectionRunRequested;
import org.subledger.kernel.collections.CreateRunDefinition;
import org.subledger.kernel.collections.DeactivateRunDefinition;
import org.subledger.kernel.collections.Recurrence;
import org.subledger.kernel.collections.RecurrenceFrequency;
import org.subledger.kernel.collections.RequestCollectionRun;
import org.subledger.kernel.collections.RunDefinitionActivated;
import org.subledger.kernel.collections.RunDefinitionChanged;
import org.subledger.kernel.collections.RunDefinitionCreated;
import org.subledger.kernel.collections.RunDefinitionDeactivated;
import org.subledger.kernel.collections.RunKind;
import org.subledger.kernel.collections.RunSettings;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The seed's "Normal Deactivation": over 10.00, due 10 days ago, batches of 1000, the first Monday of every month. */
class RunDefinitionTest {

    private static final String DEFINITION = "def-1";
    // a Wednesday; the first Monday of the next month is 2026-04-06
    private static final Instant NOW = Instant.parse("2026-03-11T09:00:00Z");
    private static final Instant FIRST_MONDAY_OF_APRIL = Instant.parse("2026-04-06T04:00:00Z");

    private AggregateTestFixture<RunDefinition> fixture;

    static RunSettings normalDeactivation() {
        return new RunSettings("Normal deactivation", RunKind.DEACTIVATION, Money.of("10.00", "EUR"), 10, null,
                AmountBasis.ACCOUNT, null, List.of(), 1000, Duration.ofDays(1), null,
                new Recurrence(RecurrenceFrequency.MONTHLY_FIRST_WEEKDAY, LocalTime.of(4, 0), DayOfWeek.MONDAY, null), null);
    }

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(RunDefinition.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aDefinitionIsCreatedInactive() {
        fixture.givenNoPriorActivity()
                .when(new CreateRunDefinition(DEFINITION, normalDeactivation()))
                .expectEvents(new RunDefinitionCreated(DEFINITION, normalDeactivation()))
                .expectNoScheduledDeadlines();
    }

    @Test
    void refusesADeactivationWithNeitherAnAmountNorACreditRating() {
        RunSettings neither = new RunSettings("Nothing", RunKind.DEACTIVATION, null, 10, " ", null, null, null, 10,
                null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new CreateRunDefinition(DEFINITION, neither))
                .expectNoEvents()
                .expectException(LedgerRefusal.class);
    }

    @Test
    void refusesABatchSizeOfNothing() {
        RunSettings empty = new RunSettings("Bad creditors", RunKind.DEACTIVATION, null, null, "CAA", null, null,
                null, 0, null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new CreateRunDefinition(DEFINITION, empty))
                .expectNoEvents()
                .expectException(LedgerRefusal.class);
    }

    @Test
    void activationSetsTheFirstOccurrenceOfTheRecurrence() {
        fixture.givenCurrentTime(NOW)
                .andGiven(new RunDefinitionCreated(DEFINITION, normalDeactivation()))
                .when(new ActivateRunDefinition(DEFINITION))
                .expectEvents(new RunDefinitionActivated(DEFINITION, FIRST_MONDAY_OF_APRIL))
                .expectScheduledDeadlineWithName(Duration.between(NOW, FIRST_MONDAY_OF_APRIL), RunDefinition.DEADLINE);
    }

    @Test
    void aDueOccurrenceRequestsARunAndSetsTheNext() {
        String runId = UUID.nameUUIDFromBytes((DEFINITION + "@" + FIRST_MONDAY_OF_APRIL).getBytes()).toString();
        fixture.givenCurrentTime(NOW)
                .andGiven(new RunDefinitionCreated(DEFINITION, normalDeactivation()))
                .andGivenCommands(new ActivateRunDefinition(DEFINITION))
                .whenThenTimeAdvancesTo(FIRST_MONDAY_OF_APRIL)
                .expectDeadlinesMet(new RunDefinitionDue(DEFINITION, FIRST_MONDAY_OF_APRIL))
                .expectEvents(new CollectionRunRequested(DEFINITION, runId, normalDeactivation(),
                        LocalDate.of(2026, 4, 6), true))
                .expectScheduledDeadline(Instant.parse("2026-05-04T04:00:00Z"),
                        new RunDefinitionDue(DEFINITION, Instant.parse("2026-05-04T04:00:00Z")));
    }

    @Test
    void anOccurrenceSoonerThanStartAgainAfterIsSkippedAndTheNextOneSet() {
        RunSettings nightly = new RunSettings("Nightly", RunKind.DEACTIVATION, null, null, "CAA", null, null, null,
                100, null, Duration.ofDays(2), new Recurrence(RecurrenceFrequency.DAILY, LocalTime.of(4, 0), null,
                null), null);
        Instant first = Instant.parse("2026-03-12T04:00:00Z");
        Instant second = Instant.parse("2026-03-13T04:00:00Z");
        // a run started by the recurrence at the first occurrence; the definition activated again just after it
        var fixture = new AggregateTestFixture<>(RunDefinition.class);
        fixture.registerInjectableResource(Clock.fixed(first, ZoneOffset.UTC));
        fixture.givenCurrentTime(first)
                .andGiven(new RunDefinitionCreated(DEFINITION, nightly), new CollectionRunRequested(DEFINITION,
                        "run-1", nightly, LocalDate.of(2026, 3, 12), true))
                .andGivenCommands(new ActivateRunDefinition(DEFINITION))
                .whenThenTimeAdvancesTo(second)
                .expectDeadlinesMet(new RunDefinitionDue(DEFINITION, second))
                .expectNoEvents()
                .expectScheduledDeadline(Instant.parse("2026-03-14T04:00:00Z"),
                        new RunDefinitionDue(DEFINITION, Instant.parse("2026-03-14T04:00:00Z")));
    }

    @Test
    void aDeactivatedDefinitionStartsNoRunByItself() {
        fixture.givenCurrentTime(NOW)
                .andGiven(new RunDefinitionCreated(DEFINITION, normalDeactivation()))
                .andGivenCommands(new ActivateRunDefinition(DEFINITION))
                .when(new DeactivateRunDefinition(DEFINITION))
                .expectEvents(new RunDefinitionDeactivated(DEFINITION))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aRunNowCarriesTheSettingsOfTheMomentAndItsAsOfDate() {
        RunSettings changed = new RunSettings("Normal deactivation", RunKind.DEACTIVATION, Money.of("20.00", "EUR"),
                10, null, AmountBasis.SUBSCRIPTION, null, List.of("GOLD"), 500, null, null, null, null);
        fixture.given(new RunDefinitionCreated(DEFINITION, normalDeactivation()),
                        new RunDefinitionChanged(DEFINITION, changed))
                .when(new RequestCollectionRun(DEFINITION, "run-1", LocalDate.of(2026, 3, 20)))
                .expectEvents(new CollectionRunRequested(DEFINITION, "run-1", changed, LocalDate.of(2026, 3, 20),
                        false));
    }

    @Test
    void aRunNowWithoutADateSelectsAsOfToday() {
        fixture.given(new RunDefinitionCreated(DEFINITION, normalDeactivation()))
                .when(new RequestCollectionRun(DEFINITION, "run-1", null))
                .expectEvents(new CollectionRunRequested(DEFINITION, "run-1", normalDeactivation(),
                        LocalDate.of(2026, 3, 11), false));
    }
}
