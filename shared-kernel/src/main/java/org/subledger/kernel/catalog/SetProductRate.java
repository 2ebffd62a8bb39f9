package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.subledger.kernel.rating.Rate;

import java.time.LocalDate;

/**
 * Price a product in a price plan from {@code effectiveFrom} on. A change of rate never rewrites history: it adds a
 * price version, and each period is rated with the version in force for it. Expenses take no tiers.
 */
public record SetProductRate(String pricePlanCode, String productCode, RateClassification classification, Rate rate,
                             LocalDate effectiveFrom) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.pricePlan(pricePlanCode);
    }
}
