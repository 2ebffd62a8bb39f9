package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the definition of an additive discount that exists (same code), its state included. */
public record AmendAdditiveDiscount(AdditiveDiscountDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.additiveDiscount(definition.code());
    }
}
