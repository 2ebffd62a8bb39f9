package org.subledger.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.ServiceCharged;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.discount.DiscountApplication;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.SubscriptionStreamState;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code SubscriptionBilled} stored before it carried its discount applications reads back with none, everything
 * else as stored; and a bill of the old form (its applications as {@code DiscountApplied} events after it) and the
 * same bill of the new form (its applications inside) fold to the same discount state.
 */
class SubscriptionBilledDiscountsUpcasterTest {

    /** As BillWriter stored it before revision 2 (2026-12-01). */
    private static final String REVISION_1 = """
            {"subscriptionId":"sub-1","accountId":"acc-1","billId":"bill-1","billNumber":"2026-000001",
             "runId":"run-1","billedOn":"2026-02-01","billedThrough":"2026-03-01","nextBillingDate":"2026-03-01",
             "services":[{"productCode":"PLATINUM","billableFrom":"2026-01-01","chargedThrough":"2026-03-01",
                          "periodAmount":{"amount":"20.00","currency":"EUR"}}],
             "usageRecordIds":["u-1"],"oneOffChargeIds":[],
             "action":{"behaviourCode":"BILL","businessClassificationCode":null,"actionType":null,
                       "subActionType":null}}""";
    private static final SubscriptionAction BILLING = new SubscriptionAction(BehaviourCode.BILL, null, null, null);
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void aRevisionOneBillReadsBackWithNoDiscountsAndEverythingElseAsStored() {
        var billed = (SubscriptionBilled) read(SubscriptionBilled.class, "1", REVISION_1);

        assertThat(billed.discounts()).isEmpty();
        assertThat(billed.discountsApplied()).isEmpty();
        assertThat(billed).isEqualTo(new SubscriptionBilled("sub-1", "acc-1", "bill-1", "2026-000001", "run-1",
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1),
                List.of(new ServiceCharged("PLATINUM", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1),
                        Money.of(new BigDecimal("20.00"), EUR))), List.of("u-1"), List.of(), BILLING));
    }

    @Test
    void aRevisionTwoBillKeepsItsApplicationsThroughTheStore() {
        SubscriptionBilled billed = newForm();
        SerializedObject<String> stored = StorageJson.serializer().serialize(billed, String.class);

        assertThat(stored.getType().getRevision()).isEqualTo("3");
        Object back = read(SubscriptionBilled.class, "3", stored.getData());
        assertThat(back).isEqualTo(billed);
        assertThat(((SubscriptionBilled) back).discountsApplied()).containsExactlyElementsOf(applied());
    }

    @Test
    void theOldFormAndTheNewFormFoldToTheSameDiscountState() {
        var old = new SubscriptionStreamState().apply(created(), 0);
        old.apply(read(SubscriptionBilled.class, "1", REVISION_1), 1);
        long sequence = 1;
        for (DiscountApplied applied : applied()) {
            old.apply(applied, ++sequence);
        }
        var now = new SubscriptionStreamState().apply(created(), 0);
        now.apply(newForm(), 1);

        assertThat(now.discounts()).isEqualTo(old.discounts()).hasSize(1);
        assertThat(now.discounts().get("auto:TEN").applicationsUsed()).isEqualTo(2);
    }

    private static SubscriptionCreated created() {
        return new SubscriptionCreated("sub-1", "acc-1", "GOLD", SubscriptionState.EFFECTIVE,
                new BillingTerms("RESIDENTIAL", "STANDARD", BillingFrequency.MONTHLY, null, null, null, null, null),
                null, null, List.of(), List.of(), List.of(), LocalDate.of(2026, 1, 1), null, null);
    }

    /** The bill's two applications (January and February), as billing computed them. */
    private static List<DiscountApplied> applied() {
        return List.of(application(LocalDate.of(2026, 1, 1), 1), application(LocalDate.of(2026, 2, 1), 2));
    }

    private static DiscountApplied application(LocalDate from, int number) {
        return new DiscountApplied("sub-1", "auto:TEN", "TEN", "bill-1", from, from.plusMonths(1),
                Money.of(new BigDecimal("2.00"), EUR), number, List.of(number + " PLATINUM"),
                List.of("subscription type GOLD"), BILLING);
    }

    private static SubscriptionBilled newForm() {
        var old = (SubscriptionBilled) read(SubscriptionBilled.class, "1", REVISION_1);
        return new SubscriptionBilled(old.subscriptionId(), old.accountId(), old.billId(), old.billNumber(),
                old.runId(), old.billedOn(), old.billedThrough(), old.nextBillingDate(), old.services(),
                old.usageRecordIds(), old.oneOffChargeIds(), old.action(),
                applied().stream().map(DiscountApplication::of).toList());
    }

    private static Object read(Class<?> type, String revision, String payload) {
        var stored = new GenericDomainEventEntry<>("Subscription", "sub-1", 0, "event-1",
                Instant.parse("2026-02-01T00:00:00Z"), type.getName(), revision, payload, "{}");
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), StorageJson.serializer(),
                new EventUpcasterChain(new SubscriptionBilledDiscountsUpcaster(),
                        new SubscriptionBilledUsageTallyUpcaster())).asStream().toList();
        assertThat(events).hasSize(1);
        return events.get(0).getPayload();
    }
}
