package org.subledger.query.catalog;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.subledger.kernel.catalog.query.CatalogEntry;
import org.subledger.kernel.catalog.query.CatalogEntryPage;
import org.subledger.kernel.catalog.query.FindCatalogEntry;
import org.subledger.kernel.catalog.query.FindPriceVersions;
import org.subledger.kernel.catalog.query.FindRateInForce;
import org.subledger.kernel.catalog.query.ListCatalogEntries;
import org.subledger.kernel.catalog.query.PriceVersion;

import java.util.List;
import java.util.Optional;

/** Answers the catalog queries from the catalog read models. */
@Component
class CatalogQueryHandler {

    private final CatalogReadModel catalog;

    CatalogQueryHandler(CatalogReadModel catalog) {
        this.catalog = catalog;
    }

    @QueryHandler
    Optional<CatalogEntry> handle(FindCatalogEntry query) {
        return catalog.entry(query.kind(), query.code());
    }

    @QueryHandler
    CatalogEntryPage handle(ListCatalogEntries query) {
        return catalog.list(query);
    }

    @QueryHandler
    List<PriceVersion> handle(FindPriceVersions query) {
        return catalog.priceVersions(query.pricePlanCode(), query.productCode());
    }

    @QueryHandler
    Optional<PriceVersion> handle(FindRateInForce query) {
        return catalog.rateInForce(query.pricePlanCode(), query.productCode(), query.at());
    }
}
