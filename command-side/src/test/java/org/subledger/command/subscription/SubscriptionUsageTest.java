package org.subledger.command.subscription;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.BillingTiming;
import org.subledger.kernel.catalog.Condition;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.catalog.UsageServiceEntry;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.RatingLine;
import org.subledger.kernel.rating.UsageRate;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.ServiceAdded;
import org.subledger.kernel.subscription.ServiceRemoved;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.usage.RecordUsage;
import org.subledger.kernel.usage.UsageBillingDue;
import org.subledger.kernel.usage.UsageBillingReason;
import org.subledger.kernel.usage.UsageRecord;
import org.subledger.kernel.usage.UsageRecorded;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.subscription.SubscriptionFixtures.ACCOUNT;
import static org.subledger.command.subscription.SubscriptionFixtures.DAY_ONE;
import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.action;
import static org.subledger.command.subscription.SubscriptionFixtures.draft;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionFixtures.eur;
import static org.subledger.command.subscription.SubscriptionFixtures.refusal;

/**
 * Usage detail records (the manuals' U1-U3): rated by the time of day of their usage service, only with the related
 * termed service effective, each record id once; and the early usage bill a prepaid scheme or a threshold asks for.
 */
class SubscriptionUsageTest {

    static final LocalDate TODAY = LocalDate.of(2026, 4, 1);
    static final LocalDate IN_MARCH = LocalDate.of(2026, 3, 20);
    static final LocalDateTime EVENING = IN_MARCH.atTime(21, 30);
    static final LocalDateTime NIGHT = IN_MARCH.atTime(2, 15);
    static final RatingLine BASE = new RatingLine("base", 1, eur("3.00"), eur("3.00"));
    static final RatingLine NIGHT_RATE = new RatingLine("00:01-06:59", 1, eur("2.00"), eur("2.00"));

    /** U1: Braveheart in the Nagra movies catalog, 3.00, or 2.00 from 00:01 to 06:59; it needs Cinema. */
    static final UsageServiceEntry BRAVEHEART = new UsageServiceEntry("BRAVEHEART", "1AQ82",
            new UsageRate(eur("3.00"), List.of(new UsageRate.TimeOfDayRate(LocalTime.of(0, 1), LocalTime.of(6, 59),
                    eur("2.00")))), Validity.ALWAYS, "CINEMA");
    static final UsageCatalogDefinition MOVIES = new UsageCatalogDefinition("MOVIES", "Nagra movies", "NAGRA",
            Validity.ALWAYS, List.of(BRAVEHEART), List.of());

