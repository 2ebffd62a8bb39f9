package org.subledger.query.catalog;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.query.CatalogKind;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.query.audit.AuditTrail;
import org.subledger.query.audit.AuditedEvent;

import java.util.List;

/**
 * {@code GET /api/audit/catalog/{kind}/{code}/events}: the history of one catalog entry, oldest first, each event with
 * who, when and why and the entry after it ({@link CatalogEntryFold}). Read from the entry's own stream in the event
 * store (the buy-in-advance definitions share one stream: only this definition's events are shown). Restricted to
 * auditors, supervisors and admins by the {@code /api/audit/**} rule.
 */
@RestController
@Validated
class CatalogAuditController {

    private final EventStore eventStore;

    CatalogAuditController(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @GetMapping("/api/audit/catalog/{kind}/{code}/events")
    @Operation(summary = "A page of a catalog entry's recorded events, oldest first, each with the entry after it")
    public CatalogEntryEventsView events(@PathVariable String kind, @PathVariable String code,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                  @RequestParam(defaultValue = "" + AuditTrail.DEFAULT_PAGE_SIZE) @Min(1)
                                  @Max(AuditTrail.MAX_PAGE_SIZE) int size) {
        CatalogKind catalogKind = CatalogKind.ofCollection(kind).orElseThrow(() -> new LedgerRefusal(
                ErrorCode.NOT_FOUND, "No catalog collection " + kind + "."));
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(aggregateId(catalogKind, code), 0)
                .asStream().filter(event -> !sharedStream(catalogKind)
                        || code.equals(CatalogEntryFold.codeOf(event.getPayload())))
                .toList();
        if (events.isEmpty()) {
            throw new LedgerRefusal(ErrorCode.CATALOG_ENTRY_NOT_FOUND, "No "
                    + catalogKind.name().toLowerCase().replace('_', ' ') + " " + code + ".");
        }
        return CatalogEntryEventsView.of(code, AuditTrail.page(events, AuditTrail.folding(CatalogEntryFold::new,
                (fold, event) -> fold.apply(event.getPayload()), CatalogEntryFold::state), page, size));
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

    /** A page of the catalog entry's history, oldest event first, each event with the catalog entry after it. */
    public record CatalogEntryEventsView(String code, List<AuditedEvent> events, int page, int size, long totalElements,
                                         long totalPages) {
        static CatalogEntryEventsView of(String code, AuditTrail.Page trail) {
            return new CatalogEntryEventsView(code, trail.events(), trail.page(), trail.size(), trail.totalElements(),
                    trail.totalPages());
        }
    }
}
