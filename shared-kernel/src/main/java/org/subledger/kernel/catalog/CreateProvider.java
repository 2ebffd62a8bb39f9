package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a provisioning provider to the catalog; its code must be new. */
public record CreateProvider(ProviderDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.provider(definition.code());
    }
}
