package org.subledger.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.BillPer;
import org.subledger.kernel.catalog.BillingTermSchemeAmended;
import org.subledger.kernel.catalog.BillingTermSchemeCreated;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A billing term scheme stored before bills per account goes on billing each subscription on its own; one defined
 * now without the setting bills per account.
 */
class BillingTermSchemeBillPerUpcasterTest {

    private final Serializer serializer = StorageJson.serializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new BillingTermSchemePrepaidUpcaster(),
            new BillingTermSchemePaymentTermUpcaster(), new BillingTermSchemeWalletUpcaster(),
            new BillingTermSchemeBillPerUpcaster());

    private static final String REVISION_4 = """
            {"definition":{"code":"MONTHLY","name":"Monthly","billingFrequencies":["MONTHLY"],
             "bindingPeriodMonths":0,"allowedPricePlans":["STANDARD"],"defaultPricePlan":"STANDARD",
             "flexiblePricing":false,"overrideCreditLimitRules":false,"termedServiceTiming":"IN_ADVANCE",
             "maxUnbilledUsageAmount":null,"maxUnbilledUsageRecords":null,"prepaid":false,
             "paymentDueDays":30,"prepaidSettlement":"ACCOUNT"}}""";

    @Test
    void aRevisionFourSchemeIsUpcastAndBillsPerSubscription() {
        for (Class<?> type : List.of(BillingTermSchemeCreated.class, BillingTermSchemeAmended.class)) {
            BillingTermSchemeDefinition definition = definition(read(type, "4", REVISION_4));

            assertThat(definition.billPer()).isEqualTo(BillPer.SUBSCRIPTION);
            assertThat(definition.paymentDueDays()).isEqualTo(30);
        }
    }

    @Test
    void aRevisionOneSchemeGoesThroughEveryUpcasterToBillsPerSubscription() {
        String revision1 = REVISION_4.replace(",\"prepaid\":false", "").replace(",\n \"paymentDueDays\":30", "")
                .replace("\"paymentDueDays\":30,", "").replace(",\"prepaidSettlement\":\"ACCOUNT\"", "");

        BillingTermSchemeDefinition definition = definition(read(BillingTermSchemeCreated.class, "1", revision1));

        assertThat(definition.billPer()).isEqualTo(BillPer.SUBSCRIPTION);
    }

    @Test
    void aRevisionFiveSchemeKeepsItsSettingAndOneWithoutItBillsPerAccount() {
        String perAccount = REVISION_4.replace("\"prepaidSettlement\":\"ACCOUNT\"",
                "\"prepaidSettlement\":\"ACCOUNT\",\"billPer\":\"ACCOUNT\"");

        assertThat(definition(read(BillingTermSchemeCreated.class, "5", perAccount)).billPer())
                .isEqualTo(BillPer.ACCOUNT);
        assertThat(definition(read(BillingTermSchemeAmended.class, "5", REVISION_4)).billPer())
                .isEqualTo(BillPer.ACCOUNT);
    }

    private static BillingTermSchemeDefinition definition(Object event) {
        return event instanceof BillingTermSchemeCreated created ? created.definition()
                : ((BillingTermSchemeAmended) event).definition();
    }

    private Object read(Class<?> type, String revision, String payload) {
        var stored = new GenericDomainEventEntry<>("BillingTermScheme", "billing-term-scheme:MONTHLY", 0,
                "event-1", Instant.parse("2026-01-01T00:00:00Z"), type.getName(), revision, payload, "{}");
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), serializer, upcasters).asStream().toList();
        assertThat(events).hasSize(1);
        return events.get(0).getPayload();
    }
}
