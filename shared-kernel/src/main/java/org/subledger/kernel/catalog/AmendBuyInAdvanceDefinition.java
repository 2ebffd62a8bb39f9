package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a buy-in-advance definition that exists (same code), its state included. */
public record AmendBuyInAdvanceDefinition(BuyInAdvanceDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.BUY_IN_ADVANCE_DEFINITIONS;
    }
}
