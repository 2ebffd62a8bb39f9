package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the definition of a billing term scheme that exists (same code). */
public record AmendBillingTermScheme(BillingTermSchemeDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.billingTermScheme(definition.code());
    }
}
