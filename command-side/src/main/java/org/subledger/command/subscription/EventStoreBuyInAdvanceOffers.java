package org.subledger.command.subscription;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.kernel.catalog.BuyInAdvanceDefinition;
import org.subledger.kernel.catalog.BuyInAdvanceDefinitionAmended;
import org.subledger.kernel.catalog.BuyInAdvanceDefinitionCreated;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.DefinitionState;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Folds the catalog's stream of buy-in-advance definitions ({@link CatalogIds#BUY_IN_ADVANCE_DEFINITIONS}) on every
 * request: a handful of events, read inside the command's unit of work, so a definition made effective a moment
 * ago is the one a request is decided by.
 */
@Component
class EventStoreBuyInAdvanceOffers implements BuyInAdvanceOffers {

    private final EventStore eventStore;

    EventStoreBuyInAdvanceOffers(@Lazy EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<BuyInAdvanceDefinition> effective() {
        Map<String, BuyInAdvanceDefinition> definitions = new LinkedHashMap<>();
        var events = eventStore.readEvents(CatalogIds.BUY_IN_ADVANCE_DEFINITIONS, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            Object payload = message.getPayload();
            if (payload instanceof BuyInAdvanceDefinitionCreated created) {
                definitions.put(created.definition().code(), created.definition());
            } else if (payload instanceof BuyInAdvanceDefinitionAmended amended) {
                definitions.put(amended.definition().code(), amended.definition());
            }
        }
        return definitions.values().stream().filter(d -> d.state() == DefinitionState.EFFECTIVE).findFirst();
    }
}
