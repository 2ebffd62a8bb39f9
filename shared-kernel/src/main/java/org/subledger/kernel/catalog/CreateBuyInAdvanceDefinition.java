package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a buy-in-advance definition to the catalog; its code must be new. */
public record CreateBuyInAdvanceDefinition(BuyInAdvanceDefinition definition) {

    /** Every buy-in-advance definition lives in one catalog-level stream: "one effective at a time" is kept there. */
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.BUY_IN_ADVANCE_DEFINITIONS;
    }
}
