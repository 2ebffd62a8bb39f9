package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the definition of a product type that exists (same code). */
public record AmendProductType(ProductTypeDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.productType(definition.code());
    }
}
