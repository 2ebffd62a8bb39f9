package org.subledger.command.billing;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.command.eventstore.StreamPositions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives each bill run, preview, usage bill or buy-in-advance bill a catalog of its own, read from the event store
 * once for its life ({@link EventStoreBillingCatalog}). Usage bills come many a second (a prepaid subscription has
 * one for nearly every batch it has records in) and each needs the same few entries (its scheme, products, price
 * plans): the entries they read are kept, and each usage bill's catalog starts from those whose streams have not
 * grown since, checked in one query (an entry whose stream grew is read again when needed). Its auto-apply discounts
 * are listed afresh for each, as for every catalog.
 */
@Component
class BillingCatalogs {

    private final EventStore eventStore;
    private final AutoApplyDiscounts autoApplyDiscounts;
    private final StreamPositions positions;
    /** The entries usage bills read, by aggregate id: at most the catalog's size. */
    private final Map<String, EventStoreBillingCatalog.Entry> kept = new ConcurrentHashMap<>();

    BillingCatalogs(@Lazy EventStore eventStore, AutoApplyDiscounts autoApplyDiscounts, StreamPositions positions) {
        this.eventStore = eventStore;
        this.autoApplyDiscounts = autoApplyDiscounts;
        this.positions = positions;
    }

    EventStoreBillingCatalog read() {
        return new EventStoreBillingCatalog(eventStore, autoApplyDiscounts::effective);
    }

    /** A usage bill's catalog: as {@link #read()} would read it, from the entries kept that are still up to date. */
    EventStoreBillingCatalog forUsageBill() {
        if (!kept.isEmpty()) {
            Map<String, Long> last = positions.lastSequenceNumbers(kept.keySet());
            kept.entrySet().removeIf(entry -> entry.getValue().lastSequence()
                    != last.getOrDefault(entry.getKey(), -1L));
        }
        return new EventStoreBillingCatalog(eventStore, autoApplyDiscounts::effective, kept);
    }
}
