package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add an additive discount definition to the catalog; its code must be new. */
public record CreateAdditiveDiscount(AdditiveDiscountDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.additiveDiscount(definition.code());
    }
}
