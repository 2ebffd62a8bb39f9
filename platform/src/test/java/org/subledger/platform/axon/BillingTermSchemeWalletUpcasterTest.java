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
import org.subledger.kernel.catalog.PrepaidSettlement;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A billing term scheme stored before wallets existed reads back as settled on the account, from either revision. */
class BillingTermSchemeWalletUpcasterTest {

    private final Serializer serializer = StorageJson.serializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new BillingTermSchemePrepaidUpcaster(),
            new BillingTermSchemePaymentTermUpcaster(), new BillingTermSchemeWalletUpcaster(),
            new BillingTermSchemeBillPerUpcaster());

    private static final String REVISION_2 = """
            {"definition":{"code":"PREPAID","name":"Prepaid monthly","billingFrequencies":["MONTHLY"],
             "bindingPeriodMonths":0,"allowedPricePlans":["STANDARD"],"defaultPricePlan":"STANDARD",
             "flexiblePricing":false,"overrideCreditLimitRules":false,"termedServiceTiming":"IN_ADVANCE",
             "maxUnbilledUsageAmount":null,"maxUnbilledUsageRecords":null,"prepaid":true}}""";

    @Test
    void aRevisionTwoSchemeIsUpcastAndReadsBackAsSettledOnTheAccount() {
        for (Class<?> type : List.of(BillingTermSchemeCreated.class, BillingTermSchemeAmended.class)) {
            BillingTermSchemeDefinition definition = definition(read(type, "2", REVISION_2));

            assertThat(definition.prepaid()).isTrue();
            assertThat(definition.prepaidSettlement()).isEqualTo(PrepaidSettlement.ACCOUNT);
            assertThat(definition.settledFromWallet()).isFalse();
        }
    }

    @Test
    void aRevisionOneSchemeGoesThroughEveryUpcaster() {
        String revision1 = REVISION_2.replace(",\"prepaid\":true", "");

        BillingTermSchemeDefinition definition = definition(read(BillingTermSchemeCreated.class, "1", revision1));

        assertThat(definition.prepaid()).isFalse();
        assertThat(definition.prepaidSettlement()).isEqualTo(PrepaidSettlement.ACCOUNT);
    }

    @Test
    void aRevisionFourSchemeIsLeftAsStored() {
        String wallet = REVISION_2.replace("\"prepaid\":true", "\"prepaid\":true,"
                + "\"prepaidSettlement\":\"WALLET_OR_DEACTIVATE\"");

        BillingTermSchemeDefinition definition = definition(read(BillingTermSchemeCreated.class, "4", wallet));

        assertThat(definition.prepaidSettlement()).isEqualTo(PrepaidSettlement.WALLET_OR_DEACTIVATE);
        assertThat(definition.settledFromWallet()).isTrue();
    }

    private static BillingTermSchemeDefinition definition(Object event) {
        return event instanceof BillingTermSchemeCreated created ? created.definition()
                : ((BillingTermSchemeAmended) event).definition();
    }

    private Object read(Class<?> type, String revision, String payload) {
        var stored = new GenericDomainEventEntry<>("BillingTermScheme", "billing-term-scheme:PREPAID", 0,
                "event-1", Instant.parse("2026-01-01T00:00:00Z"), type.getName(), revision, payload, "{}");
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), serializer, upcasters).asStream().toList();
        assertThat(events).hasSize(1);
        return events.get(0).getPayload();
    }
}
