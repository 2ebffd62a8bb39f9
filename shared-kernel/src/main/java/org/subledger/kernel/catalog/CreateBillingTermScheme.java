package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a billing term scheme to the catalog; its code must be new. */
public record CreateBillingTermScheme(BillingTermSchemeDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.billingTermScheme(definition.code());
    }
}
