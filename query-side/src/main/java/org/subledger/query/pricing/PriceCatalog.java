package org.subledger.query.pricing;

import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.catalog.query.PriceVersion;

import java.time.LocalDate;
import java.util.Optional;

/** What pricing needs to know of the catalog. */
interface PriceCatalog {

    Optional<PricePlanDefinition> pricePlan(String code);

    boolean hasProduct(String code);

    Optional<PriceVersion> rateInForce(String pricePlanCode, String productCode, LocalDate date);

    Optional<UsageCatalogDefinition> usageCatalog(String code);
}
