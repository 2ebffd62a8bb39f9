package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the definition of an activity type that exists (same code). */
public record AmendActivityType(ActivityTypeDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.activityType(definition.code());
    }
}
