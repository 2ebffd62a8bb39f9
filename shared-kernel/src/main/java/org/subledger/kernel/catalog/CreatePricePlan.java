package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a price plan (its rates are set with SetProductRate) to the catalog; its code must be new. */
public record CreatePricePlan(PricePlanDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.pricePlan(definition.code());
    }
}