    FakeSubscriptionLookup lookup;
    FakeUsageRecordIds recordIds;
    FakeUsageDueDates dueDates;
    FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        lookup = SubscriptionFixtures.lookup().with(MOVIES);
        recordIds = new FakeUsageRecordIds();
        dueDates = new FakeUsageDueDates();
        fixture = fixture(lookup, recordIds, dueDates);
    }

    static FixtureConfiguration<Subscription> fixture(FakeSubscriptionLookup lookup, FakeUsageRecordIds recordIds) {
        return fixture(lookup, recordIds, new FakeUsageDueDates());
    }

    static FixtureConfiguration<Subscription> fixture(FakeSubscriptionLookup lookup, FakeUsageRecordIds recordIds,
                                                      FakeUsageDueDates dueDates) {
        var fixture = SubscriptionFixtures.fixture(lookup, new FakeSerialNumbers(), recordIds, dueDates,
                new FakePrepaidWallets());
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC));
        return fixture;
    }

    static ServiceAdded cinemaFrom(LocalDate effective) {
        return new ServiceAdded(ID, new SubscriptionService("CINEMA", List.of(), effective, effective, effective,
                Set.of("box-1")), effective, action(BehaviourCode.ADD_SERVICE));
    }

    static RecordUsage usage(UsageRecord... records) {
        return new RecordUsage(ID, List.of(records));
    }

    static UsageRecord braveheart(String recordId, LocalDateTime usedAt) {
        return new UsageRecord(recordId, "BRAVEHEART", usedAt);
    }

    static UsageRecorded recorded(String recordId, LocalDateTime usedAt, Money amount, RatingLine line) {
        return new UsageRecorded(ID, ACCOUNT, recordId, "BRAVEHEART", "MOVIES", "CINEMA", usedAt, amount, line,
                TODAY, action(BehaviourCode.RECORD_USAGE));
    }

    static UsageRecorded evening(String recordId) {
        return recorded(recordId, EVENING, eur("3.00"), BASE);
    }

    static BillingTermSchemeDefinition residential(Money maxAmount, Integer maxRecords, boolean prepaid) {
        return new BillingTermSchemeDefinition("RESIDENTIAL", "Residential", List.of(BillingFrequency.MONTHLY),
                12, List.of("STANDARD"), "STANDARD", true, false, BillingTiming.IN_ADVANCE, maxAmount, maxRecords,
                prepaid);
    }

    static UsageBillingDue due(UsageBillingReason reason, String amount, int records) {
        return new UsageBillingDue(ID, ACCOUNT, reason, eur(amount), records, action(BehaviourCode.RECORD_USAGE));
    }

    static SubscriptionBilled billed(String... recordIds) {
        return new SubscriptionBilled(ID, ACCOUNT, "bill-1", "B-0001", null, TODAY, TODAY, TODAY.plusMonths(1),
                List.of(), List.of(recordIds), List.of(), action(BehaviourCode.BILL));
    }

    @Test
    void u1UsageInTheEveningIsRatedAtTheBaseAmount() {
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(usage(braveheart("R1", EVENING)))
                .expectEvents(evening("R1"))
                .expectResultMessagePayload(new SubscriptionUsage.Outcome(ID, List.of("R1"), List.of()));
    }

    @Test
    void u2UsageAtNightIsRatedAtTheNightAmount() {
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(usage(braveheart("R2", NIGHT)))
                .expectEvents(recorded("R2", NIGHT, eur("2.00"), NIGHT_RATE));
    }

    @Test
    void u3UsageIsRefusedWithoutTheRelatedTermedService() {
        fixture.given(effective())
                .when(usage(braveheart("R1", EVENING)))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.RELATED_SERVICE_NOT_EFFECTIVE, "productCode"));
    }

    @Test
    void u3UsageIsRefusedBeforeTheRelatedServiceIsEffective() {
        fixture.given(effective(), cinemaFrom(IN_MARCH.plusDays(1)))
                .when(usage(braveheart("R1", EVENING)))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.RELATED_SERVICE_NOT_EFFECTIVE));
    }

    @Test
    void u3UsageIsRefusedOnceTheRelatedServiceIsRemoved() {
        fixture.given(effective(), cinemaFrom(DAY_ONE),
                        new ServiceRemoved(ID, "CINEMA", IN_MARCH, action(BehaviourCode.REMOVE_SERVICE)))
                .when(usage(braveheart("R1", EVENING)))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.RELATED_SERVICE_NOT_EFFECTIVE));
    }

    @Test
    void oneRefusedRecordRefusesTheWholeCommand() {
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(usage(braveheart("R1", EVENING), new UsageRecord("R2", "SERENDIPITY", EVENING)))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.USAGE_SERVICE_NOT_ORDERABLE, "productCode"));
        assertThat(dueDates.dueBy).as("nothing recorded, nothing due").isEmpty();
    }

    @Test
    void recordedUsageMakesTheSubscriptionDueByItsEarliestDate() {
        LocalDateTime earlier = EVENING.minusDays(3);
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(usage(braveheart("R1", EVENING), braveheart("R2", earlier)))
                .expectEvents(evening("R1"), recorded("R2", earlier, eur("3.00"), BASE));
        assertThat(dueDates.dueBy).isEqualTo(Map.of(ID, earlier.toLocalDate()));
    }

    @Test
    void usageIsRefusedWhenItsCatalogIsNotValidOnTheUsageDate() {
        lookup.with(new UsageCatalogDefinition("MOVIES", "Nagra movies", "NAGRA",
                new Validity(IN_MARCH.plusDays(1), null), List.of(BRAVEHEART), List.of()));
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(usage(braveheart("R1", EVENING)))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.USAGE_SERVICE_NOT_ORDERABLE));
    }

    @Test
    void usageIsRefusedWhenTheServiceIsNotOrderableOnTheUsageDate() {
        lookup.with(new UsageCatalogDefinition("MOVIES", "Nagra movies", "NAGRA", Validity.ALWAYS,
                List.of(new UsageServiceEntry("BRAVEHEART", "1AQ82", BRAVEHEART.rate(),
                        new Validity(null, IN_MARCH.minusDays(1)), "CINEMA")), List.of()));
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(usage(braveheart("R1", EVENING)))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.USAGE_SERVICE_NOT_ORDERABLE));
    }

    @Test
    void usageIsRefusedWhenTheCatalogsSelectConditionsDoNotHold() {
        lookup.with(new UsageCatalogDefinition("MOVIES", "Nagra movies", "NAGRA", Validity.ALWAYS,
                List.of(BRAVEHEART), List.of(new Condition(ConditionAttribute.ACCOUNT_CLASSIFICATION,
                List.of("VIP")))));
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(usage(braveheart("R1", EVENING)))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.USAGE_SERVICE_NOT_ORDERABLE));
    }

    @Test
    void usageIsRecordedOnlyOnAnEffectiveSubscription() {
        fixture.given(draft())
                .when(usage(braveheart("R1", EVENING)))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.SUBSCRIPTION_STATE_INVALID));
    }

    @Test
    void aRecordWithoutItsUsageTimeIsInvalid() {
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(usage(new UsageRecord("R1", "BRAVEHEART", null)))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "records[0].usedAt"));
    }

    @Test
    void aRecordIdSeenBeforeOrListedTwiceIsSkippedAsADuplicate() {
        recordIds.recordedBefore(ID, "R1");
        fixture.given(effective(), cinemaFrom(DAY_ONE), evening("R1"))
                .when(usage(braveheart("R1", EVENING), braveheart("R2", EVENING), braveheart("R2", NIGHT)))
                .expectEvents(evening("R2"))
                .expectResultMessagePayload(new SubscriptionUsage.Outcome(ID, List.of("R2"), List.of("R1", "R2")));
    }

    @Test
    void onlyDuplicatesRecordNothing() {
        recordIds.recordedBefore(ID, "R1");
        fixture.given(effective(), cinemaFrom(DAY_ONE), evening("R1"))
                .when(usage(braveheart("R1", EVENING)))
                .expectNoEvents()
                .expectResultMessagePayload(new SubscriptionUsage.Outcome(ID, List.of(), List.of("R1")));
        assertThat(dueDates.dueBy).as("a duplicate makes nothing due").isEmpty();
    }

    @Test
    void reachingTheMaximumUnbilledAmountMakesUsageBillingDue() {
        lookup.with(residential(eur("5.00"), null, false));
        fixture.given(effective(), cinemaFrom(DAY_ONE), evening("R1"))
                .when(usage(braveheart("R2", EVENING)))
                .expectEvents(evening("R2"), due(UsageBillingReason.AMOUNT_THRESHOLD, "6.00", 2));
    }

    @Test
    void belowTheMaximumUnbilledAmountNothingIsDueEarly() {
        lookup.with(residential(eur("5.00"), null, false));
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(usage(braveheart("R1", EVENING)))
                .expectEvents(evening("R1"));
    }

    @Test
    void reachingTheMaximumNumberOfUnbilledRecordsMakesUsageBillingDue() {
        lookup.with(residential(null, 3, false));
        fixture.given(effective(), cinemaFrom(DAY_ONE), evening("R1"), evening("R2"))
                .when(usage(braveheart("R3", EVENING)))
                .expectEvents(evening("R3"), due(UsageBillingReason.RECORD_THRESHOLD, "9.00", 3));
    }

    @Test
    void onAPrepaidSchemeUsageIsBilledAsSoonAsItIsRecorded() {
        lookup.with(residential(null, null, true));
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(usage(braveheart("R1", EVENING)))
                .expectEvents(evening("R1"), due(UsageBillingReason.PREPAID, "3.00", 1));
    }

    @Test
    void billedUsageNoLongerCountsTowardsTheThresholdButItsRecordIdsStaySeen() {
        lookup.with(residential(null, 2, false));
        recordIds.recordedBefore(ID, "R1", "R2");
        fixture.given(effective(), cinemaFrom(DAY_ONE), evening("R1"), evening("R2"),
                        due(UsageBillingReason.RECORD_THRESHOLD, "6.00", 2), billed("R1", "R2"))
                .when(usage(braveheart("R1", EVENING), braveheart("R3", EVENING)))
                .expectEvents(evening("R3"))
                .expectResultMessagePayload(new SubscriptionUsage.Outcome(ID, List.of("R3"), List.of("R1")));
    }

    @Test
    void afterABillTheNextThresholdCountsFromZero() {
        lookup.with(residential(null, 2, false));
        fixture.given(effective(), cinemaFrom(DAY_ONE), evening("R1"), evening("R2"),
                        due(UsageBillingReason.RECORD_THRESHOLD, "6.00", 2), billed("R1", "R2"), evening("R3"))
                .when(usage(braveheart("R4", EVENING)))
                .expectEvents(evening("R4"), due(UsageBillingReason.RECORD_THRESHOLD, "6.00", 2));
    }
}
