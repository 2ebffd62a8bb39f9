package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the definition of a provisioning provider that exists (same code). */
public record AmendProvider(ProviderDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.provider(definition.code());
    }
}
