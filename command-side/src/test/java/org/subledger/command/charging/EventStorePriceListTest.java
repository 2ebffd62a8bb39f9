package org.subledger.command.charging;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.PricePlanCreated;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.catalog.ProductRateSet;
import org.subledger.kernel.catalog.RateClassification;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.Rate;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Price versions read from the price plan's own events: the version in force on the date, else the base plan's. */
class EventStorePriceListTest {

    final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    final PriceList prices = new EventStorePriceList(eventStore);

    @AfterEach
    void stop() {
        eventStore.shutDown();
    }

    void store(String plan, Object... events) {
        for (int i = 0; i < events.length; i++) {
            eventStore.publish(new GenericDomainEventMessage<>("PricePlan", CatalogIds.pricePlan(plan), i, events[i]));
        }
    }

    static Rate eur(String amount) {
        return Rate.flat(Money.of(amount, "EUR"));
    }

    static ProductRateSet version(String plan, String amount, LocalDate from, int version) {
        return new ProductRateSet(plan, "START-UP-FEE", RateClassification.EXPENSE, eur(amount), from, version);
    }

    static PricePlanCreated plan(String code, PricePlanKind kind, String basePlan) {
        return new PricePlanCreated(new PricePlanDefinition(code, code, kind, basePlan, "EUR", List.of(), List.of(),
                List.of()));
    }

    @Test
    void theVersionInForceOnTheActionDateIsUsed() {
        store("STANDARD", plan("STANDARD", PricePlanKind.BASE, null),
                version("STANDARD", "5.00", LocalDate.of(2026, 1, 1), 1),
                version("STANDARD", "7.00", LocalDate.of(2026, 6, 1), 2));

        assertThat(prices.rateInForce("STANDARD", "START-UP-FEE", LocalDate.of(2025, 12, 31))).isEmpty();
        assertThat(prices.rateInForce("STANDARD", "START-UP-FEE", LocalDate.of(2026, 5, 31))).contains(eur("5.00"));
        assertThat(prices.rateInForce("STANDARD", "START-UP-FEE", LocalDate.of(2026, 6, 1))).contains(eur("7.00"));
        assertThat(prices.rateInForce("STANDARD", "DECODER", LocalDate.of(2026, 6, 1))).isEmpty();
    }

    @Test
    void aConditionalPlanWithoutTheProductFallsBackToItsBasePlan() {
        store("STANDARD", plan("STANDARD", PricePlanKind.BASE, null),
                version("STANDARD", "5.00", LocalDate.of(2026, 1, 1), 1));
        store("VIP", plan("VIP", PricePlanKind.CONDITIONAL, "STANDARD"));

        assertThat(prices.rateInForce("VIP", "START-UP-FEE", LocalDate.of(2026, 3, 2))).contains(eur("5.00"));
        assertThat(prices.rateInForce("NO-SUCH-PLAN", "START-UP-FEE", LocalDate.of(2026, 3, 2))).isEmpty();
    }
}
