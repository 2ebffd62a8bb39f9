package org.subledger.query.catalog;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.query.CatalogKind;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.util.List;

/**
 * One catalog entry's events as the event store holds them, oldest first: its own stream, or, for the kinds whose
 * entries share one catalog-level stream, only this entry's events in it. Read from sequence 0, never a snapshot.
 */
@Component
class CatalogStreams {

    private final EventStore eventStore;

    CatalogStreams(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The entry's events; refused with {@code CATALOG_ENTRY_NOT_FOUND} when it has none. */
    List<? extends DomainEventMessage<?>> events(CatalogKind kind, String code) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(aggregateId(kind, code), 0)
                .asStream().filter(event -> !sharedStream(kind)
                        || code.equals(CatalogEntryFold.codeOf(event.getPayload())))
                .toList();
        if (events.isEmpty()) {
            throw notFound(kind, code);
        }
        return events;
    }

    static LedgerRefusal notFound(CatalogKind kind, String code) {
        return new LedgerRefusal(ErrorCode.CATALOG_ENTRY_NOT_FOUND, "No " + describe(kind) + " " + code + ".");
    }

    static String describe(CatalogKind kind) {
        return kind.name().toLowerCase().replace('_', ' ');
    }

    private static String aggregateId(CatalogKind kind, String code) {
        return switch (kind) {
            case PRODUCT_TYPE -> CatalogIds.productType(code);
            case PRODUCT -> CatalogIds.product(code);
            case PROVIDER -> CatalogIds.provider(code);
            case PRICE_PLAN -> CatalogIds.pricePlan(code);
            case BILLING_TERM_SCHEME -> CatalogIds.billingTermScheme(code);
            case SUBSCRIPTION_TYPE -> CatalogIds.subscriptionType(code);
            case USAGE_CATALOG -> CatalogIds.usageCatalog(code);
            case JOB_TYPE -> CatalogIds.jobType(code);
            case ACTIVITY_TYPE -> CatalogIds.activityType(code);
            case ADDITIVE_DISCOUNT -> CatalogIds.additiveDiscount(code);
            case BUY_IN_ADVANCE_DEFINITION -> CatalogIds.BUY_IN_ADVANCE_DEFINITIONS;
            case EVENT_CHARGE_RULE -> CatalogIds.EVENT_CHARGE_RULES;
        };
    }

    /** Kinds whose entries share one catalog-level stream: an entry's history is its events in it. */
    private static boolean sharedStream(CatalogKind kind) {
        return kind == CatalogKind.BUY_IN_ADVANCE_DEFINITION || kind == CatalogKind.EVENT_CHARGE_RULE;
    }
}
