package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a subscription type to the catalog; its code must be new. */
public record CreateSubscriptionType(SubscriptionTypeDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.subscriptionType(definition.code());
    }
}
