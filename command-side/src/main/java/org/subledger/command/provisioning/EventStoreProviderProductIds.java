package org.subledger.command.provisioning;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.ProductAmended;
import org.subledger.kernel.catalog.ProductCreated;
import org.subledger.kernel.catalog.ProductDefinition;

import java.util.Optional;

/** Reads a product's provider ids by folding the product aggregate's created / amended events. */
@Component
class EventStoreProviderProductIds implements ProviderProductIds {

    private final EventStore eventStore;

    EventStoreProviderProductIds(@Lazy EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<String> of(String productCode, String provider) {
        if (productCode == null || provider == null) {
            return Optional.empty();
        }
        ProductDefinition definition = null;
        DomainEventStream events = eventStore.readEvents(CatalogIds.product(productCode), 0);
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            Class<?> type = message.getPayloadType();
            if (type == ProductCreated.class) {
                definition = ((ProductCreated) message.getPayload()).definition();
            } else if (type == ProductAmended.class) {
                definition = ((ProductAmended) message.getPayload()).definition();
            }
        }
        return definition == null ? Optional.empty()
                : Optional.ofNullable(definition.providerProductIds().get(provider));
    }
}
