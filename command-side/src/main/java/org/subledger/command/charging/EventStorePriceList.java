package org.subledger.command.charging;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.command.billing.EventStoreBillingCatalog;
import org.subledger.kernel.rating.Rate;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Reads price versions by folding the price plan aggregate's own events from the event store (the billing engine's
 * reading of the catalog, {@link EventStoreBillingCatalog}, fresh for every question): the versions as recorded, not
 * a projection that may lag behind.
 */
@Component
class EventStorePriceList implements PriceList {

    private final EventStore eventStore;

    EventStorePriceList(@Lazy EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<Rate> rateInForce(String pricePlanCode, String productCode, LocalDate on) {
        return new EventStoreBillingCatalog(eventStore).rateInForce(pricePlanCode, productCode, on);
    }
}
