package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the definition of a usage service catalog that exists (same code). */
public record AmendUsageCatalog(UsageCatalogDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.usageCatalog(definition.code());
    }
}
