package org.subledger.command.subscription;

import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.command.charging.EventChargeRule;
import org.subledger.command.charging.EventChargeRuleBook;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.usage.RecordMediationBatch;
import org.subledger.kernel.usage.RecordUsageBatch;
import org.subledger.kernel.usage.UsageBatchRecorded;
import org.subledger.kernel.usage.UsageBillingDue;
import org.subledger.kernel.usage.UsageBillingReason;
import org.subledger.kernel.usage.UsageRecord;
import org.subledger.kernel.usage.UsageRecorded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.subscription.SubscriptionAccessTest.SALES_AGENT;
import static org.subledger.command.subscription.SubscriptionAccessTest.SERVICE_AGENT;
import static org.subledger.command.subscription.SubscriptionAccessTest.as;
import static org.subledger.command.subscription.SubscriptionFixtures.DAY_ONE;
import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.draft;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionUsageTest.EVENING;
import static org.subledger.command.subscription.SubscriptionUsageTest.MOVIES;
import static org.subledger.command.subscription.SubscriptionUsageTest.braveheart;
import static org.subledger.command.subscription.SubscriptionUsageTest.cinemaFrom;
import static org.subledger.command.subscription.SubscriptionUsageTest.due;
import static org.subledger.command.subscription.SubscriptionUsageTest.evening;
import static org.subledger.command.subscription.SubscriptionUsageTest.residential;

/**
 * A mediation batch of many subscriptions as one unit of work ({@link MediationBatchHandler}): each subscription's
 * records decided as its own {@link RecordUsageBatch} would be, a subscription refused as a whole reported as an
 * outcome (not a failure of the batch) and recording nothing. An unknown subscription in a batch is shown over HTTP
 * ({@code UsageBatchesIT}): the fixture holds one aggregate.
 */
class MediationBatchTest {

