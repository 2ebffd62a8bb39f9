package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the definition of a product that exists (same code). */
public record AmendProduct(ProductDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.product(definition.code());
    }
}
