package org.subledger.command.scheduling;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.axonframework.messaging.MetaData;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.RefusalDetails;
import org.subledger.kernel.scheduling.CancelScheduledAction;
import org.subledger.kernel.scheduling.ExecuteScheduledAction;
import org.subledger.kernel.scheduling.ScheduleSubscriptionAction;
import org.subledger.kernel.scheduling.ScheduledActionCancelled;
import org.subledger.kernel.scheduling.ScheduledActionExecuted;
import org.subledger.kernel.scheduling.ScheduledActionFailed;
import org.subledger.kernel.scheduling.SubscriptionActionScheduled;
import org.subledger.kernel.subscription.DeactivateSubscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.axonframework.test.matchers.Matchers.predicate;

class ScheduledActionTest {

    static final String ID = "sa-1";
    static final String SUB = "sub-1";
    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    static final LocalDate TOMORROW = LocalDate.parse("2026-03-11");
    static final Instant DUE = Instant.parse("2026-03-11T00:00:00Z");
    static final DeactivateSubscription DEACTIVATE = new DeactivateSubscription(SUB, TOMORROW, null);

    FixtureConfiguration<ScheduledAction> fixture;
    final List<Object> sent = new ArrayList<>();
    /** The keys of the commands the subscription accepted, as the runner finds them on the subscription's stream. */
    final Set<String> accepted = new HashSet<>();
    RefusalDetails nextRefusal;
    boolean runsWhenDue = true;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ScheduledAction.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((SubscriptionOwners) subscriptionId -> "SALES");
        fixture.registerInjectableResource(new ScheduledActionRunner() {
            @Override
            public RefusalDetails run(String scheduledActionId, String subscriptionId, Object command) {
                String key = ScheduledActionCommands.idempotencyKey(scheduledActionId);
                if (accepted.contains(key)) {
                    return null;
                }
                sent.add(command);
                if (nextRefusal == null) {
                    accepted.add(key);
                }
                return nextRefusal;
            }

            @Override
            public boolean runsWhenDue() {
                return runsWhenDue;
            }
        });
    }

    ScheduleSubscriptionAction schedule() {
        return new ScheduleSubscriptionAction(ID, SUB, TOMORROW, DEACTIVATE);
    }

    SubscriptionActionScheduled scheduled() {
        return new SubscriptionActionScheduled(ID, SUB, TOMORROW, DUE, DEACTIVATE);
    }

    @Test
    void schedulingRecordsTheActionAndSetsADeadlineAtTheStartOfTheDay() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleSubscriptionAction(ID, SUB, TOMORROW, DEACTIVATE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(scheduled())
                .expectScheduledDeadlineWithName(DUE, ScheduledAction.DEADLINE);
    }

    @Test
    void anActionOnASubscriptionOutsideTheUsersScopeIsRefusedAsUnknownAndNothingIsScheduled() {
        var customerService = new AccessScope("agnes", "CUSTOMER-SERVICE", Set.of("CUSTOMER-SERVICE"), false, false,
                Set.of());
        fixture.givenNoPriorActivity()
                .when(schedule(), MetaData.with(LedgerMetadata.ACCESS_SCOPE, customerService))
                .expectException(org.subledger.kernel.error.LedgerRefusal.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
        var sales = new AccessScope("sam", "SALES", Set.of("SALES"), false, false, Set.of());
        fixture.givenNoPriorActivity()
                .when(schedule(), MetaData.with(LedgerMetadata.ACCESS_SCOPE, sales))
                .expectEvents(scheduled());
    }

    @Test
    void aDateThatIsNotInTheFutureIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(new ScheduleSubscriptionAction(ID, SUB, LocalDate.parse("2026-03-10"), DEACTIVATE))
                .expectException(org.subledger.kernel.error.LedgerRefusal.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void whenDueTheCommandIsSentAndTheActionRecordedAsExecuted() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(schedule())
                .whenThenTimeElapses(Duration.ofDays(1))
                .expectTriggeredDeadlinesWithName(ScheduledAction.DEADLINE)
                .expectEvents(new ScheduledActionExecuted(ID, SUB, TOMORROW));
        assertThat(sent).containsExactly(DEACTIVATE);
    }

    @Test
    void aDeadlineDeliveredAgainAfterTheCommandRanButBeforeTheOutcomeWasRecordedIsRecordedOnceAsExecuted() {
        // the first delivery's command was accepted, then the node stopped before the outcome was recorded
        accepted.add(ScheduledActionCommands.idempotencyKey(ID));
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(schedule())
                .whenThenTimeElapses(Duration.ofDays(1))
                .expectTriggeredDeadlinesWithName(ScheduledAction.DEADLINE)
                .expectEvents(new ScheduledActionExecuted(ID, SUB, TOMORROW));
        assertThat(sent).as("not sent again").isEmpty();
    }

    @Test
    void aDeadlineDeliveredAgainAfterTheOutcomeWasRecordedDoesNothing() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(schedule())
                .andGiven(new ScheduledActionExecuted(ID, SUB, TOMORROW)) // recorded, the deadline still stored
                .whenTimeElapses(Duration.ofDays(1))
                .expectTriggeredDeadlinesWithName(ScheduledAction.DEADLINE)
                .expectNoEvents();
        assertThat(sent).isEmpty();
    }

    @Test
    void aRefusedCommandIsRecordedAsFailedWithItsCode() {
        nextRefusal = new RefusalDetails(ErrorCode.SUBSCRIPTION_STATE_INVALID, "not effective", Map.of());
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(schedule())
                .whenThenTimeElapses(Duration.ofDays(1))
                .expectEvents(new ScheduledActionFailed(ID, SUB, TOMORROW, ErrorCode.SUBSCRIPTION_STATE_INVALID,
                        "not effective"));
    }

    @Test
    void cancellingRemovesTheDeadlineSoTheActionNeverRuns() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(schedule())
                .when(new CancelScheduledAction(ID))
                .expectEvents(new ScheduledActionCancelled(ID, SUB))
                .expectNoScheduledDeadlines();
        assertThat(sent).isEmpty();
    }

    @Test
    void aCancelledActionDoesNothingShouldItsDeadlineFireAnyway() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(schedule())
                .andGiven(new ScheduledActionCancelled(ID, SUB)) // recorded, but the deadline left in place
                .whenTimeElapses(Duration.ofDays(1))
                .expectTriggeredDeadlinesWithName(ScheduledAction.DEADLINE)
                .expectNoEvents();
        assertThat(sent).isEmpty();
    }

    @Test
    void anExecutedOrCancelledActionCannotBeCancelled() {
        fixture.given(scheduled(), new ScheduledActionExecuted(ID, SUB, TOMORROW))
                .when(new CancelScheduledAction(ID))
                .expectException(predicate(e -> e instanceof org.subledger.kernel.error.LedgerRefusal refusal
                        && refusal.code() == ErrorCode.SCHEDULED_ACTION_NOT_PENDING))
                .expectNoEvents();
        fixture.given(scheduled(), new ScheduledActionCancelled(ID, SUB))
                .when(new CancelScheduledAction(ID))
                .expectException(predicate(e -> e instanceof org.subledger.kernel.error.LedgerRefusal refusal
                        && refusal.code() == ErrorCode.SCHEDULED_ACTION_NOT_PENDING))
                .expectNoEvents();
    }

    @Test
    void aScheduledActionsRunCarriesAPendingActionOutAndItsDeadlineThenDoesNothing() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(schedule())
                .when(new ExecuteScheduledAction(ID))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(null)
                .expectEvents(new ScheduledActionExecuted(ID, SUB, TOMORROW));
        assertThat(sent).containsExactly(DEACTIVATE);
    }

    @Test
    void aRunsRefusedActionIsRecordedAsFailedAndTheRefusalAnswered() {
        nextRefusal = new RefusalDetails(ErrorCode.SUBSCRIPTION_STATE_INVALID, "not effective", Map.of());
        fixture.given(scheduled())
                .when(new ExecuteScheduledAction(ID))
                .expectResultMessagePayload(nextRefusal)
                .expectEvents(new ScheduledActionFailed(ID, SUB, TOMORROW, ErrorCode.SUBSCRIPTION_STATE_INVALID,
                        "not effective"));
    }

    @Test
    void aRunFindingTheActionRunOrCancelledAlreadyIsRefusedAndRecordsNothing() {
        fixture.given(scheduled(), new ScheduledActionExecuted(ID, SUB, TOMORROW))
                .when(new ExecuteScheduledAction(ID))
                .expectException(predicate(e -> e instanceof org.subledger.kernel.error.LedgerRefusal refusal
                        && refusal.code() == ErrorCode.SCHEDULED_ACTION_NOT_PENDING))
                .expectNoEvents();
        fixture.given(scheduled(), new ScheduledActionCancelled(ID, SUB))
                .when(new ExecuteScheduledAction(ID))
                .expectException(predicate(e -> e instanceof org.subledger.kernel.error.LedgerRefusal refusal
                        && refusal.code() == ErrorCode.SCHEDULED_ACTION_NOT_PENDING))
                .expectNoEvents();
        assertThat(sent).isEmpty();
    }

    @Test
    void leftToTheRunsAnActionDoesNotRunWhenItsDayComes() {
        runsWhenDue = false;
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(schedule())
                .whenTimeElapses(Duration.ofDays(1))
                .expectTriggeredDeadlinesWithName(ScheduledAction.DEADLINE)
                .expectNoEvents();
        assertThat(sent).isEmpty();
    }

    /** The command is stored in the event as JSON with a type name, and read back as the same command. */
    @Test
    void theScheduledCommandSurvivesTheStoredJson() throws Exception {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .build();
        String json = mapper.writeValueAsString(scheduled());
        assertThat(json).contains("\"type\":\"DeactivateSubscription\"");
        assertThat(mapper.readValue(json, SubscriptionActionScheduled.class)).isEqualTo(scheduled());
        var command = new ScheduleSubscriptionAction(ID, SUB, TOMORROW, DEACTIVATE);
        assertThat(mapper.readValue(mapper.writeValueAsString(command), ScheduleSubscriptionAction.class))
                .isEqualTo(command);
    }
}
