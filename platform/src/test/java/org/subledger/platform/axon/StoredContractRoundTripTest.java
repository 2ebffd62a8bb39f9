package org.subledger.platform.axon;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.billing.LineExplanation;
import org.subledger.kernel.event.DomainEvent;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.RatingLine;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.usage.UsageBatchRecorded;
import org.subledger.kernel.usage.UsageRecorded;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type of the stored contract survives the storage serializer unchanged, and states its revision.
 * Event types are found on the classpath, so a new event is covered the day it is written.
 */
class StoredContractRoundTripTest {

    private final Serializer serializer = StorageJson.serializer();

    static List<Class<?>> eventTypes() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.subledger.kernel")
                .stream()
                .filter(javaClass -> javaClass.isAssignableTo(DomainEvent.class) && !javaClass.isInterface())
                .map(JavaClass::reflect)
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
    }

    @Test
    void findsTheEventsOfTheContract() {
        assertThat(eventTypes()).extracting(Class::getSimpleName)
                .contains("AccountOpened", "ChargePosted", "PaymentRecorded", "AccountClosed", "ProcessStepRefused",
                        "ProcessStepRefusalResolved");
    }

    @TestFactory
    Stream<DynamicTest> everyEventSurvivesTheRoundTripThroughReadableJson() {
        return eventTypes().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            Object event = SampleValues.instance(type);
            SerializedObject<String> stored = serializer.serialize(event, String.class);

            assertThat(stored.getData()).startsWith("{");
            assertThat(stored.getType().getRevision()).as("@Revision of " + type.getSimpleName()).isNotNull();
            Object back = serializer.deserialize(stored);
            assertThat(back).isEqualTo(event);
        }));
    }

    @Test
    void aLineExplanationIsStoredWithoutItsNullFieldsAndReadsBackTheSameWithOrWithoutThem() {
        Money eur = Money.of("3.00", "EUR");
        LineExplanation discount = new LineExplanation(null, "PERCENTAGE", null, 1, List.of(), eur, null, null, null,
                null, null, List.of("definition TEN", "application 1"));
        BillLine line = new BillLine(5, BillLineKind.DISCOUNT, "TEN", "Discount TEN", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 2, 1), 1, eur.negate(), Money.of("-0.48", "EUR"), new BigDecimal("19"),
                "auto:TEN", discount);

        SerializedObject<String> written = serializer.serialize(line, String.class);
        String stored = written.getData();

        assertThat(stored).contains("\"explanation\":{\"rateModel\":\"PERCENTAGE\",\"units\":1,\"tiers\":[],")
                .doesNotContain("pricePlanCode", "tierBasis", "daysCharged", "daysInPeriod", "maturityPeriod",
                        "concurrentUsage", "directive");
        assertThat((Object) serializer.deserialize(written)).isEqualTo(line);
        // as lines were stored before: every field written, null or not
        String withNulls = stored.replace("\"explanation\":{", "\"explanation\":{\"pricePlanCode\":null,"
                + "\"tierBasis\":null,\"daysCharged\":null,\"daysInPeriod\":null,\"maturityPeriod\":null,"
                + "\"concurrentUsage\":null,\"directive\":null,");
        assertThat((Object) serializer.deserialize(new SimpleSerializedObject<>(withNulls, String.class,
                written.getType()))).isEqualTo(line);
    }

    /** A rated usage record without a related service, as the ledger writes it. */
    private static UsageRecorded usageRecorded() {
        Money rate = Money.of("0.05", "EUR");
        return new UsageRecorded("sub-1", "acc-1", "cdr-1", "PPV-MOVIES", "TELEPHONY", null,
                LocalDateTime.of(2026, 3, 1, 20, 15), rate, new RatingLine("peak", 1, rate, rate),
                LocalDate.of(2026, 3, 1), SubscriptionAction.of(BehaviourCode.RECORD_USAGE, null));
    }

    @Test
    void aUsageRecordAndItsActionAreStoredWithoutTheirNullFieldsAndReadBackTheSameWithOrWithoutThem() {
        UsageRecorded usage = usageRecorded();

        SerializedObject<String> written = serializer.serialize(usage, String.class);
        String stored = written.getData();

        assertThat(stored).contains("\"action\":{\"behaviourCode\":\"RECORD_USAGE\"}")
                .doesNotContain("relatedServiceCode", "businessClassificationCode", "actionType", "null");
        assertThat((Object) serializer.deserialize(written)).isEqualTo(usage);
        // as usage was stored before: every field written, null or not
        String withNulls = stored.replace("\"usedAt\"", "\"relatedServiceCode\":null,\"usedAt\"")
                .replace("\"behaviourCode\":\"RECORD_USAGE\"", "\"behaviourCode\":\"RECORD_USAGE\","
                        + "\"businessClassificationCode\":null,\"actionType\":null,\"subActionType\":null");
        assertThat(withNulls).contains("\"relatedServiceCode\":null", "\"subActionType\":null");
        assertThat((Object) serializer.deserialize(new SimpleSerializedObject<>(withNulls, String.class,
                written.getType()))).isEqualTo(usage);
        // a classified action keeps what it has
        SubscriptionAction classified = new SubscriptionAction(BehaviourCode.RECORD_USAGE, "PROMO", "CALL", null);
        assertThat(serializer.serialize(classified, String.class).getData()).isEqualTo(
                "{\"behaviourCode\":\"RECORD_USAGE\",\"businessClassificationCode\":\"PROMO\",\"actionType\":\"CALL\"}");
    }

    @Test
    void aUsageBatchIsStoredWithItsRecordsWithoutTheirNullFieldsAndReadBackTheSame() {
        UsageRecorded usage = usageRecorded();
        Money rate = usage.amount();
        UsageBatchRecorded batch = new UsageBatchRecorded("batch-1", java.util.List.of(usage,
                new UsageRecorded("sub-2", "acc-2", "cdr-2", "PPV-MOVIES", "TELEPHONY", "LINE",
                        LocalDateTime.of(2026, 3, 1, 9, 0), rate, new RatingLine("base", 1, rate, rate),
                        LocalDate.of(2026, 3, 1), SubscriptionAction.of(BehaviourCode.RECORD_USAGE, null))));

        SerializedObject<String> written = serializer.serialize(batch, String.class);

        assertThat(written.getType().getRevision()).isEqualTo("1");
        assertThat(written.getData()).startsWith("{\"batchId\":\"batch-1\",\"records\":[{")
                .contains("\"relatedServiceCode\":\"LINE\"").doesNotContain("null");
        assertThat((Object) serializer.deserialize(written)).isEqualTo(batch);
    }
}
