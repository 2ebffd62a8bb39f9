package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a usage service catalog to the catalog; its code must be new. */
public record CreateUsageCatalog(UsageCatalogDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.usageCatalog(definition.code());
    }
}
