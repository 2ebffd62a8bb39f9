package org.subledger.command.charging;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.PricePlanAmended;
import org.subledger.kernel.catalog.PricePlanCreated;
import org.subledger.kernel.catalog.ProductRateSet;
import org.subledger.kernel.rating.Rate;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads price versions by folding the price plan aggregate's own events from the event store ({@code ProductRateSet}
 * and the plan's definition, for a conditional plan's base plan): the versions as recorded, not a projection that may
 * lag behind. Only the events of those types are deserialised.
 */
@Component
class EventStorePriceList implements PriceList {

    private final EventStore eventStore;

    EventStorePriceList(@Lazy EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<Rate> rateInForce(String pricePlanCode, String productCode, LocalDate on) {
        Set<String> visited = new HashSet<>();
        String plan = pricePlanCode;
        while (plan != null && visited.add(plan)) {
            ProductRateSet inForce = null;
            String basePlan = null;
            DomainEventStream events = eventStore.readEvents(CatalogIds.pricePlan(plan), 0);
            while (events.hasNext()) {
                DomainEventMessage<?> message = events.next();
                Class<?> type = message.getPayloadType();
                if (type == ProductRateSet.class) {
                    var version = (ProductRateSet) message.getPayload();
                    if (version.productCode().equals(productCode) && !version.effectiveFrom().isAfter(on)) {
                        inForce = version; // versions of a product come in order of their effective dates
                    }
                } else if (type == PricePlanCreated.class) {
                    basePlan = ((PricePlanCreated) message.getPayload()).definition().basePlanCode();
                } else if (type == PricePlanAmended.class) {
                    basePlan = ((PricePlanAmended) message.getPayload()).definition().basePlanCode();
                }
            }
            if (inForce != null) {
                return Optional.of(inForce.rate());
            }
            plan = basePlan;
        }
        return Optional.empty();
    }
}