    FakeSubscriptionLookup lookup;
    FakeUsageRecordIds recordIds;
    FakeUsageDueDates dueDates;
    FakeUnbilledBatchUsage batchUsage;
    List<EventChargeRule> chargeRules;
    FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        lookup = SubscriptionFixtures.lookup().with(MOVIES);
        recordIds = new FakeUsageRecordIds();
        dueDates = new FakeUsageDueDates();
        batchUsage = new FakeUnbilledBatchUsage(recordIds);
        chargeRules = new ArrayList<>();
        fixture = SubscriptionUsageTest.fixture(lookup, recordIds, dueDates);
        fixture.registerInjectableResource(batchUsage);
        fixture.registerInjectableResource((EventChargeRuleBook) () -> List.copyOf(chargeRules));
        fixture.registerAnnotatedCommandHandler(new MediationBatchHandler(fixture.getRepository(),
                new MediationBatches(null, 2), fixture.getEventBus()));
    }

    /** The batch's one event, holding exactly these records (its batch id is the server's, new each time). */
    static Matcher<List<Message<?>>> oneBatchOf(UsageRecorded... records) {
        return Matchers.payloadsMatching(Matchers.exactSequenceOf(Matchers.predicate(payload ->
                payload instanceof UsageBatchRecorded batch && batch.batchId() != null
                        && batch.records().equals(List.of(records)))));
    }

    /**
     * The batch's one event of these records, then the subscription's ask for its usage bill as an event of its own,
     * off the subscription's stream (not a domain event: a usage bill written to the stream meanwhile does not make
     * the batch conflict).
     */
    static Matcher<List<Message<?>>> batchThenDue(UsageBillingDue due, UsageRecorded... records) {
        return Matchers.exactSequenceOf(
                Matchers.predicate((Message<?> event) -> event.getPayload() instanceof UsageBatchRecorded batch
                        && batch.records().equals(List.of(records))),
                Matchers.predicate((Message<?> event) -> due.equals(event.getPayload())
                        && !(event instanceof org.axonframework.eventhandling.DomainEventMessage<?>)));
    }

    static RecordMediationBatch mediation(UsageRecord... records) {
        return new RecordMediationBatch(List.of(new RecordUsageBatch(ID, List.of(records))));
    }

    /** As its sender sends a batch again once a record of it was found recorded before. */
    static RecordMediationBatch lookingUpFirst(UsageRecord... records) {
        return new RecordMediationBatch(List.of(new RecordUsageBatch(ID, List.of(records))), true);
    }

    static boolean refusedAsAWhole(List<MediationBatchHandler.SubscriptionOutcome> outcomes, ErrorCode code) {
        return outcomes.size() == 1 && outcomes.get(0).recorded() == null
                && outcomes.get(0).refusal().code() == code && outcomes.get(0).records().size() == 1;
    }

    @Test
    void aSubscriptionsRecordsAreRatedAndTheRecordsItAppearsWithTwiceAreOnePart() {
        recordIds.recordedBefore(ID, "R1");
        var batch = new RecordMediationBatch(List.of(
                new RecordUsageBatch(ID, List.of(braveheart("R1", EVENING), braveheart("R2", EVENING))),
                new RecordUsageBatch(ID, List.of(braveheart("R3", EVENING)))), true); // as sent again
        fixture.given(effective(), cinemaFrom(DAY_ONE), evening("R1"))
                .when(batch)
                .expectEventsMatching(oneBatchOf(evening("R2"), evening("R3")))
                .expectResultMessagePayloadMatching(Matchers.predicate(
                        (List<MediationBatchHandler.SubscriptionOutcome> outcomes) -> outcomes.size() == 1
                                && outcomes.get(0).recorded().accepted().equals(List.of("R2", "R3"))
                                && outcomes.get(0).recorded().duplicates().equals(List.of("R1"))));
        assertThat(recordIds.recorded(ID, List.of("R2", "R3"))).isEqualTo(Set.of("R2", "R3"));
        assertThat(dueDates.dueBy).isEqualTo(Map.of(ID, EVENING.toLocalDate()));
    }

    @Test
    void aBatchTakingItsRecordsForNewFailsWholeWhenOneWasRecordedBeforeSoItsSenderLooksUpFirst() {
        recordIds.recordedBefore(ID, "R1");
        fixture.given(effective(), cinemaFrom(DAY_ONE), evening("R1"))
                .when(mediation(braveheart("R1", EVENING), braveheart("R2", EVENING)))
                .expectException(BatchRecordsNotNew.class)
                .expectNoEvents();
    }

    @Test
    void aBatchLookingUpFirstThatFindsAClaimTakenWhenItClaimsLostARaceAndIsRetried() {
        recordIds.claimedMeanwhile(ID, "R2");
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(lookingUpFirst(braveheart("R1", EVENING), braveheart("R2", EVENING)))
                .expectException(ConcurrencyException.class)
                .expectNoEvents();
    }

    @Test
    void recordsPutOnTheStreamAreClaimedLastAndATakenClaimFailsTheBatchToo() {
        lookup.with(residential(null, null, false));
        chargeRules.add(new EventChargeRule(null, BehaviourCode.RECORD_USAGE, "CDR-FEE", null, null));
        recordIds.claimedMeanwhile(ID, "R2");
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(mediation(braveheart("R1", EVENING), braveheart("R2", EVENING)))
                .expectException(BatchRecordsNotNew.class)
                .expectNoEvents();
    }

    @Test
    void aRefusedRecordClaimsNothingSoItMayBeSentAgain() {
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(mediation(braveheart("R1", EVENING), new UsageRecord("R2", "NO-SUCH-PRODUCT", EVENING)))
                .expectEventsMatching(oneBatchOf(evening("R1")))
                .expectResultMessagePayloadMatching(Matchers.predicate(
                        (List<MediationBatchHandler.SubscriptionOutcome> outcomes) ->
                                outcomes.get(0).recorded().accepted().equals(List.of("R1"))
                                        && outcomes.get(0).recorded().refused().size() == 1));
        assertThat(recordIds.recorded(ID, List.of("R1", "R2"))).isEqualTo(Set.of("R1"));
    }

    @Test
    void billingsRowsKeepTheIdentifierOfTheBatchEventThatHoldsTheirRecords() {
        // the rows are the batch records' unbilled usage for readers, and their bill keeps where they were recorded;
        // the event's metadata counts its records (the usage counter reads that, not the payload)
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(mediation(braveheart("R1", EVENING), braveheart("R2", EVENING)))
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.predicate((Message<?> event) ->
                        event.getPayload() instanceof UsageBatchRecorded
                                && event.getIdentifier().equals(batchUsage.eventIds.get(ID + "/R1"))
                                && event.getIdentifier().equals(batchUsage.eventIds.get(ID + "/R2"))
                                && Integer.valueOf(2).equals(event.getMetaData().get(LedgerMetadata.USAGE_RECORDS)))));
        assertThat(batchUsage.eventIds).hasSize(2);
    }

    @Test
    void aPrepaidSubscriptionsRecordsAreInTheBatchAndItAsksForItsUsageBill() {
        lookup.with(residential(null, null, true));
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(mediation(braveheart("R1", EVENING), braveheart("R2", EVENING)))
                .expectEventsMatching(batchThenDue(due(UsageBillingReason.PREPAID, "6.00", 2), evening("R1"),
                        evening("R2")));
        assertThat(batchUsage.rows).isEqualTo(Map.of(ID, List.of(evening("R1"), evening("R2"))));
    }

    @Test
    void aDraftSubscriptionIsRefusedAsAWholeWithoutFailingTheBatch() {
        fixture.given(draft())
                .when(mediation(braveheart("R1", EVENING)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(Matchers.predicate(
                        (List<MediationBatchHandler.SubscriptionOutcome> outcomes) ->
                                refusedAsAWhole(outcomes, ErrorCode.SUBSCRIPTION_STATE_INVALID)));
        assertThat(recordIds.recorded(ID, List.of("R1"))).isEmpty();
        assertThat(dueDates.dueBy).isEmpty();
    }

    @Test
    void aSubscriptionOutsideTheCallersScopeIsAnsweredAsUnknownAndRecordsNothing() {
        var sales = effective();
        var ownedBySales = new SubscriptionCreated(sales.subscriptionId(), sales.accountId(),
                sales.subscriptionTypeCode(), sales.state(), sales.billingTerms(), sales.location(),
                sales.billingAddress(), sales.distributors(), sales.services(), sales.installedItems(),
                sales.createdOn(), sales.action(), SALES_AGENT.actingUnit());
        fixture.given(ownedBySales, cinemaFrom(DAY_ONE))
                .when(mediation(braveheart("R1", EVENING)), as(SERVICE_AGENT))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(Matchers.predicate(
                        (List<MediationBatchHandler.SubscriptionOutcome> outcomes) ->
                                refusedAsAWhole(outcomes, ErrorCode.SUBSCRIPTION_NOT_FOUND)));
    }

    @Test
    void onAPlainSchemeTheBatchsRecordsAreOneEventAndRowsForBillingNotEventsOnTheStream() {
        lookup.with(residential(null, null, false));
        recordIds.recordedBefore(ID, "R1");
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(lookingUpFirst(braveheart("R1", EVENING), braveheart("R2", EVENING),
                        new UsageRecord("R3", "NO-SUCH-PRODUCT", EVENING), braveheart("R4", EVENING)))
                .expectEventsMatching(oneBatchOf(evening("R2"), evening("R4")))
                .expectResultMessagePayloadMatching(Matchers.predicate(
                        (List<MediationBatchHandler.SubscriptionOutcome> outcomes) ->
                                outcomes.get(0).recorded().accepted().equals(List.of("R2", "R4"))
                                        && outcomes.get(0).recorded().duplicates().equals(List.of("R1"))
                                        && outcomes.get(0).recorded().refused().size() == 1));
        assertThat(batchUsage.rows).isEqualTo(Map.of(ID, List.of(evening("R2"), evening("R4"))));
        assertThat(recordIds.recorded(ID, List.of("R2", "R3", "R4"))).isEqualTo(Set.of("R2", "R4"));
        assertThat(dueDates.dueBy).isEqualTo(Map.of(ID, EVENING.toLocalDate()));
    }

    @Test
    void aBatchWhoseRecordsAreAllDuplicatesOrRefusedPublishesNothing() {
        lookup.with(residential(null, null, false));
        recordIds.recordedBefore(ID, "R1");
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(lookingUpFirst(braveheart("R1", EVENING), new UsageRecord("R2", "NO-SUCH-PRODUCT", EVENING)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(batchUsage.rows).isEmpty();
    }

    @Test
    void aSchemeWithAThresholdRecordsInTheBatchAndAsksForItsUsageBillOnceTheBatchReachesIt() {
        lookup.with(residential(null, 2, false));
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(mediation(braveheart("R1", EVENING), braveheart("R2", EVENING)))
                .expectEventsMatching(batchThenDue(due(UsageBillingReason.RECORD_THRESHOLD, "6.00", 2),
                        evening("R1"), evening("R2")));
        assertThat(batchUsage.rows).isEqualTo(Map.of(ID, List.of(evening("R1"), evening("R2"))));
        // read once, for the subscriptions that bill usage early only (a plain one's never: see below)
        assertThat(batchUsage.talliesRead).containsExactly(List.of(ID));
    }

    @Test
    void aThresholdCountsWhatEarlierBatchesAndTheStreamLeftUnbilled() {
        lookup.with(residential(SubscriptionFixtures.eur("12.00"), 4, false));
        batchUsage.add(List.of(evening("R1")), "E0");
        // R0 on the stream (recorded before the scheme's records went to batches), R1 by an earlier batch: with R2
        // and R3, four records of 3.00 are unbilled
        fixture.given(effective(), cinemaFrom(DAY_ONE), evening("R0"))
                .when(mediation(braveheart("R2", EVENING), braveheart("R3", EVENING)))
                .expectEventsMatching(batchThenDue(due(UsageBillingReason.AMOUNT_THRESHOLD, "12.00", 4),
                        evening("R2"), evening("R3")));
    }

    @Test
    void belowItsThresholdASubscriptionOnlyRecordsAndWhatABillIncludedNoLongerCounts() {
        lookup.with(residential(null, 3, false));
        batchUsage.add(List.of(evening("R1"), evening("R2")), "E0");
        batchUsage.billed(Map.of(ID, List.of("R1", "R2")));
        fixture.given(effective(), cinemaFrom(DAY_ONE), evening("R0"), SubscriptionUsageTest.billed("R0", "R1",
                        "R2"))
                .when(mediation(braveheart("R3", EVENING), braveheart("R4", EVENING)))
                .expectEventsMatching(oneBatchOf(evening("R3"), evening("R4")));
    }

    @Test
    void aSchemeThatBillsUsageOnlyAtItsRunNeverReadsTheUnbilledBatchUsage() {
        lookup.with(residential(null, null, false));
        batchUsage.failOnTallies = true;
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(mediation(braveheart("R1", EVENING)))
                .expectEventsMatching(oneBatchOf(evening("R1")));
    }

    @Test
    void whileARuleChargesForRecordingUsageEveryRecordIsOnItsStream() {
        lookup.with(residential(null, null, false));
        chargeRules.add(new EventChargeRule(null, BehaviourCode.RECORD_USAGE, "CDR-FEE", null, null));
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(mediation(braveheart("R1", EVENING)))
                .expectEvents(evening("R1"));
        assertThat(batchUsage.rows).isEmpty();
        assertThat(recordIds.recorded(ID, List.of("R1"))).containsExactly("R1");
    }
}
