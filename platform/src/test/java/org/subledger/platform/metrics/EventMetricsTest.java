package org.subledger.platform.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.RatingLine;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.usage.UsageBatchRecorded;
import org.subledger.kernel.usage.UsageRecorded;
import org.subledger.platform.axon.StorageJson;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventMetricsTest {

    private static final LocalDate FROM = LocalDate.of(2026, 2, 1);

    private final Serializer serializer = StorageJson.serializer();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AnnotationEventHandlerAdapter metrics =
            new AnnotationEventHandlerAdapter(new EventMetrics(registry, serializer, false));

    @Test
    void countsAStoredBillByItsKindAndTotalWithoutDeserializingTheBill() throws Exception {
        SerializedMessage<BillIssued> stored = stored(bill("bill-1", BillKind.RUN, "64.00"));
        SerializedMessage<BillIssued> credit = stored(bill("bill-2", BillKind.RUN, "-10.50"));

        metrics.handle(domainEvent(stored));
        metrics.handle(domainEvent(credit));

        assertThat(stored.isPayloadDeserialized()).isFalse();
        assertThat(credit.isPayloadDeserialized()).isFalse();
        assertThat(registry.get("ledger.bills.issued").tag("kind", "RUN").tag("currency", "EUR").counter().count())
                .isEqualTo(2.0);
        assertThat(registry.get("ledger.bills.amount").tag("direction", "billed").counter().count())
                .isEqualTo(64.0);
        assertThat(registry.get("ledger.bills.amount").tag("direction", "credited").counter().count())
                .isEqualTo(10.5);
    }

    @Test
    void inASharedProcessorReadsTheBillItsOtherGroupsDeserialize() throws Exception {
        var shared = new AnnotationEventHandlerAdapter(new EventMetrics(registry, serializer, true));
        SerializedMessage<BillIssued> stored = stored(bill("bill-4", BillKind.RUN, "64.00"));

        shared.handle(domainEvent(stored));

        assertThat(stored.isPayloadDeserialized()).as("deserialized once, for every group of the processor").isTrue();
        assertThat(registry.get("ledger.bills.issued").tag("kind", "RUN").tag("currency", "EUR").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("ledger.bills.amount").tag("direction", "billed").counter().count())
                .isEqualTo(64.0);
    }

    @Test
    void isNeverReplayed() {
        assertThat(metrics.supportsReset()).as("a replay would count history again").isFalse();
    }

    @Test
    void countsABillThatWasNeverStored() throws Exception {
        metrics.handle(GenericEventMessage.asEventMessage(bill("bill-3", BillKind.EVENT_CHARGE, "5.00")));

        assertThat(registry.get("ledger.bills.issued").tag("kind", "EVENT_CHARGE").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("ledger.bills.amount").tag("direction", "billed").counter().count()).isEqualTo(5.0);
    }

    @Test
    void countsAUsageRecordByItsTypeWithoutReadingIt() throws Exception {
        Money eur = Money.of("3.00", "EUR");
        SerializedMessage<UsageRecorded> record = stored(new UsageRecorded("sub-1", "acc-1", "R1", "BRAVEHEART",
                "MOVIES", "PPV-MOVIES", FROM.atTime(21, 30), eur, new RatingLine("base", 1, eur, eur), FROM,
                SubscriptionAction.of(BehaviourCode.RECORD_USAGE, null)));

        metrics.handle(domainEvent(record));
        metrics.handle(domainEvent(record));

        assertThat(record.isPayloadDeserialized()).isFalse();
        assertThat(registry.get("ledger.usage.records").counter().count()).isEqualTo(2.0);
    }

    @Test
    void countsEachRecordOfAUsageBatchWithoutBuildingTheRecords() throws Exception {
        Money eur = Money.of("3.00", "EUR");
        var records = java.util.stream.IntStream.rangeClosed(1, 3).mapToObj(n -> new UsageRecorded("sub-" + n,
                "acc-1", "R" + n, "BRAVEHEART", "MOVIES", "PPV-MOVIES", FROM.atTime(21, 30), eur,
                new RatingLine("base", 1, eur, eur), FROM, SubscriptionAction.of(BehaviourCode.RECORD_USAGE, null)))
                .toList();

        SerializedMessage<UsageBatchRecorded> stored = stored(new UsageBatchRecorded("batch-1", records));
        metrics.handle(GenericEventMessage.asEventMessage(stored));
        metrics.handle(GenericEventMessage.asEventMessage(stored(new UsageBatchRecorded("batch-2", List.of()))));

        assertThat(stored.isPayloadDeserialized()).as("counted in its JSON, the records never built").isFalse();
        assertThat(registry.get("ledger.usage.records").counter().count()).isEqualTo(3.0);
    }

    @Test
    void countsAUsageBatchByTheNumberItsMetadataCarriesWithoutReadingItsPayload() throws Exception {
        var stored = stored(new UsageBatchRecorded("batch-1", List.of()),
                MetaData.with(LedgerMetadata.USAGE_RECORDS, 1000));
        var message = GenericEventMessage.asEventMessage(stored);

        metrics.handle(message);

        assertThat(stored.isPayloadDeserialized()).isFalse();
        assertThat(registry.get("ledger.usage.records").counter().count())
                .as("the metadata's count, the (empty) payload not read").isEqualTo(1000.0);
    }

    private <T> SerializedMessage<T> stored(T payload) {
        return stored(payload, MetaData.emptyInstance());
    }

    private <T> SerializedMessage<T> stored(T payload, MetaData metaData) {
        return new SerializedMessage<>(UUID.randomUUID().toString(), serializer.serialize(payload, byte[].class),
                serializer.serialize(metaData, byte[].class), serializer);
    }

    private static <T> GenericDomainEventMessage<T> domainEvent(SerializedMessage<T> message) {
        return new GenericDomainEventMessage<>("Account", "acc-1", 3, message,
                () -> Instant.parse("2026-02-01T00:00:00Z"));
    }

    private static BillIssued bill(String billId, BillKind kind, String total) {
        BillLine line = new BillLine(1, BillLineKind.RECURRING, "PLATINUM", "Platinum package", FROM,
                FROM.plusMonths(1), 1, Money.of(total, "EUR"), Money.of("0.00", "EUR"), new BigDecimal("19"), null,
                null);
        return new BillIssued(billId, "2026-000001", "acc-1", "sub-1", "run-1", kind, FROM, FROM, FROM.plusMonths(1),
                List.of(line), Money.of(total, "EUR"), Money.of("0.00", "EUR"), FROM.plusDays(14));
    }
}
