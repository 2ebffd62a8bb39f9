package org.subledger.query.pricing;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.catalog.query.CatalogKind;
import org.subledger.kernel.catalog.query.PriceQuoteAnswer;
import org.subledger.kernel.catalog.query.PriceVersion;
import org.subledger.kernel.catalog.query.QuotePrice;
import org.subledger.kernel.catalog.query.QuoteUsage;
import org.subledger.kernel.catalog.query.UsageQuoteAnswer;
import org.subledger.query.catalog.CatalogReadModel;

import java.time.LocalDate;
import java.util.Optional;

/** Answers price and usage quotes from the catalog read models. */
@Component
class PricingQueryHandler {

    private final PriceQuoter prices;
    private final UsageQuoter usages;

    PricingQueryHandler(CatalogReadModel readModel) {
        PriceCatalog catalog = new ReadModelCatalog(readModel);
        this.prices = new PriceQuoter(catalog);
        this.usages = new UsageQuoter(catalog);
    }

    @QueryHandler
    PriceQuoteAnswer handle(QuotePrice query) {
        return prices.quote(query);
    }

    @QueryHandler
    UsageQuoteAnswer handle(QuoteUsage query) {
        return usages.quote(query);
    }

    private record ReadModelCatalog(CatalogReadModel readModel) implements PriceCatalog {

        @Override
        public Optional<PricePlanDefinition> pricePlan(String code) {
            return readModel.pricePlan(code);
        }

        @Override
        public boolean hasProduct(String code) {
            return readModel.exists(CatalogKind.PRODUCT, code);
        }

        @Override
        public Optional<PriceVersion> rateInForce(String pricePlanCode, String productCode, LocalDate date) {
            return readModel.rateInForce(pricePlanCode, productCode, date);
        }

        @Override
        public Optional<UsageCatalogDefinition> usageCatalog(String code) {
            return readModel.usageCatalog(code);
        }
    }
}
