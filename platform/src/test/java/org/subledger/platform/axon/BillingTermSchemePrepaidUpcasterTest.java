package org.subledger.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.BillingTermSchemeAmended;
import org.subledger.kernel.catalog.BillingTermSchemeCreated;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A billing term scheme stored before prepaid schemes existed reads back as not prepaid; one stored before payment
 * terms per scheme, with the ledger's default payment term (none of its own).
 */
class BillingTermSchemePrepaidUpcasterTest {

    private final Serializer serializer = StorageJson.serializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new BillingTermSchemePrepaidUpcaster(),
            new BillingTermSchemePaymentTermUpcaster(), new BillingTermSchemeWalletUpcaster(),
            new BillingTermSchemeBillPerUpcaster());

    /** As revision 1 wrote it: the definition has no {@code prepaid}. */
    private static final String REVISION_1 = """
            {"definition":{"code":"RESIDENTIAL","name":"Residential monthly","billingFrequencies":["MONTHLY"],
             "bindingPeriodMonths":12,"allowedPricePlans":["STANDARD"],"defaultPricePlan":"STANDARD",
             "flexiblePricing":true,"overrideCreditLimitRules":false,"termedServiceTiming":"IN_ADVANCE",
             "maxUnbilledUsageAmount":{"amount":"50.00","currency":"EUR"},"maxUnbilledUsageRecords":20}}""";

    @Test
    void aRevisionOneSchemeIsUpcastAndReadsBackAsNotPrepaid() {
        for (Class<?> type : List.of(BillingTermSchemeCreated.class, BillingTermSchemeAmended.class)) {
            Object event = read(type, "1", REVISION_1);

            BillingTermSchemeDefinition definition = event instanceof BillingTermSchemeCreated created
                    ? created.definition() : ((BillingTermSchemeAmended) event).definition();
            assertThat(definition.prepaid()).isFalse();
            assertThat(definition.code()).isEqualTo("RESIDENTIAL");
            assertThat(definition.maxUnbilledUsageRecords()).isEqualTo(20);
            assertThat(definition.paymentDueDays()).isNull();
        }
    }

    @Test
    void aRevisionThreeSchemeKeepsItsPaymentTerm() {
        String withTerm = REVISION_1.replace("\"maxUnbilledUsageRecords\":20", "\"maxUnbilledUsageRecords\":20,"
                + "\"prepaid\":false,\"paymentDueDays\":30");

        var event = (BillingTermSchemeAmended) read(BillingTermSchemeAmended.class, "3", withTerm);

        assertThat(event.definition().paymentDueDays()).isEqualTo(30);
        assertThat(event.definition().dueDate(LocalDate.of(2026, 1, 1), 14))
                .isEqualTo(LocalDate.of(2026, 1, 31));
    }

    @Test
    void aRevisionTwoSchemeIsLeftAsStored() {
        String prepaid = REVISION_1.replace("\"maxUnbilledUsageRecords\":20", "\"maxUnbilledUsageRecords\":20,"
                + "\"prepaid\":true");

        var event = (BillingTermSchemeCreated) read(BillingTermSchemeCreated.class, "2", prepaid);

        assertThat(event.definition().prepaid()).isTrue();
        assertThat(event.definition().paymentDueDays()).isNull();
        assertThat(event.definition().dueDate(LocalDate.of(2026, 1, 1), 14))
                .isEqualTo(LocalDate.of(2026, 1, 15));
    }

    private Object read(Class<?> type, String revision, String payload) {
        var stored = new GenericDomainEventEntry<>("BillingTermScheme", "billing-term-scheme:RESIDENTIAL", 0,
                "event-1", Instant.parse("2026-01-01T00:00:00Z"), type.getName(), revision, payload, "{}");
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), serializer, upcasters).asStream().toList();
        assertThat(events).hasSize(1);
        return events.get(0).getPayload();
    }
}
