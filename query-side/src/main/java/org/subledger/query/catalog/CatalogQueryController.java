package org.subledger.query.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.catalog.query.CatalogEntry;
import org.subledger.kernel.catalog.query.CatalogEntryPage;
import org.subledger.kernel.catalog.query.CatalogKind;
import org.subledger.kernel.catalog.query.FindCatalogEntry;
import org.subledger.kernel.catalog.query.FindPriceVersions;
import org.subledger.kernel.catalog.query.FindRateInForce;
import org.subledger.kernel.catalog.query.ListCatalogEntries;
import org.subledger.kernel.catalog.query.PriceVersion;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The query API of the catalog: every kind of entry, paged and filtered, each entry by its code, and the price
 * versions of price plans. Open to every authenticated user; it changes nothing.
 */
@RestController
@Validated
@RequestMapping("/api/catalog")
@Tag(name = "Catalog (queries)")
class CatalogQueryController {

    private static final Set<CatalogKind> DATED = Set.of(CatalogKind.PRODUCT, CatalogKind.USAGE_CATALOG,
            CatalogKind.ADDITIVE_DISCOUNT);

    private final QueryGateway queryGateway;
    private final CatalogStreams streams;
    private final Clock clock;

    CatalogQueryController(QueryGateway queryGateway, CatalogStreams streams, Clock clock) {
        this.queryGateway = queryGateway;
        this.streams = streams;
        this.clock = clock;
    }

    @GetMapping("/{kind}")
    @Operation(summary = "List the entries of a kind; products by type or family, products, usage catalogs and discounts by "
            + "validity")
    public CatalogPageView list(@PathVariable String kind,
                                @RequestParam(required = false) String type,
                                @RequestParam(required = false) String family,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate validOn,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(CatalogReadModel.MAX_PAGE_SIZE)
                                int size) {
        CatalogKind catalogKind = kindOf(kind);
        Map<String, String> misplaced = new LinkedHashMap<>();
        if (catalogKind != CatalogKind.PRODUCT) {
            if (type != null) {
                misplaced.put("type", "filters products only");
            }
            if (family != null) {
                misplaced.put("family", "filters products only");
            }
        }
        if (validOn != null && !DATED.contains(catalogKind)) {
            misplaced.put("validOn", "filters products, usage catalogs and additive discounts only");
        }
        if (!misplaced.isEmpty()) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "These filters do not apply to " + kind + ".",
                    misplaced);
        }
        CatalogEntryPage entries = queryGateway.query(
                new ListCatalogEntries(catalogKind, type, family, validOn, page, size), CatalogEntryPage.class).join();
        return CatalogPageView.of(entries);
    }

    @GetMapping("/price-plans/{code}")
    @Operation(summary = "A price plan with every price version of its products, now or as it stood at asOf")
    public PricePlanView pricePlan(@PathVariable String code, @RequestParam(required = false) Instant asOf) {
        if (asOf != null) {
            Then then = entryAsOf(CatalogKind.PRICE_PLAN, code, asOf);
            return PricePlanView.asOf(then.entry(), then.state().priceVersions());
        }
        CatalogEntryView plan = entry(CatalogKind.PRICE_PLAN, code);
        var rates = queryGateway.query(new FindPriceVersions(code, null),
                ResponseTypes.multipleInstancesOf(PriceVersion.class)).join();
        return new PricePlanView(plan, rates);
    }

    @GetMapping("/price-plans/{code}/rates/{productCode}")
    @Operation(summary = "The price version of a product in force on a date (default: today)")
    public PriceVersion rateInForce(@PathVariable String code, @PathVariable String productCode,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                    LocalDate at) {
        LocalDate date = at == null ? LocalDate.now(clock) : at;
        entry(CatalogKind.PRICE_PLAN, code);
        return queryGateway.query(new FindRateInForce(code, productCode, date),
                        ResponseTypes.optionalInstanceOf(PriceVersion.class)).join()
                .orElseThrow(() -> new LedgerRefusal(ErrorCode.CATALOG_ENTRY_NOT_FOUND,
                        "No price of " + productCode + " in force in " + code + " on " + date + "."));
    }

    @GetMapping("/{kind}/{code}")
    @Operation(summary = "One catalog entry of a kind, by its code, now or as it stood at asOf")
    public CatalogEntryView entry(@PathVariable String kind, @PathVariable String code,
                                  @RequestParam(required = false) Instant asOf) {
        return asOf == null ? entry(kindOf(kind), code) : entryAsOf(kindOf(kind), code, asOf).entry();
    }

    /** Rebuilt from the entry's events up to {@code asOf} with the trail's fold: the read model knows only now. */
    private Then entryAsOf(CatalogKind kind, String code, Instant asOf) {
        var events = streams.events(kind, code);
        Instant updatedAt = null;
        long version = -1;
        var fold = new CatalogEntryFold();
        for (var event : events) {
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            fold.apply(event.getPayload());
            updatedAt = event.getTimestamp();
            version = event.getSequenceNumber();
        }
        if (!(fold.state().definition() instanceof Record definition)) {
            Instant created = events.get(0).getTimestamp();
            throw new LedgerRefusal(ErrorCode.CATALOG_ENTRY_NOT_YET_CREATED, "The " + CatalogStreams.describe(kind)
                    + " " + code + " was created at " + created + ", after " + asOf + ".",
                    Map.of("asOf", "is before the entry was created (" + created + ")"));
        }
        return new Then(CatalogEntryView.asOf(kind, code, definition, events.get(0).getTimestamp(), updatedAt,
                version), fold.state());
    }

    /** An entry at a past instant, and its fold's state then (a price plan's versions). */
    private record Then(CatalogEntryView entry, CatalogEntryFold.State state) {
    }

    private CatalogEntryView entry(CatalogKind kind, String code) {
        return queryGateway.query(new FindCatalogEntry(kind, code), ResponseTypes.optionalInstanceOf(
                        CatalogEntry.class)).join()
                .map(CatalogEntryView::of)
                .orElseThrow(() -> new LedgerRefusal(ErrorCode.CATALOG_ENTRY_NOT_FOUND,
                        "No " + kind.name().toLowerCase().replace('_', ' ') + " " + code + "."));
    }

    private static CatalogKind kindOf(String collection) {
        return CatalogKind.ofCollection(collection).orElseThrow(() -> new LedgerRefusal(ErrorCode.NOT_FOUND,
                "No catalog collection " + collection + "."));
    }
}
