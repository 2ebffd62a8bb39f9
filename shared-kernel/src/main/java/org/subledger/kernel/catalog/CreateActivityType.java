package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add an activity type to the catalog; its code must be new. */
public record CreateActivityType(ActivityTypeDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.activityType(definition.code());
    }
}
