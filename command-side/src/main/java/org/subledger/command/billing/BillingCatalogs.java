package org.subledger.command.billing;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.command.eventstore.AggregateIds;

/**
 * Gives each bill run, preview, usage bill or buy-in-advance bill a catalog of its own, read from the event store
 * once for its life ({@link EventStoreBillingCatalog}).
 */
@Component
class BillingCatalogs {

    private final EventStore eventStore;
    private final AggregateIds aggregateIds;

    BillingCatalogs(@Lazy EventStore eventStore, AggregateIds aggregateIds) {
        this.eventStore = eventStore;
        this.aggregateIds = aggregateIds;
    }

    EventStoreBillingCatalog read() {
        return new EventStoreBillingCatalog(eventStore, aggregateIds);
    }
}
