package org.subledger.command.billing;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Gives each bill run, preview, usage bill or buy-in-advance bill a catalog of its own, read from the event store
 * once for its life ({@link EventStoreBillingCatalog}).
 */
@Component
class BillingCatalogs {

    private final EventStore eventStore;
    private final AutoApplyDiscounts autoApplyDiscounts;

    BillingCatalogs(@Lazy EventStore eventStore, AutoApplyDiscounts autoApplyDiscounts) {
        this.eventStore = eventStore;
        this.autoApplyDiscounts = autoApplyDiscounts;
    }

    EventStoreBillingCatalog read() {
        return new EventStoreBillingCatalog(eventStore, autoApplyDiscounts::effective);
    }
}
