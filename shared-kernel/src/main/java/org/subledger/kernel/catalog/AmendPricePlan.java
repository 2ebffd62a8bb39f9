package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the definition of a price plan (its rates are set with SetProductRate) that exists (same code). */
public record AmendPricePlan(PricePlanDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.pricePlan(definition.code());
    }
}
