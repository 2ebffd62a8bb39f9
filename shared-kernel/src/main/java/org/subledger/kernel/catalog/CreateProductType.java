package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a product type to the catalog; its code must be new. */
public record CreateProductType(ProductTypeDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.productType(definition.code());
    }
}
