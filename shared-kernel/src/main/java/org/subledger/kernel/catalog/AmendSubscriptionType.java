package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the definition of a subscription type that exists (same code). */
public record AmendSubscriptionType(SubscriptionTypeDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.subscriptionType(definition.code());
    }
}
