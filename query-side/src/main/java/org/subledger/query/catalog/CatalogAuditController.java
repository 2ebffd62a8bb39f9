package org.subledger.query.catalog;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
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

    private final CatalogStreams streams;

    CatalogAuditController(CatalogStreams streams) {
        this.streams = streams;
    }

    @GetMapping("/api/audit/catalog/{kind}/{code}/events")
    @Operation(summary = "A page of a catalog entry's recorded events, oldest first, each with the entry after it")
    public CatalogEntryEventsView events(@PathVariable String kind, @PathVariable String code,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                  @RequestParam(defaultValue = "" + AuditTrail.DEFAULT_PAGE_SIZE) @Min(1)
                                  @Max(AuditTrail.MAX_PAGE_SIZE) int size) {
        CatalogKind catalogKind = CatalogKind.ofCollection(kind).orElseThrow(() -> new LedgerRefusal(
                ErrorCode.NOT_FOUND, "No catalog collection " + kind + "."));
        return CatalogEntryEventsView.of(code, AuditTrail.page(streams.events(catalogKind, code),
                AuditTrail.folding(CatalogEntryFold::new, (fold, event) -> fold.apply(event.getPayload()),
                        CatalogEntryFold::state), page, size));
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
