package org.subledger.command.subscription;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.usage.RecordUsageBatch;
import org.subledger.kernel.usage.UsageBillingReason;
import org.subledger.kernel.usage.UsageRecord;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.subscription.SubscriptionFixtures.DAY_ONE;
import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.draft;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionFixtures.eur;
import static org.subledger.command.subscription.SubscriptionFixtures.refusal;
import static org.subledger.command.subscription.SubscriptionUsageTest.BASE;
import static org.subledger.command.subscription.SubscriptionUsageTest.EVENING;
import static org.subledger.command.subscription.SubscriptionUsageTest.IN_MARCH;
import static org.subledger.command.subscription.SubscriptionUsageTest.MOVIES;
import static org.subledger.command.subscription.SubscriptionUsageTest.NIGHT;
import static org.subledger.command.subscription.SubscriptionUsageTest.NIGHT_RATE;
import static org.subledger.command.subscription.SubscriptionUsageTest.braveheart;
import static org.subledger.command.subscription.SubscriptionUsageTest.cinemaFrom;
import static org.subledger.command.subscription.SubscriptionUsageTest.due;
import static org.subledger.command.subscription.SubscriptionUsageTest.evening;
import static org.subledger.command.subscription.SubscriptionUsageTest.recorded;
import static org.subledger.command.subscription.SubscriptionUsageTest.residential;

/**
 * A mediation batch's records of one subscription in one command: each record on its own (accepted and rated,
 * a duplicate, or refused with its reason), all accepted records appended together, duplicates known by the record
 * ids already claimed rather than by a set in the aggregate.
 */
class UsageBatchTest {

    FakeSubscriptionLookup lookup;
    FakeUsageRecordIds recordIds;
    FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        lookup = SubscriptionFixtures.lookup().with(MOVIES);
        recordIds = new FakeUsageRecordIds();
        fixture = SubscriptionUsageTest.fixture(lookup, recordIds);
    }

    static RecordUsageBatch batch(UsageRecord... records) {
        return new RecordUsageBatch(ID, List.of(records));
    }

    static boolean refusedFor(SubscriptionUsage.Outcome outcome, String recordId, ErrorCode code) {
        return outcome.refused().stream().anyMatch(refused -> refused.recordId().equals(recordId)
                && refused.problem().code() == code);
    }

    @Test
    void eachRecordOfABatchIsRatedDuplicatesSkippedAndAnUnorderableRecordRefusedAlone() {
        recordIds.recordedBefore(ID, "R1");
        fixture.given(effective(), cinemaFrom(DAY_ONE), evening("R1"))
                .when(batch(braveheart("R1", EVENING), braveheart("R2", EVENING),
                        new UsageRecord("R3", "SERENDIPITY", EVENING), braveheart("R2", NIGHT),
                        braveheart("R4", NIGHT)))
                .expectEvents(evening("R2"), recorded("R4", NIGHT, eur("2.00"), NIGHT_RATE))
                .expectResultMessagePayloadMatching(Matchers.predicate((SubscriptionUsage.Outcome outcome) ->
                        outcome.accepted().equals(List.of("R2", "R4"))
                                && outcome.duplicates().equals(List.of("R1", "R2"))
                                && outcome.refused().size() == 1
                                && refusedFor(outcome, "R3", ErrorCode.USAGE_SERVICE_NOT_ORDERABLE)));
        assertThat(recordIds.recorded(ID, List.of("R1", "R2", "R3", "R4"))).isEqualTo(Set.of("R1", "R2", "R4"));
    }

    @Test
    void u3RecordsBeforeTheRelatedServiceIsEffectiveAreRefusedAndTheLaterOnesRecorded() {
        LocalDateTime later = IN_MARCH.plusDays(2).atTime(21, 30);
        fixture.given(effective(), cinemaFrom(IN_MARCH.plusDays(1)))
                .when(batch(braveheart("R1", EVENING), braveheart("R2", later)))
                .expectEvents(recorded("R2", later, eur("3.00"), BASE))
                .expectResultMessagePayloadMatching(Matchers.predicate((SubscriptionUsage.Outcome outcome) ->
                        outcome.accepted().equals(List.of("R2")) && outcome.duplicates().isEmpty()
                                && refusedFor(outcome, "R1", ErrorCode.RELATED_SERVICE_NOT_EFFECTIVE)));
    }

    @Test
    void aBatchWhoseRecordsAreAllRefusedRecordsNothingAndClaimsNoRecordId() {
        fixture.given(effective())
                .when(batch(braveheart("R1", EVENING), braveheart("R2", NIGHT)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(Matchers.predicate((SubscriptionUsage.Outcome outcome) ->
                        outcome.accepted().isEmpty() && outcome.refused().size() == 2
                                && refusedFor(outcome, "R2", ErrorCode.RELATED_SERVICE_NOT_EFFECTIVE)));
        assertThat(recordIds.recorded(ID, List.of("R1", "R2"))).isEmpty();
    }

    @Test
    void aPrepaidBatchAsksForOneUsageBillAfterAllItsRecords() {
        lookup.with(residential(null, null, true));
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(batch(braveheart("R1", EVENING), braveheart("R2", EVENING)))
                .expectEvents(evening("R1"), evening("R2"), due(UsageBillingReason.PREPAID, "6.00", 2));
    }

    @Test
    void aBatchCrossingTheRecordThresholdAsksForAUsageBill() {
        lookup.with(residential(null, 3, false));
        fixture.given(effective(), cinemaFrom(DAY_ONE), evening("R1"))
                .when(batch(braveheart("R2", EVENING), braveheart("R3", EVENING)))
                .expectEvents(evening("R2"), evening("R3"), due(UsageBillingReason.RECORD_THRESHOLD, "9.00", 3));
    }

    @Test
    void aBatchOnADraftSubscriptionIsRefusedAsAWhole() {
        fixture.given(draft())
                .when(batch(braveheart("R1", EVENING)))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.SUBSCRIPTION_STATE_INVALID));
    }
}
