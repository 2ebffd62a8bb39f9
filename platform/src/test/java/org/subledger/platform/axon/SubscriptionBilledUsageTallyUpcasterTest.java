package org.subledger.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.UsageTally;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bill recorded on a subscription's stream before bills recorded their usage tallies reads back with none (not
 * known), its usage record ids as stored, through both upcasters; a revision 3 bill keeps its tallies.
 */
class SubscriptionBilledUsageTallyUpcasterTest {

    private final Serializer serializer = StorageJson.serializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(
            new SubscriptionBilledDiscountsUpcaster(), new SubscriptionBilledUsageTallyUpcaster());

    private static final String REVISION_1 = """
            {"subscriptionId":"sub-1","accountId":"acc-1","billId":"bill-1","billNumber":"2026-1","runId":null,
             "billedOn":"2026-03-01","billedThrough":"2026-04-01","nextBillingDate":"2026-04-01","services":[],
             "usageRecordIds":["R1","R2"],"oneOffChargeIds":[],"action":null}""";

    @Test
    void aRevisionOneBillIsUpcastAndHasNoUsageTallies() {
        var bill = (SubscriptionBilled) read("1", REVISION_1);

        assertThat(bill.usageRecordIds()).containsExactly("R1", "R2");
        assertThat(bill.usageBilledByDay()).isNull();
        assertThat(bill.discounts()).isEmpty();
        assertThat(bill.billedThrough()).isEqualTo(LocalDate.parse("2026-04-01"));
    }

    @Test
    void aRevisionThreeBillKeepsItsTallies() {
        var days = new TreeMap<LocalDate, UsageTally>();
        days.put(LocalDate.parse("2026-02-03"), new UsageTally(2, Money.of("3.50", "EUR")));
        var written = new SubscriptionBilled("sub-1", "acc-1", "bill-1", "2026-1", null, LocalDate.parse("2026-03-01"),
                null, null, List.of(), List.of("R1", "R2"), List.of(), null, days);
        SerializedObject<String> stored = serializer.serialize(written, String.class);

        assertThat(stored.getType().getRevision()).isEqualTo("3");
        var bill = (SubscriptionBilled) read("3", stored.getData());

        assertThat(bill).isEqualTo(written);
        assertThat(bill.usageBilledByDay()).containsExactlyEntriesOf(days);
    }

    private Object read(String revision, String payload) {
        var stored = new GenericDomainEventEntry<>("Subscription", "sub-1", 7, "event-1",
                Instant.parse("2026-03-01T00:00:00Z"), SubscriptionBilled.class.getName(), revision, payload, "{}");
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), serializer, upcasters).asStream().toList();
        assertThat(events).hasSize(1);
        return events.get(0).getPayload();
    }
}
