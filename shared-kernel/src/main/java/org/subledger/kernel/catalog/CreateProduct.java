package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a product to the catalog; its code must be new. */
public record CreateProduct(ProductDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.product(definition.code());
    }
}
